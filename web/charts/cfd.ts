/**
 * Cumulative flow diagram: stacked bands, one per step, each as tall as the items in that step.
 * Parallel bands are steady flow; a band that widens is a queue building up in that step.
 */
import { area, scaleLinear } from 'd3';
import { type CfdData, cfdData, cfdZoomWindow } from '../viewmodel/chart-data/cfd-data.ts';
import { formatNumber, pluralUnit } from '../viewmodel/format.ts';
import type { ChartSpec, RunShown } from './chart-spec.ts';
import { type ChartContext, createFrame, drawAxes, halo } from './frame.ts';
import { clampIndex, readOut } from './read-out.ts';
import { categorical, MUTED, PAPER, SERIES } from './theme.ts';

/** Steps in the palette's order, between the arrivals and the work done. */
function cfdColour(key: string, stepIndex: number): string {
  return key === 'done' ? SERIES.done : key === 'arrived' ? SERIES.arrived : categorical(stepIndex);
}

/**
 * Zoomed to a readable window of the run (about three mean lead times after the warm-up, where
 * the bands can be told apart), with a button for the whole run; the chart says which window.
 */
export const cfdChart: ChartSpec<RunShown> = {
  id: 'chart-cfd',
  title: 'Cumulative flow',
  explain:
    'How many items had reached each step by each moment (first replication). The height of a band is the work in that step; the horizontal distance across the bands is roughly the lead time. Bands running parallel mean steady flow; a band that widens is a queue building up. It opens on a window of about three mean lead times after the warm-up, where the bands can be told apart; “Whole run” shows the run from start to end.',
  file: 'cfd',
  toggle: { id: 'cfd-zoom', label: 'Whole run' },
  draw: (host, { result }, ctx, wholeRun) => {
    if (wholeRun) return drawCfd(host, cfdData(result), ctx);
    const [from, to] = cfdZoomWindow(result);
    const unit = pluralUnit(ctx.unit);
    drawCfd(
      host,
      cfdData(result, [from, to]),
      ctx,
      `${unit} ${formatNumber(from)} to ${formatNumber(to)} of ${formatNumber(result.window.duration)}`,
    );
  },
};

/** `window` says which part of the run a zoomed chart shows. */
export function drawCfd(host: HTMLElement, data: CfdData, ctx: ChartContext, window?: string) {
  let step = 0;
  const colours = data.bands.map((b) => cfdColour(b.key, b.key.startsWith('step:') ? step++ : 0));
  const frame = createFrame(host, ctx, {
    label: 'Cumulative flow diagram',
    legend: data.bands.map((b, i) => ({ label: b.label, colour: colours[i] })),
  });
  const { plot, inner, type } = frame;
  const unit = pluralUnit(ctx.unit);
  const x = scaleLinear().domain([data.xMin, data.xMax]).range([0, inner.width]);
  const y = scaleLinear().domain([data.yMin, data.yMax]).range([inner.height, 0]).nice();
  if (data.xMin === 0) x.nice();
  drawAxes(frame, x, y, { x: `time (${unit})`, y: 'items (cumulative)' });
  const band = area<[number, number, number]>()
    .x((p) => x(p[0]))
    .y0((p) => y(p[1]))
    .y1((p) => y(p[2]));
  // Zoomed in, the bands start below the axis: clip them to the plot.
  const clipId = `cfd-clip-${Math.random().toString(36).slice(2, 8)}`;
  plot
    .append('clipPath')
    .attr('id', clipId)
    .append('rect')
    .attr('width', inner.width)
    .attr('height', inner.height);
  const bands = plot.append('g').attr('clip-path', `url(#${clipId})`);
  data.bands.forEach((b, i) => {
    bands
      .append('path')
      .attr('class', 'band')
      .attr('data-key', b.key)
      .attr('d', band(b.points))
      .attr('fill', colours[i])
      .attr('stroke', PAPER)
      .attr('stroke-width', 0.6);
  });
  // Top left, where a cumulative flow never reaches: the bands rise to the right.
  if (window)
    halo(plot.append('text'))
      .attr('class', 'cfd-window')
      .attr('x', 6)
      .attr('y', type.small * 1.2)
      .attr('font-size', type.small)
      .attr('fill', MUTED)
      .text(window);
  // The places are the samples, every band sampled at the same times; a key steps a fiftieth.
  const samples = data.bands[0]?.points ?? [];
  readOut(frame, {
    label: 'Cumulative flow diagram; use the arrow keys to read the items in each step over time',
    cursor: 'line',
    start: 0,
    nearest: (px) => {
      const t = x.invert(px);
      let best = 0;
      for (let i = 1; i < samples.length; i++)
        if (Math.abs(samples[i][0] - t) < Math.abs(samples[best][0] - t)) best = i;
      return best;
    },
    next: (i, direction) =>
      clampIndex(i + direction * Math.max(1, Math.round(samples.length / 50)), samples.length),
    read: (i) => {
      if (!samples[i]) return null;
      const t = samples[i][0];
      return {
        lines: [
          `at ${formatNumber(t)} ${unit}`,
          ...data.bands.map((b) => {
            const p = b.points[i];
            return b.key === 'done'
              ? `done so far: ${formatNumber(p[2])}`
              : `in ${b.label}: ${formatNumber(p[2] - p[1])}`;
          }),
        ],
        x: x(t),
        y: 20,
      };
    },
  });
  host.dataset.items = String(samples.length * data.bands.length);
}
