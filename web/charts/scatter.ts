/**
 * Cycle time of each completed item against the day it was done (first replication): the
 * scatterplot flow analysts forecast from. Dots drifting upward mean the system is slowing.
 */
import { Delaunay, scaleLinear } from 'd3';
import { type ScatterData, scatterData } from '../viewmodel/chart-data/scatter-data.ts';
import { formatNumber, pluralUnit } from '../viewmodel/format.ts';
import type { ChartSpec, RunShown } from './chart-spec.ts';
import { type ChartContext, createFrame, drawAxes, halo } from './frame.ts';
import { spreadApart } from './labels.ts';
import { percentileItem } from './legend.ts';
import { clampIndex, readOut } from './read-out.ts';
import { PERCENTILE, SERIES } from './theme.ts';

export const cycleTimeChart: ChartSpec<RunShown> = {
  id: 'chart-scatter',
  title: 'Cycle time of each item',
  explain:
    'Each dot is one item of the first replication, placed at the time it was done and as high as its cycle time (from the start of work to done). A cloud drifting upward means the system is slowing down. The lines are percentiles over all replications.',
  file: 'cycle-times',
  draw: (host, { result }, ctx) => drawScatter(host, scatterData(result), ctx),
};

export function drawScatter(host: HTMLElement, data: ScatterData, ctx: ChartContext) {
  const legend = [
    { label: 'one completed item', colour: SERIES.dot },
    percentileItem('p50'),
    percentileItem('p85'),
    percentileItem('p95'),
  ];
  const frame = createFrame(host, ctx, {
    label: 'Cycle time of each completed item over time',
    legend,
  });
  const { plot, inner, type } = frame;
  const unit = pluralUnit(ctx.unit);
  const x = scaleLinear().domain(data.xDomain).range([0, inner.width]).nice();
  const y = scaleLinear().domain([0, data.yMax]).range([inner.height, 0]).nice();
  drawAxes(frame, x, y, { x: `done at (${unit})`, y: `cycle time (${unit})` });
  const r = data.points.length > 1000 ? 1.8 : 2.4;
  // One path of tiny arcs instead of thousands of <circle> elements: same picture, far
  // less DOM to build, which keeps drawing well inside one frame.
  let d = '';
  for (const p of data.points) {
    const cx = x(p.t);
    const cy = y(p.value);
    d += `M${(cx - r).toFixed(1)},${cy.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  plot.append('path').attr('class', 'dots').attr('d', d).attr('fill', SERIES.dot).attr('fill-opacity', 0.45);
  // p85 and p95 are often a few pixels apart: their labels are moved apart to be read.
  const labelAt = spreadApart(
    data.lines.map((l) => y(l.value) - 4),
    type.small * 1.15,
    type.small,
    inner.height,
  );
  data.lines.forEach((l, i) => {
    plot
      .append('line')
      .attr('x1', 0)
      .attr('x2', inner.width)
      .attr('y1', y(l.value))
      .attr('y2', y(l.value))
      .attr('stroke', PERCENTILE[l.label].colour)
      .attr('stroke-width', 1.8)
      .attr('stroke-dasharray', PERCENTILE[l.label].dash);
    halo(plot.append('text'))
      .attr('x', inner.width - 4)
      .attr('y', labelAt[i])
      .attr('text-anchor', 'end')
      .attr('fill', PERCENTILE[l.label].text)
      .attr('font-weight', 600)
      .attr('font-size', type.small)
      .text(`${l.label} ${formatNumber(l.value)}`);
  });
  const delaunay = Delaunay.from(
    data.points,
    (p) => x(p.t),
    (p) => y(p.value),
  );
  // The places are the items, in the order they were done; the first key press reads the first.
  readOut(frame, {
    label: `${data.points.length} completed items; use the arrow keys to step through them`,
    cursor: { ring: r * 2.2 },
    start: -1,
    nearest: (px, py) => delaunay.find(px, py),
    next: (i, direction) => clampIndex(i + direction, data.points.length),
    read: (i) => {
      const p = data.points[i];
      if (!p) return null;
      return {
        lines: [`cycle time ${formatNumber(p.value)} ${unit}`, `done at ${formatNumber(p.t)} ${unit}`],
        x: x(p.t),
        y: y(p.value),
      };
    },
  });
  host.dataset.items = String(data.points.length);
}
