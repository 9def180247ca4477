/**
 * Where the time goes: one item's lead time as a value-stream timeline, a row per stage, each
 * bar starting where the stage before it ended, its waiting part pale and its working part
 * solid, with the stage's flow efficiency beside it; the last row is the whole lead time.
 * Two series (a history and its model) get a bar each on every row.
 */
import { scaleLinear } from 'd3';
import { timeInStages } from '../../src/runner.ts';
import {
  stagesFromRoles,
  type TimeInStagesData,
  timeInStagesData,
  timeInStepsSeries,
} from '../viewmodel/chart-data/time-in-stages-data.ts';
import { formatNumber, formatPercent, pluralUnit } from '../viewmodel/format.ts';
import { type ChartSpec, HISTORY_SERIES, type HistoryShown, type RunChart } from './chart-spec.ts';
import { type ChartContext, createFrame, drawValueAxis, halo } from './frame.ts';
import { drawRowLabel } from './labels.ts';
import type { LegendItem } from './legend.ts';
import { INK, MUTED, sourceColour, textWidth, typeScale } from './theme.ts';
import { attachTooltip, rovingFocus } from './tooltip.ts';

export const timeInStepsChart: RunChart = {
  id: 'chart-time-in-steps',
  section: 'time-in-steps',
  title: 'Where the time goes',
  explain:
    'The lead time of an average completed item (all replications), step after step: each bar starts where the step before it ended, pale for waiting (in the queue, blocked, handed off, paused) and solid for work. The percentage is the step’s flow efficiency, work over its time; the last row is the whole lead time’s. Long pale bars are where to look: shortening the work rarely helps as much as removing a wait.',
  file: 'time-in-steps',
  draw: (host, { result }, ctx) => drawTimeInStages(host, timeInStagesData([timeInStepsSeries(result)]), ctx),
};

export const historyTimeInStagesChart: ChartSpec<HistoryShown> = {
  id: 'history-time-in-stages',
  title: 'Where the time goes: history and model',
  explain:
    'The lead time of an average done item, stage after stage, the team’s above and the fitted model’s (one simulated year) below on each row: each bar starts where the stage before it ended, a waiting stage (Ready for …, queues) pale and a working stage solid. The percentage is the stage’s share of work; the last row is the whole lead time’s flow efficiency. Time in a working stage includes any wait for its people, in the history and so in the model.',
  file: 'time-in-stages',
  // The queue stages are the fit's, the coach's own list included, in both series.
  draw: (host, { history, model, waiting }, ctx) =>
    drawTimeInStages(
      host,
      timeInStagesData([
        { name: HISTORY_SERIES.history, stages: stagesFromRoles(timeInStages(history, waiting).stages) },
        { name: HISTORY_SERIES.model, stages: stagesFromRoles(timeInStages(model, waiting).stages) },
      ]),
      ctx,
    ),
};

/** `colour` mixed with white: a waiting bar in its series' colour, pale. */
function pale(colour: string, share = 0.3): string {
  const channel = (i: number) => Number.parseInt(colour.slice(1 + 2 * i, 3 + 2 * i), 16);
  const mix = [0, 1, 2].map((i) => Math.round(255 - (255 - channel(i)) * share));
  return `rgb(${mix.join(', ')})`;
}

const LEAD_TIME = 'lead time';

export function drawTimeInStages(host: HTMLElement, data: TimeInStagesData, ctx: ChartContext) {
  const unit = pluralUnit(ctx.unit);
  const many = data.totals.length > 1;
  const { base, small } = typeScale(ctx.large);
  const names = [...data.rows.map((r) => r.stage), LEAD_TIME];
  const longest = Math.max(...names.map((n) => n.length), 6);
  const left = Math.min(ctx.width * 0.3, textWidth(longest, base, true) + 16);
  // Two bars to a row are each tall enough that their notes, one above the other, stay apart.
  const barHeight = base * (many ? 1.25 : 1.1);
  const rowHeight = many ? 2 * barHeight + base * 1.1 : barHeight + base * 1.1;
  const legend: LegendItem[] = data.totals.flatMap((t, k) => [
    { label: `${many ? `${t.name}: ` : ''}working`, colour: sourceColour(k) },
    { label: `${many ? `${t.name}: ` : ''}waiting`, colour: pale(sourceColour(k)) },
  ]);
  const frame = createFrame(host, ctx, {
    label: 'Where the lead time goes, stage by stage: waiting and working',
    height: Math.max(180, (data.rows.length + 1) * rowHeight + base * 5),
    legend,
    left,
  });
  const { plot, inner, type } = frame;
  const x = scaleLinear().domain([0, data.xMax]).range([0, inner.width]).nice();
  drawValueAxis(frame, x, {
    ticks: Math.max(2, Math.floor(inner.width / (type.base * 6))),
    format: formatNumber,
    title: `time per item (${unit})`,
  });
  const bars = plot.append('g');
  /** One bar: its waiting part, then its working part, and its note where there is room. */
  const bar = (
    y: number,
    from: number,
    wait: number,
    work: number,
    k: number,
    note: string,
    tip: () => string[],
  ) => {
    const g = bars.append('g').attr('class', 'stage-bar').attr('data-series', data.totals[k].name);
    g.append('rect')
      .attr('x', x(from))
      .attr('y', y)
      .attr('width', Math.max(0, x(from + wait) - x(from)))
      .attr('height', barHeight)
      .attr('fill', pale(sourceColour(k)));
    g.append('rect')
      .attr('x', x(from + wait))
      .attr('y', y)
      .attr('width', Math.max(work > 0 ? 1 : 0, x(from + wait + work) - x(from + wait)))
      .attr('height', barHeight)
      .attr('fill', sourceColour(k));
    // A transparent cover takes the pointer and the focus for the whole bar.
    const cover = g
      .append('rect')
      .attr('x', x(from))
      .attr('y', y)
      .attr('width', Math.max(4, x(from + wait + work) - x(from)))
      .attr('height', barHeight)
      .attr('fill', 'transparent')
      .node() as SVGRectElement;
    attachTooltip(cover, tip);
    // Right of the bar, or left of its start when the right has no room, or else inside it
    // from its start (a bar as long as the whole lead time), over its pale waiting part.
    const end = x(from + wait + work) + 6;
    const width = textWidth(note, small);
    const after = end + width <= inner.width + frame.margin.right - 4;
    const before = !after && x(from) - 6 - width >= 0;
    halo(g.append('text'))
      .attr('x', after ? end : before ? x(from) - 6 : x(from) + 6)
      .attr('y', y + barHeight / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', before ? 'end' : 'start')
      .attr('font-size', small)
      .attr('fill', INK)
      .text(note);
  };
  const rowTop = (i: number) => i * rowHeight + base * 0.4;
  const detail = (name: string, wait: number, work: number, fe: number) =>
    `${many ? `${name}: ` : ''}wait ${formatNumber(wait)}, work ${formatNumber(work)} ${unit} (${formatPercent(fe)} work)`;
  data.rows.forEach((row, i) => {
    drawRowLabel(plot, rowTop(i) + (many ? barHeight : barHeight / 2), row.stage, left - 10, type.base);
    row.bars.forEach((b, k) => {
      if (!b) return;
      bar(rowTop(i) + k * barHeight, b.from, b.wait, b.work, k, formatPercent(b.flowEfficiency), () => [
        row.stage,
        detail(data.totals[k].name, b.wait, b.work, b.flowEfficiency),
        `from ${formatNumber(b.from)} to ${formatNumber(b.from + b.wait + b.work)} ${unit} into the lead time`,
      ]);
    });
  });
  // The whole lead time: all its waiting, then all its work.
  const last = data.rows.length;
  plot
    .append('line')
    .attr('x1', -left + 8)
    .attr('x2', inner.width)
    .attr('y1', rowTop(last) - base * 0.3)
    .attr('y2', rowTop(last) - base * 0.3)
    .attr('stroke', MUTED)
    .attr('stroke-opacity', 0.4);
  plot
    .append('text')
    .attr('x', -10)
    .attr('y', rowTop(last) + (many ? barHeight : barHeight / 2))
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .attr('font-weight', 600)
    .attr('fill', INK)
    .text(LEAD_TIME);
  data.totals.forEach((t, k) => {
    bar(
      rowTop(last) + k * barHeight,
      0,
      t.wait,
      t.work,
      k,
      `${formatNumber(t.total)} ${unit}, ${formatPercent(t.flowEfficiency)} work`,
      () => [
        `${many ? `${t.name}: ` : ''}lead time ${formatNumber(t.total)} ${unit}`,
        detail(t.name, t.wait, t.work, t.flowEfficiency),
      ],
    );
  });
  rovingFocus(bars.selectAll<SVGRectElement, unknown>('rect[tabindex]').nodes());
  host.dataset.items = String(data.rows.length);
}
