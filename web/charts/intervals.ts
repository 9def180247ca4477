/**
 * Mean lead time of each variant with its 95% interval (the whisker) and its p85 (the open
 * diamond), on one shared axis: intervals that do not overlap are differences to believe.
 */
import { scaleBand, scaleLinear } from 'd3';
import { leadTimeIntervals, type VariantInterval } from '../viewmodel/chart-data/compare-data.ts';
import { formatInterval, formatNumber, pluralUnit } from '../viewmodel/format.ts';
import type { ComparisonChart } from './chart-spec.ts';
import { type ChartContext, createFrame, drawValueAxis } from './frame.ts';
import { drawRowLabel } from './labels.ts';
import { categorical, INK, PAPER, textWidth, typeScale } from './theme.ts';
import { attachTooltip, rovingFocus } from './tooltip.ts';

export const intervalsChart: ComparisonChart = {
  id: 'compare-intervals',
  section: 'lead-time',
  title: 'Mean lead time with 95% intervals',
  explain:
    'Each variant’s mean lead time (dot) with its 95% interval (whiskers) and its 85th percentile (diamond), on one axis. Intervals that do not overlap are differences to believe; the sentences above give the paired intervals, which are narrower.',
  file: 'lead-time',
  wide: true,
  draw: (host, c, ctx) => drawIntervals(host, leadTimeIntervals(c), ctx),
};

export function drawIntervals(host: HTMLElement, rows: readonly VariantInterval[], ctx: ChartContext) {
  const { base } = typeScale(ctx.large);
  // The baseline's name is bold, and may be the longest.
  const longest = Math.max(...rows.map((r) => r.legend.length), 6);
  const frame = createFrame(host, ctx, {
    label: 'Mean lead time of each variant with its 95% interval, and its p85',
    height: rows.length * base * 3 + base * 6,
    legend: [
      { label: 'mean', colour: INK },
      { label: '95% interval of the mean', colour: INK, kind: 'line' },
      { label: 'p85', colour: INK, kind: 'diamond' },
    ],
    left: Math.min(ctx.width * 0.4, textWidth(longest, base, true) + 20),
    right: base * 2,
  });
  const { plot, inner, type } = frame;
  const unit = pluralUnit(ctx.unit);
  const xMax = Math.max(...rows.map((r) => Math.max(r.p85, r.ci95?.[1] ?? r.mean)));
  const x = scaleLinear().domain([0, xMax]).range([0, inner.width]).nice();
  const y = scaleBand()
    .domain(rows.map((r) => r.name))
    .range([0, inner.height])
    .padding(0.35);
  drawValueAxis(frame, x, { ticks: 6, format: formatNumber, title: `lead time (${unit})` });
  rows.forEach((r, i) => {
    const cy = (y(r.name) ?? 0) + y.bandwidth() / 2;
    const colour = categorical(i);
    const g = plot.append('g').attr('class', 'variant');
    drawRowLabel(g, cy, r.legend, frame.margin.left - 12, type.base, r.baseline);
    if (r.ci95) {
      g.append('line')
        .attr('x1', x(r.ci95[0]))
        .attr('x2', x(r.ci95[1]))
        .attr('y1', cy)
        .attr('y2', cy)
        .attr('stroke', colour)
        .attr('stroke-width', 3);
      for (const end of r.ci95)
        g.append('line')
          .attr('x1', x(end))
          .attr('x2', x(end))
          .attr('y1', cy - base * 0.5)
          .attr('y2', cy + base * 0.5)
          .attr('stroke', colour)
          .attr('stroke-width', 2);
    }
    const dot = g
      .append('circle')
      .attr('cx', x(r.mean))
      .attr('cy', cy)
      .attr('r', base * 0.45)
      .attr('fill', colour);
    g.append('path')
      .attr(
        'd',
        `M${x(r.p85)},${cy - base * 0.5}l${base * 0.5},${base * 0.5}l${-base * 0.5},${base * 0.5}l${-base * 0.5},${-base * 0.5}z`,
      )
      .attr('fill', PAPER)
      .attr('stroke', colour)
      .attr('stroke-width', 2);
    g.append('text')
      .attr('x', x(r.mean))
      .attr('y', cy - base * 0.9)
      .attr('text-anchor', 'middle')
      .attr('font-size', type.small)
      .attr('fill', INK)
      .text(formatNumber(r.mean));
    attachTooltip(dot.node() as SVGCircleElement, () => [
      `${r.name}${r.baseline ? ' (baseline)' : ''}`,
      `mean lead time ${formatNumber(r.mean)} ${unit}`,
      `95% interval ${formatInterval(r.ci95)}`,
      `p85 ${formatNumber(r.p85)} ${unit}`,
    ]);
  });
  rovingFocus(plot.selectAll<SVGCircleElement, unknown>('circle[tabindex]').nodes());
  host.dataset.items = String(rows.length);
}
