/**
 * Lead-time distribution: how many items took how long, with p50, p85 and p95 marked. The
 * p85 line is the one to quote as a forecast ("85% of items are done within …").
 */
import { scaleLinear } from 'd3';
import { type HistogramData, histogramData } from '../viewmodel/chart-data/histogram-data.ts';
import { formatNumber, formatPercent, pluralUnit } from '../viewmodel/format.ts';
import type { RunChart } from './chart-spec.ts';
import { type ChartContext, createFrame, drawAxes, halo } from './frame.ts';
import { percentileItem } from './legend.ts';
import { PERCENTILE, SERIES, textWidth } from './theme.ts';
import { attachTooltip, rovingFocus } from './tooltip.ts';

export const leadTimeChart: RunChart = {
  id: 'chart-histogram',
  section: 'lead-time',
  title: 'Lead-time distribution',
  explain:
    'How long items took from arrival to done, over all replications. The tall bars are the typical items; the long right tail is the items customers waited longest for. p85 is the time 85% of items beat, a fair promise to make; p95 for the cautious.',
  file: 'lead-time',
  draw: (host, { result }, ctx) => drawHistogram(host, histogramData(result), ctx),
};

export function drawHistogram(host: HTMLElement, data: HistogramData, ctx: ChartContext) {
  const legend = [
    { label: 'items per lead-time range', colour: SERIES.bar },
    percentileItem('p50', 'p50 (median)'),
    percentileItem('p85', 'p85 (forecast)'),
    percentileItem('p95'),
  ];
  const frame = createFrame(host, ctx, {
    label: 'Lead-time distribution with p50, p85 and p95',
    legend,
  });
  const { plot, inner, type } = frame;
  const x = scaleLinear().domain(data.domain).range([0, inner.width]).nice();
  // Headroom above the tallest bar for the percentile labels.
  const y = scaleLinear()
    .domain([0, (data.maxCount || 1) * 1.2])
    .range([inner.height, 0])
    .nice();
  drawAxes(frame, x, y, { x: `lead time (${pluralUnit(ctx.unit)})`, y: 'items' });
  const unit = pluralUnit(ctx.unit);
  plot
    .append('g')
    .selectAll('rect')
    .data(data.bars)
    .join('rect')
    .attr('x', (b) => x(b.from) + 0.5)
    .attr('width', (b) => Math.max(1, x(b.to) - x(b.from) - 1))
    .attr('y', (b) => y(b.count))
    .attr('height', (b) => inner.height - y(b.count))
    .attr('fill', SERIES.bar)
    .each(function (b) {
      attachTooltip(this as SVGRectElement, () => [
        `${formatNumber(b.from)} to ${formatNumber(b.to)} ${unit}`,
        `${formatNumber(b.count)} items (${formatPercent(b.share)} of all)`,
      ]);
    });
  rovingFocus(plot.selectAll<SVGRectElement, unknown>('rect[tabindex]').nodes());
  data.marks.forEach((m, i) => {
    const g = plot
      .append('g')
      .attr('class', `mark mark-${m.label}`)
      .attr('transform', `translate(${x(m.value)},0)`);
    g.append('line')
      .attr('y1', 0)
      .attr('y2', inner.height)
      .attr('stroke', PERCENTILE[m.label].colour)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', PERCENTILE[m.label].dash);
    const label = `${m.label} ${formatNumber(m.value)}`;
    // Right of its line, unless that would run past the chart's edge (a long tail's p95).
    const flip = x(m.value) + 4 + textWidth(label, type.base, true) > inner.width + frame.margin.right;
    halo(g.append('text'))
      .attr('x', flip ? -4 : 4)
      .attr('text-anchor', flip ? 'end' : 'start')
      .attr('y', type.base * (1 + i * 1.2))
      .attr('fill', PERCENTILE[m.label].text)
      .attr('font-weight', 600)
      .text(label);
  });
  host.dataset.items = String(data.bars.length);
}
