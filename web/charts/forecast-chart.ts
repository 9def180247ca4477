/**
 * A Monte Carlo forecast as flow analysts know it: a histogram of the outcomes of many
 * replications, with the percentiles marked (for a date: 50%, 85%, 95% likely to be done by;
 * for items by a date: at least this many with 85% and 50% likelihood).
 */
import { scaleLinear } from 'd3';
import type { ForecastResult } from '../../src/experiment/forecast.ts';
import { formatNumber } from '../viewmodel/format.ts';
import { type ChartContext, createFrame, drawAxes, drawLegend } from './frame.ts';
import { categorical, INK } from './theme.ts';
import { attachTooltip, rovingFocus } from './tooltip.ts';

export function drawForecast(host: HTMLElement, f: ForecastResult, ctx: ChartContext, xTitle: string) {
  const byDate = 'items' in f.question;
  const marks = byDate
    ? [
        { label: `50%: ${formatNumber(f.p50)}`, at: f.p50 },
        { label: `85%: ${formatNumber(f.p85)}`, at: f.p85 },
        { label: `95%: ${formatNumber(f.p95)}`, at: f.p95 },
      ]
    : [
        { label: `85%: at least ${formatNumber(f.p15)}`, at: f.p15 },
        { label: `50%: at least ${formatNumber(f.p50)}`, at: f.p50 },
      ];
  const frame = createFrame(host, ctx, {
    label: `Forecast: ${xTitle}, over ${f.samples.length} replications`,
    legend: ['replications', ...marks.map((m) => m.label)],
  });
  const { plot, inner } = frame;
  const bins = f.histogram;
  const x = scaleLinear()
    .domain([bins[0]?.from ?? 0, bins[bins.length - 1]?.to ?? 1])
    .range([0, inner.width])
    .nice();
  const y = scaleLinear()
    .domain([0, Math.max(1, ...bins.map((b) => b.count))])
    .range([inner.height, 0])
    .nice();
  drawAxes(frame, x, y, { x: xTitle, y: 'replications' }, { x: formatNumber, y: formatNumber });
  const bars: SVGElement[] = [];
  for (const b of bins) {
    const bar = plot
      .append('rect')
      .attr('x', x(b.from) + 0.5)
      .attr('width', Math.max(1, x(b.to) - x(b.from) - 1))
      .attr('y', y(b.count))
      .attr('height', inner.height - y(b.count))
      .attr('fill', '#56B4E9')
      .node() as SVGRectElement;
    attachTooltip(bar, () => [
      `${formatNumber(b.from)} to ${formatNumber(b.to)}`,
      `${b.count} of ${f.samples.length} replications`,
    ]);
    bars.push(bar);
  }
  rovingFocus(bars);
  marks.forEach((m, i) => {
    plot
      .append('line')
      .attr('class', 'percentile')
      .attr('x1', x(m.at))
      .attr('x2', x(m.at))
      .attr('y1', 0)
      .attr('y2', inner.height)
      .attr('stroke', categorical(i + 1))
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', '5 3');
  });
  drawLegend(frame, [
    { label: 'replications', colour: '#56B4E9', kind: 'box' },
    ...marks.map((m, i) => ({ label: m.label, colour: categorical(i + 1), kind: 'dash' as const })),
  ]);
  plot.attr('color', INK);
  host.dataset.items = String(bins.length);
}
