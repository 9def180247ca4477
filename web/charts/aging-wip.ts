/**
 * Aging work in progress: each item in progress is a dot in the column of the stage it is at,
 * as high as its age, against the lead-time percentile lines. Dots above p85 are the items to
 * ask about first. Two series (a history and its model) share each column, side by side.
 */
import { Delaunay, scaleLinear } from 'd3';
import { agingWip } from '../../src/runner.ts';
import {
  type AgingWipData,
  agingWipData,
  agingWipSeries,
  runStages,
} from '../viewmodel/chart-data/aging-wip-data.ts';
import { formatNumber, pluralUnit } from '../viewmodel/format.ts';
import { type ChartSpec, HISTORY_SERIES, type HistoryShown, type RunChart } from './chart-spec.ts';
import { type ChartContext, createFrame, drawYAxis, halo } from './frame.ts';
import { fitLabel, spreadApart } from './labels.ts';
import { type LegendItem, percentileItem } from './legend.ts';
import { clampIndex, readOut } from './read-out.ts';
import {
  GRID,
  MUTED,
  PERCENTILE,
  type Percentile,
  SERIES,
  sourceColour,
  textWidth,
  typeScale,
} from './theme.ts';

export const agingWipChart: RunChart = {
  id: 'chart-aging',
  section: 'work-item-age',
  title: 'Aging work in progress',
  explain:
    'Every item still in progress on the last day of arrivals (the end of the run’s duration, first replication), in the column of the step it is at or waiting for, as high as its age since it arrived. This is the board a coach would see that day; later the run only drains. The lines are the lead-time percentiles of the items done: a dot above p85 is already older than 85% of items were when they were done, the item to ask about first. An open diamond is an item blocked that day, waiting on something outside the stream.',
  file: 'aging-wip',
  draw: (host, { result }, ctx) =>
    drawAgingWip(host, agingWipData([agingWipSeries(result)], runStages(result)), ctx),
};

export const historyAgingWipChart: ChartSpec<HistoryShown> = {
  id: 'history-aging',
  title: 'Aging work in progress: history and model',
  explain:
    'Every item in progress at the end of the history, in the column of the stage it was in, as high as its age since it entered the workflow: the team’s on the left of each column, the fitted model’s (one simulated year) on the right. The lines are each one’s lead-time percentiles of the items done: a dot above p85 is already older than 85% of items were when they were done, the item to ask about first.',
  file: 'aging-wip',
  draw: (host, { history, model }, ctx) =>
    drawAgingWip(
      host,
      agingWipData(
        [
          { name: HISTORY_SERIES.history, ...agingWip(history) },
          { name: HISTORY_SERIES.model, ...agingWip(model) },
        ],
        history.stages,
      ),
      ctx,
    ),
};

const PERCENTILES: readonly Percentile[] = ['p50', 'p85', 'p95'];

export function drawAgingWip(host: HTMLElement, data: AgingWipData, ctx: ChartContext) {
  const many = data.series.length > 1;
  const unit = pluralUnit(ctx.unit);
  const legend: LegendItem[] = [
    ...data.series.map((s, k) => ({
      label: many ? `${s.name}: ${formatNumber(s.count)} in progress` : 'one item in progress',
      colour: sourceColour(k),
    })),
    // An item blocked that day is marked apart, whichever series it is of.
    ...(data.blocked > 0
      ? [
          {
            label: `blocked: ${formatNumber(data.blocked)}`,
            colour: SERIES.blocked,
            kind: 'diamond' as const,
          },
        ]
      : []),
    // With two series each line is drawn in its own half of every column: the legend gives the values.
    ...PERCENTILES.map((p) =>
      percentileItem(
        p,
        many
          ? `${p}: ${data.series.map((s) => `${s.name} ${formatNumber(s.percentiles[p])}`).join(', ')}`
          : p,
      ),
    ),
  ];
  // Column labels that do not fit under their column take two rows, each label two columns wide.
  const scale = typeScale(ctx.large);
  const plotWidth = Math.max(280, Math.floor(ctx.width)) - scale.base * 7.4;
  const columns = Math.max(1, data.stages.length);
  const columnWidth = plotWidth / columns;
  const staggered = data.stages.some((s) => textWidth(s, scale.small) > columnWidth - 6);
  const frame = createFrame(host, ctx, {
    label: 'Aging work in progress by stage, against the lead-time percentiles',
    legend,
    bottom: scale.base * (staggered ? 4.6 : 3.4),
  });
  const { plot, inner, type } = frame;
  const band = inner.width / columns;
  const y = scaleLinear().domain([0, data.yMax]).range([inner.height, 0]).nice();
  drawYAxis(frame, y, `age (${unit})`);
  // The columns: a rule between each, the stage's name under it.
  data.stages.forEach((stage, c) => {
    if (c > 0)
      plot
        .append('line')
        .attr('x1', c * band)
        .attr('x2', c * band)
        .attr('y1', 0)
        .attr('y2', inner.height)
        .attr('stroke', GRID);
    const row = staggered ? c % 2 : 0;
    const label = fitLabel(stage, (staggered ? 2 : 1) * band - 6, type.small);
    plot
      .append('text')
      .attr('class', 'column-label')
      .attr('x', (c + 0.5) * band)
      .attr('y', inner.height + type.base * (1.3 + 1.2 * row))
      .attr('text-anchor', 'middle')
      .attr('fill', MUTED)
      .attr('font-size', label.size)
      .text(label.text);
  });
  plot
    .append('line')
    .attr('x1', 0)
    .attr('x2', inner.width)
    .attr('y1', inner.height)
    .attr('y2', inner.height)
    .attr('stroke', GRID);
  plot
    .append('text')
    .attr('class', 'axis-title')
    .attr('x', inner.width)
    .attr('y', inner.height + type.base * (staggered ? 3.9 : 2.7))
    .attr('text-anchor', 'end')
    .attr('fill', MUTED)
    .text('stage (where each item is, or waits)');
  const share = band / data.series.length;
  // Each series takes its share of a column; its dots keep clear of the share's edges.
  const xOf = (series: number, column: number, offset: number) =>
    column * band + series * share + share * (0.15 + 0.7 * offset);
  drawPercentiles(frame, data, y, band, share);
  const r = data.dots.length > 500 ? 2.2 : 3.2;
  data.series.forEach((_, k) => {
    let d = '';
    for (const dot of data.dots) {
      if (dot.series !== k || dot.blocked !== undefined) continue;
      const cx = xOf(dot.series, dot.column, dot.offset);
      const cy = y(dot.age);
      d += `M${(cx - r).toFixed(1)},${cy.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    }
    plot
      .append('path')
      .attr('class', 'dots')
      .attr('data-series', data.series[k].name)
      .attr('d', d)
      .attr('fill', sourceColour(k))
      .attr('fill-opacity', 0.7);
  });
  // Blocked items: open diamonds a little larger than a dot, so they read apart from it.
  if (data.blocked > 0) {
    const q = r * 1.4;
    let d = '';
    for (const dot of data.dots) {
      if (dot.blocked === undefined) continue;
      const cx = xOf(dot.series, dot.column, dot.offset);
      const cy = y(dot.age);
      d += `M${cx.toFixed(1)},${(cy - q).toFixed(1)}l${q},${q}l${-q},${q}l${-q},${-q}z`;
    }
    plot
      .append('path')
      .attr('class', 'blocked-marks')
      .attr('d', d)
      .attr('fill', 'none')
      .attr('stroke', SERIES.blocked)
      .attr('stroke-width', 1.6);
  }
  const sampled = data.series.filter((s) => s.shown < s.count);
  if (sampled.length > 0)
    halo(plot.append('text'))
      .attr('x', 6)
      .attr('y', type.small * 1.2)
      .attr('font-size', type.small)
      .attr('fill', MUTED)
      .text(sampled.map((s) => `${formatNumber(s.shown)} of ${formatNumber(s.count)} shown`).join('; '));
  if (data.dots.length === 0)
    plot
      .append('text')
      .attr('x', inner.width / 2)
      .attr('y', inner.height / 2)
      .attr('text-anchor', 'middle')
      .attr('fill', MUTED)
      .text('nothing in progress');
  const delaunay = Delaunay.from(
    data.dots,
    (d) => xOf(d.series, d.column, d.offset),
    (d) => y(d.age),
  );
  readOut(frame, {
    label: `${data.dots.length} items in progress by stage; use the arrow keys to step through them`,
    cursor: { ring: r * 2.2 },
    start: -1,
    nearest: (px, py) => delaunay.find(px, py),
    next: (i, direction) => clampIndex(i + direction, data.dots.length),
    read: (i) => {
      const dot = data.dots[i];
      if (!dot) return null;
      const s = data.series[dot.series];
      const p = s.percentiles;
      return {
        lines: [
          data.stages[dot.column],
          `${many ? `${s.name}: ` : ''}age ${formatNumber(dot.age)} ${unit}`,
          dot.past
            ? `older than ${dot.past} (${formatNumber(p[dot.past])} ${unit})`
            : `younger than p50 (${formatNumber(p.p50)} ${unit})`,
          ...(dot.blocked === undefined ? [] : [`blocked for ${formatNumber(dot.blocked)} ${unit} so far`]),
        ],
        x: xOf(dot.series, dot.column, dot.offset),
        y: y(dot.age),
      };
    },
  });
  host.dataset.items = String(data.dots.length);
  host.dataset.blocked = String(data.blocked);
}

/**
 * The percentile lines: across the whole plot for one series, labelled at its right edge; for
 * two, each series' lines in its own share of every column (their values are in the legend).
 */
function drawPercentiles(
  frame: ReturnType<typeof createFrame>,
  data: AgingWipData,
  y: (v: number) => number,
  band: number,
  share: number,
) {
  const { plot, inner, type } = frame;
  const many = data.series.length > 1;
  data.series.forEach((s) => {
    const marks = PERCENTILES.filter((p) => Number.isFinite(s.percentiles[p]));
    const labelAt = spreadApart(
      marks.map((p) => y(s.percentiles[p]) - 4),
      type.small * 1.15,
      type.small,
      inner.height,
    );
    marks.forEach((p, i) => {
      const at = y(s.percentiles[p]);
      let d = `M0,${at}H${inner.width}`;
      if (many) {
        const k = data.series.indexOf(s);
        d = '';
        for (let c = 0; c < data.stages.length; c++)
          d += `M${c * band + k * share + 2},${at}H${c * band + (k + 1) * share - 2}`;
      }
      plot
        .append('path')
        .attr('class', `mark mark-${p}`)
        .attr('d', d)
        .attr('stroke', PERCENTILE[p].colour)
        .attr('stroke-width', 1.8)
        .attr('stroke-dasharray', PERCENTILE[p].dash)
        .attr('fill', 'none');
      if (!many)
        halo(plot.append('text'))
          .attr('x', inner.width - 4)
          .attr('y', labelAt[i])
          .attr('text-anchor', 'end')
          .attr('fill', PERCENTILE[p].text)
          .attr('font-weight', 600)
          .attr('font-size', type.small)
          .text(`${p} ${formatNumber(s.percentiles[p])}`);
    });
  });
}
