/**
 * Lead-time distributions of several variants on one pair of axes, as outlines, each as shares
 * of its own items so a variant that finished more items does not look taller for that alone.
 */
import { scaleLinear } from 'd3';
import {
  binStarts,
  historyHistogram,
  type SharedHistogram,
  sharedHistogram,
  sharesAt,
} from '../viewmodel/chart-data/compare-data.ts';
import { formatNumber, formatPercent, pluralUnit } from '../viewmodel/format.ts';
import { type ChartSpec, type ComparisonChart, HISTORY_SERIES, type HistoryShown } from './chart-spec.ts';
import { type ChartContext, createFrame, drawAxes } from './frame.ts';
import { readOut } from './read-out.ts';
import { categorical, sourceColour } from './theme.ts';

export const distributionsChart: ComparisonChart = {
  section: 'lead-time',
  id: 'compare-overlay',
  title: 'Lead-time distributions',
  explain:
    'The lead-time distribution of each variant as shares of its own items, on shared axes, with each variant’s p85 dashed. A distribution further left and narrower is faster and more predictable.',
  file: 'distributions',
  draw: (host, c, ctx) => drawHistogramOverlay(host, sharedHistogram(c), ctx),
};

export const historyDistributionsChart: ChartSpec<HistoryShown> = {
  id: 'history-histogram',
  title: 'Lead-time distribution: history and model',
  explain:
    'How long items took from entering the workflow to done, as shares of each one’s done items on the same bins: the team’s history and one simulated year of the fitted model, each with its p85 dashed. Where the outlines part, the model does not reproduce the team.',
  file: 'lead-time-distribution',
  draw: (host, { history, model }, ctx) =>
    drawHistogramOverlay(
      host,
      historyHistogram([
        { legend: HISTORY_SERIES.history, history },
        { legend: HISTORY_SERIES.model, history: model },
      ]),
      ctx,
      sourceColour,
    ),
};

/** `colour` of each series: the palette's order for variants, the two sources' for a history and its model. */
export function drawHistogramOverlay(
  host: HTMLElement,
  data: SharedHistogram,
  ctx: ChartContext,
  colourOf: (i: number) => string = categorical,
) {
  const labels = data.variants.map((v) => `${v.legend} (p85 ${formatNumber(v.p85)})`);
  const frame = createFrame(host, ctx, {
    label: 'Lead-time distributions on shared axes',
    legend: labels.map((label, i) => ({ label, colour: colourOf(i), kind: 'line' })),
  });
  const { plot, inner } = frame;
  const unit = pluralUnit(ctx.unit);
  const x = scaleLinear().domain([0, data.xMax]).range([0, inner.width]).nice();
  const y = scaleLinear().domain([0, data.yMax]).range([inner.height, 0]).nice();
  drawAxes(frame, x, y, { x: `lead time (${unit})`, y: 'share of items' }, { y: (v) => formatPercent(v) });
  data.variants.forEach((v, i) => {
    const colour = colourOf(i);
    let d = '';
    for (const b of v.bars) d += `${d ? 'L' : 'M'}${x(b.from)},${y(b.share)}H${x(b.to)}`;
    if (v.bars.length) {
      const first = v.bars[0];
      const last = v.bars[v.bars.length - 1];
      const area = `M${x(first.from)},${y(0)}${d.replace(/^M/, 'L')}L${x(last.to)},${y(0)}Z`;
      plot.append('path').attr('d', area).attr('fill', colour).attr('fill-opacity', 0.12);
    }
    plot
      .append('path')
      .attr('class', 'series')
      .attr('d', d)
      .attr('fill', 'none')
      .attr('stroke', colour)
      .attr('stroke-width', 2);
    plot
      .append('line')
      .attr('x1', x(v.p85))
      .attr('x2', x(v.p85))
      .attr('y1', 0)
      .attr('y2', inner.height)
      .attr('stroke', colour)
      .attr('stroke-dasharray', '5 3')
      .attr('stroke-width', 1.5);
  });
  // The places are lead times; the arrow keys step from one bin's start to the next, any
  // variant's, so each step reads a change.
  const starts = binStarts(data);
  readOut(frame, {
    label: 'Lead-time distributions; use the arrow keys to read each variant’s share of items by lead time',
    cursor: 'line',
    start: -1,
    nearest: (px) => x.invert(px),
    next: (t, direction) =>
      direction === 1
        ? (starts.find((s) => s > t) ?? starts.at(-1) ?? t)
        : (starts.findLast((s) => s < t) ?? starts[0] ?? t),
    read: (t) =>
      starts.length === 0
        ? null
        : {
            lines: [
              `lead time ${formatNumber(t)} ${unit}`,
              ...sharesAt(data, t).map((v) => `${v.legend}: ${formatPercent(v.share)} of items`),
            ],
            x: x(t),
            y: 20,
          },
  });
  host.dataset.items = String(data.variants.reduce((n, v) => n + v.bars.length, 0));
}
