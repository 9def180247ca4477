/**
 * A Monte Carlo forecast as flow analysts know it: a histogram of the outcomes of many
 * replications, with the percentiles marked (for a date: 50%, 85%, 95% likely to be done by;
 * for items by a date: at least this many with 85% and 50% likelihood).
 */
import { scaleLinear } from 'd3';
import type { ForecastResult } from '../../src/index.ts';
import { formatNumber } from '../viewmodel/format.ts';
import type { ChartSpec } from './chart-spec.ts';
import { type ChartContext, createFrame, drawAxes } from './frame.ts';
import { INK, PERCENTILE, SERIES } from './theme.ts';
import { attachTooltip, rovingFocus } from './tooltip.ts';

export interface ForecastShown {
  result: ForecastResult;
  /** The question, as the x axis's title: "days until 50 more items are done". */
  title: string;
}

export const forecastChart: ChartSpec<ForecastShown> = {
  id: 'chart-forecast',
  title: 'Forecast',
  explain:
    'How often each outcome came up over the replications. The dashed lines are the percentiles: for a date, the time by which the items are done that often; for items by a date, at least that many are done that often.',
  file: 'forecast',
  wide: true,
  draw: (host, f, ctx) => drawForecast(host, f.result, { ...ctx, unit: f.result.timeUnit }, f.title),
};

export function drawForecast(host: HTMLElement, f: ForecastResult, ctx: ChartContext, xTitle: string) {
  const byDate = 'items' in f.question;
  // Each mark takes the colour of its likelihood, as the percentile marks of a run's charts do:
  // "85% likely" is the p85 colour whether it is a date (p85) or a count (at least p15). All are
  // dashed, as the card's note says, to stand apart from the bars.
  const marks = byDate
    ? [
        { label: `50%: ${formatNumber(f.p50)}`, at: f.p50, colour: PERCENTILE.p50.colour },
        { label: `85%: ${formatNumber(f.p85)}`, at: f.p85, colour: PERCENTILE.p85.colour },
        { label: `95%: ${formatNumber(f.p95)}`, at: f.p95, colour: PERCENTILE.p95.colour },
      ]
    : [
        { label: `85%: at least ${formatNumber(f.p15)}`, at: f.p15, colour: PERCENTILE.p85.colour },
        { label: `50%: at least ${formatNumber(f.p50)}`, at: f.p50, colour: PERCENTILE.p50.colour },
      ];
  const frame = createFrame(host, ctx, {
    label: `Forecast: ${xTitle}, over ${f.samples.length} replications`,
    legend: [
      { label: 'replications', colour: SERIES.bar, kind: 'box' },
      ...marks.map((m) => ({ label: m.label, colour: m.colour, kind: 'dash' as const })),
    ],
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
      .attr('fill', SERIES.bar)
      .node() as SVGRectElement;
    attachTooltip(bar, () => [
      `${formatNumber(b.from)} to ${formatNumber(b.to)}`,
      `${b.count} of ${f.samples.length} replications`,
    ]);
    bars.push(bar);
  }
  rovingFocus(bars);
  for (const m of marks)
    plot
      .append('line')
      .attr('class', 'percentile')
      .attr('x1', x(m.at))
      .attr('x2', x(m.at))
      .attr('y1', 0)
      .attr('y2', inner.height)
      .attr('stroke', m.colour)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', '5 3');
  plot.attr('color', INK);
  host.dataset.items = String(bins.length);
}
