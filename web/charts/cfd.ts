/**
 * Cumulative flow diagram: stacked bands, one per step, each as tall as the items in that step.
 * Parallel bands are steady flow; a band that widens is a queue building up in that step.
 */
import { area, color, line, scaleLinear } from 'd3';
import { cumulativeFlow } from '../../src/runner.ts';
import { type CfdData, cfdData, cfdZoomWindow, historyCfdData } from '../viewmodel/chart-data/cfd-data.ts';
import { formatDay, formatNumber, pluralUnit } from '../viewmodel/format.ts';
import { type ChartSpec, HISTORY_SERIES, type HistoryShown, type RunChart } from './chart-spec.ts';
import { type ChartContext, createFrame, drawAxes, halo } from './frame.ts';
import { clampIndex, readOut } from './read-out.ts';
import { categorical, INK, MUTED, PAPER, SERIES } from './theme.ts';

/** Steps in the palette's order, between the arrivals and the work done. */
function cfdColour(key: string, stepIndex: number): string {
  return key === 'done' ? SERIES.done : key === 'arrived' ? SERIES.arrived : categorical(stepIndex);
}

/**
 * Zoomed to a readable window of the run (about three mean lead times after the warm-up, where
 * the bands can be told apart), with a button for the whole run; the chart says which window.
 */
export const cfdChart: RunChart = {
  id: 'chart-cfd',
  section: 'cumulative-flow',
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

export const historyCfdChart: ChartSpec<HistoryShown> = {
  id: 'history-cfd',
  title: 'Cumulative flow: history and model',
  explain:
    'How many items had reached each stage, or a later one, by the end of each day: the bands are the team’s history, the dashed lines the upper edges of the fitted model’s bands over the same year. The height of a band is the work in that stage; a band that widens is a queue building up. Where a dashed line runs away from its band’s edge, the model drifts from the team.',
  file: 'cfd',
  wide: true,
  draw: (host, { history, model }, ctx) =>
    drawCfd(host, historyCfdData(cumulativeFlow(history), history.doneStage), ctx, undefined, {
      name: HISTORY_SERIES.model,
      data: historyCfdData(cumulativeFlow(model), model.doneStage),
    }),
};

/**
 * `window` says which part of the run a zoomed chart shows. `compared` is a second series over
 * the same stages and time (a team's fitted model beside its history), drawn as the dashed
 * upper edges of its bands over the first's.
 */
export function drawCfd(
  host: HTMLElement,
  data: CfdData,
  ctx: ChartContext,
  window?: string,
  compared?: { name: string; data: CfdData },
) {
  let step = 0;
  const colours = data.bands.map((b) => cfdColour(b.key, b.key.startsWith('step:') ? step++ : 0));
  const frame = createFrame(host, ctx, {
    label: compared ? `Cumulative flow diagram, with ${compared.name} dashed` : 'Cumulative flow diagram',
    legend: [
      ...data.bands.map((b, i) => ({ label: b.label, colour: colours[i] })),
      ...(compared ? [{ label: `${compared.name}: dashed edges`, colour: INK, kind: 'dash' as const }] : []),
    ],
  });
  const { plot, inner, type } = frame;
  const unit = pluralUnit(ctx.unit);
  const x = scaleLinear().domain([data.xMin, data.xMax]).range([0, inner.width]);
  const y = scaleLinear()
    .domain([data.yMin, Math.max(data.yMax, compared?.data.yMax ?? 0)])
    .range([inner.height, 0])
    .nice();
  if (data.xMin === 0) x.nice();
  const when = (t: number) => (data.dates ? formatDay(t) : `${formatNumber(t)} ${unit}`);
  drawAxes(
    frame,
    x,
    y,
    { x: data.dates ? 'date' : `time (${unit})`, y: 'items (cumulative)' },
    data.dates ? { x: formatDay } : undefined,
  );
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
  const edge = line<[number, number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[2]));
  compared?.data.bands.forEach((b, i) => {
    bands
      .append('path')
      .attr('class', 'edge')
      .attr('data-key', b.key)
      .attr('d', edge(b.points))
      .attr('fill', 'none')
      .attr(
        'stroke',
        color(colours[i] ?? INK)
          ?.darker(1.2)
          .formatHex() ?? INK,
      )
      .attr('stroke-width', 1.6)
      .attr('stroke-dasharray', '5 3');
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
      const counts = (bandsOf: CfdData['bands'], at: number) =>
        bandsOf.flatMap((b) => {
          const p = b.points[at];
          if (!p) return [];
          return b.key === 'done'
            ? `done so far: ${formatNumber(p[2])}`
            : `in ${b.label}: ${formatNumber(p[2] - p[1])}`;
        });
      const other = compared?.data.bands[0]?.points.findIndex((p) => p[0] >= t) ?? -1;
      return {
        lines: [
          `${data.dates ? 'on' : 'at'} ${when(t)}`,
          ...counts(data.bands, i),
          ...(compared && other >= 0 ? [`${compared.name}:`, ...counts(compared.data.bands, other)] : []),
        ],
        x: x(t),
        y: 20,
      };
    },
  });
  host.dataset.items = String(samples.length * data.bands.length);
}
