/**
 * A metric against a swept parameter: one line per routing strategy, each point with its 95%
 * interval as a band. For mean lead time against load this is the Kingman curve: flat at first,
 * then climbing steeply as the load nears 1; dynamic routing bends it later.
 */
import { area, line, scaleLinear } from 'd3';
import type { SweepResult } from '../../src/index.ts';
import { formatNumber, pluralUnit } from '../viewmodel/format.ts';
import { type SweepLine, type SweepMetric, sweepLines } from '../viewmodel/sweep-setup.ts';
import type { ChartSpec } from './chart-spec.ts';
import { type ChartContext, createFrame, drawAxes } from './frame.ts';
import { categorical, PAPER } from './theme.ts';
import { attachTooltip, rovingFocus } from './tooltip.ts';

export interface SweepShown {
  result: SweepResult;
  /** The swept parameter's path, the x axis. */
  x: string;
  unit: string;
  /** The metric the page's menu has chosen, read at each drawing so a new choice redraws. */
  metric: () => SweepMetric;
}

export const sweepChart: ChartSpec<SweepShown> = {
  id: 'chart-sweep',
  title: 'Sweep',
  explain:
    'Each point is the scenario at one value of the parameter, averaged over its replications; the band is the 95% interval. One line per routing strategy, every point run with the same seeds. A point marked ✗ could not run, and a hollow point is not the system’s numbers (a node there is offered 100% or more of its capacity, or the run stopped early): hover it to see why.',
  file: 'sweep',
  wide: true,
  json: { id: 'export-sweep-json', description: 'Save the sweep’s results as JSON', value: (s) => s.result },
  draw: (host, s, ctx) => {
    const metric = s.metric();
    const units = pluralUnit(s.unit);
    drawSweep(
      host,
      sweepLines(s.result, s.x, metric),
      { ...ctx, unit: s.unit },
      {
        x: s.x,
        y: metric.time ? `${metric.label.toLowerCase()} (${units})` : metric.label.toLowerCase(),
        value: (v) => (metric.time ? `${formatNumber(v)} ${units}` : formatNumber(v)),
        xValue: formatNumber,
      },
    );
  },
};

export function drawSweep(
  host: HTMLElement,
  lines: readonly SweepLine[],
  ctx: ChartContext,
  text: { x: string; y: string; value: (v: number) => string; xValue: (v: number) => string },
) {
  const frame = createFrame(host, ctx, {
    label: `${text.y} against ${text.x}, one line per routing strategy, with 95% intervals`,
    legend: lines.map((l, i) => ({ label: l.label, colour: categorical(i), kind: 'line' })),
  });
  const { plot, inner } = frame;
  const all = lines.flatMap((l) => l.points);
  const xs = [...all.map((p) => p.x), ...lines.flatMap((l) => l.failed.map((f) => f.x))];
  const x = scaleLinear()
    .domain([Math.min(...xs), Math.max(...xs)])
    .range([0, inner.width]);
  const y = scaleLinear()
    .domain([0, Math.max(1e-9, ...all.map((p) => p.hi))])
    .range([inner.height, 0])
    .nice();
  // Ticks are bare numbers: the unit is in the axis title, and the tooltips say it in full.
  drawAxes(frame, x, y, { x: text.x, y: text.y }, { x: text.xValue, y: formatNumber });
  const marks: SVGElement[] = [];
  lines.forEach((l, i) => {
    const colour = categorical(i);
    const g = plot.append('g').attr('class', 'sweep-line').attr('data-key', l.key);
    g.append('path')
      .attr('class', 'band')
      .attr(
        'd',
        area<SweepLine['points'][number]>()
          .x((p) => x(p.x))
          .y0((p) => y(p.lo))
          .y1((p) => y(p.hi))(l.points),
      )
      .attr('fill', colour)
      .attr('fill-opacity', 0.16);
    g.append('path')
      .attr(
        'd',
        line<SweepLine['points'][number]>()
          .x((p) => x(p.x))
          .y((p) => y(p.y))(l.points),
      )
      .attr('fill', 'none')
      .attr('stroke', colour)
      .attr('stroke-width', 2);
    for (const p of l.points) {
      // A point whose numbers are not the system's (a node cannot keep up, or the run stopped
      // early) is drawn hollow and larger, and says why.
      const dot = g
        .append('circle')
        .attr('class', p.unsound ? 'unsound' : null)
        .attr('cx', x(p.x))
        .attr('cy', y(p.y))
        .attr('r', p.unsound ? 5 : 3.5)
        .attr('fill', p.unsound ? PAPER : colour)
        .attr('stroke', p.unsound ? colour : null)
        .attr('stroke-width', p.unsound ? 2 : null)
        .node() as SVGCircleElement;
      attachTooltip(dot, () => [
        `${l.label}, ${text.x} ${text.xValue(p.x)}`,
        `${text.y}: ${text.value(p.y)}`,
        `95% interval ${text.value(p.lo)} to ${text.value(p.hi)}`,
        ...(p.unsound ? [`not the system’s numbers: ${p.unsound}`] : []),
      ]);
      marks.push(dot);
    }
    for (const f of l.failed) {
      const cross = g
        .append('text')
        .attr('x', x(f.x))
        .attr('y', inner.height - 4)
        .attr('text-anchor', 'middle')
        .attr('fill', colour)
        .text('✗')
        .node() as SVGTextElement;
      attachTooltip(cross, () => [
        `${l.label}, ${text.x} ${text.xValue(f.x)}`,
        `did not run: ${f.error.split('\n')[0]}`,
      ]);
      marks.push(cross);
    }
  });
  rovingFocus(marks);
  host.dataset.items = String(all.length);
  host.dataset.unsound = String(all.filter((p) => p.unsound).length);
}
