/**
 * Cycle time of each completed item against the day it was done (first replication): the
 * scatterplot flow analysts forecast from. Dots drifting upward mean the system is slowing.
 */
import { Delaunay, scaleLinear } from 'd3';
import { cycleTimeScatter } from '../../src/runner.ts';
import { historyScatterData, type ScatterData, scatterData } from '../viewmodel/chart-data/scatter-data.ts';
import { formatDay, formatNumber, pluralUnit } from '../viewmodel/format.ts';
import { type ChartSpec, HISTORY_SERIES, type HistoryShown, type RunChart } from './chart-spec.ts';
import { type ChartContext, createFrame, drawAxes, halo } from './frame.ts';
import { spreadApart } from './labels.ts';
import { percentileItem } from './legend.ts';
import { clampIndex, readOut } from './read-out.ts';
import { INK, PERCENTILE, SERIES, sourceColour } from './theme.ts';

export const cycleTimeChart: RunChart = {
  id: 'chart-scatter',
  section: 'lead-time',
  title: 'Cycle time of each item',
  explain:
    'Each dot is one item of the first replication, placed at the time it was done and as high as its cycle time (from the start of work to done). A cloud drifting upward means the system is slowing down. The lines are percentiles over all replications.',
  file: 'cycle-times',
  draw: (host, { result }, ctx) => drawScatter(host, scatterData(result), ctx),
};

export const historyCycleTimeChart: ChartSpec<HistoryShown> = {
  id: 'history-scatter',
  title: 'Lead time of each item: history and model',
  explain:
    'Each dot is one item done, placed on the day it was done and as high as its lead time (from entering the workflow to done): the team’s in blue, one simulated year of the fitted model’s in reddish purple. The solid and dashed lines are the history’s 50th, 85th and 95th percentiles, the dotted ones the model’s. A model that reproduces the team puts its cloud where the team’s is; one simulated year differs from the next as one of the team’s would, which is why the backtest above weighs the history against twenty.',
  file: 'lead-times',
  draw: (host, { history, model }, ctx) => {
    const period: [number, number] = [history.start, history.end];
    drawScatter(
      host,
      [
        historyScatterData(HISTORY_SERIES.history, cycleTimeScatter(history), period),
        historyScatterData(HISTORY_SERIES.model, cycleTimeScatter(model), period),
      ],
      ctx,
      { x: 'done on', y: `lead time (${pluralUnit(ctx.unit)})` },
    );
  },
};

/**
 * One series, or several on the same axes (a team's history and its fitted model): each its
 * own colour of dots, and its own percentile lines, the first series' as every chart draws
 * them, the others' dotted and labelled with their name.
 */
export function drawScatter(
  host: HTMLElement,
  given: ScatterData | readonly ScatterData[],
  ctx: ChartContext,
  titles?: { x: string; y: string },
) {
  const all: readonly ScatterData[] = Array.isArray(given) ? given : [given as ScatterData];
  const several = all.length > 1;
  const colour = (i: number) => (several ? sourceColour(i) : SERIES.dot);
  const legend = [
    ...(several
      ? all.map((d, i) => ({ label: `${d.name ?? `series ${i + 1}`}: one done item`, colour: colour(i) }))
      : [{ label: 'one completed item', colour: SERIES.dot }]),
    percentileItem('p50'),
    percentileItem('p85'),
    percentileItem('p95'),
    ...(several
      ? [{ label: `${all[1].name ?? 'series 2'}'s percentiles: dotted`, colour: INK, kind: 'dash' as const }]
      : []),
  ];
  const frame = createFrame(host, ctx, {
    label: several
      ? `Lead time of each done item over time: ${all.map((d) => d.name).join(' and ')}`
      : 'Cycle time of each completed item over time',
    legend,
  });
  const { plot, inner, type } = frame;
  const unit = pluralUnit(ctx.unit);
  const dates = all.some((d) => d.dates);
  const x = scaleLinear()
    .domain([Math.min(...all.map((d) => d.xDomain[0])), Math.max(...all.map((d) => d.xDomain[1]))])
    .range([0, inner.width]);
  if (!dates) x.nice();
  const y = scaleLinear()
    .domain([0, Math.max(...all.map((d) => d.yMax))])
    .range([inner.height, 0])
    .nice();
  const tick = dates ? formatDay : formatNumber;
  drawAxes(
    frame,
    x,
    y,
    titles ?? { x: `done at (${unit})`, y: `cycle time (${unit})` },
    dates ? { x: formatDay } : undefined,
  );
  const total = all.reduce((n, d) => n + d.points.length, 0);
  const r = total > 1000 ? 1.8 : 2.4;
  all.forEach((data, k) => {
    // One path of tiny arcs instead of thousands of <circle> elements: same picture, far
    // less DOM to build, which keeps drawing well inside one frame.
    let d = '';
    for (const p of data.points) {
      const cx = x(p.t);
      const cy = y(p.value);
      d += `M${(cx - r).toFixed(1)},${cy.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    }
    plot
      .append('path')
      .attr('class', 'dots')
      .attr('data-series', data.name ?? null)
      .attr('d', d)
      .attr('fill', colour(k))
      .attr('fill-opacity', 0.45);
  });
  const lines = all.flatMap((data, k) =>
    data.lines.map((l) => ({
      ...l,
      k,
      text: `${l.label}${k > 0 ? ` ${data.name ?? ''}` : ''} ${formatNumber(l.value)}`,
    })),
  );
  // p85 and p95 are often a few pixels apart: their labels are moved apart to be read.
  const labelAt = spreadApart(
    lines.map((l) => y(l.value) - 4),
    type.small * 1.15,
    type.small,
    inner.height,
  );
  lines.forEach((l, i) => {
    plot
      .append('line')
      .attr('class', `percentile${l.k > 0 ? ' second' : ''}`)
      .attr('x1', 0)
      .attr('x2', inner.width)
      .attr('y1', y(l.value))
      .attr('y2', y(l.value))
      .attr('stroke', PERCENTILE[l.label].colour)
      .attr('stroke-width', l.k > 0 ? 1.4 : 1.8)
      .attr('stroke-dasharray', l.k > 0 ? '1.5 3' : PERCENTILE[l.label].dash);
    halo(plot.append('text'))
      .attr('x', l.k > 0 ? 4 : inner.width - 4)
      .attr('y', labelAt[i])
      .attr('text-anchor', l.k > 0 ? 'start' : 'end')
      .attr('fill', PERCENTILE[l.label].text)
      .attr('font-weight', 600)
      .attr('font-size', type.small)
      .text(l.text);
  });
  const points = all.flatMap((data, k) => data.points.map((p) => ({ ...p, k })));
  const delaunay = Delaunay.from(
    points,
    (p) => x(p.t),
    (p) => y(p.value),
  );
  // The places are the items, series by series, each in the order it was done; the first key press reads the first.
  readOut(frame, {
    label: `${points.length} ${several ? 'done' : 'completed'} items; use the arrow keys to step through them`,
    cursor: { ring: r * 2.2 },
    start: -1,
    nearest: (px, py) => delaunay.find(px, py),
    next: (i, direction) => clampIndex(i + direction, points.length),
    read: (i) => {
      const p = points[i];
      if (!p) return null;
      const measure = titles ? titles.y.replace(/ \(.*\)$/, '') : 'cycle time';
      return {
        lines: [
          ...(several ? [all[p.k].name ?? ''] : []),
          `${measure} ${formatNumber(p.value)} ${unit}`,
          dates ? `done on ${tick(p.t)}` : `done at ${formatNumber(p.t)} ${unit}`,
        ],
        x: x(p.t),
        y: y(p.value),
      };
    },
  });
  host.dataset.items = String(points.length);
  host.dataset.series = String(all.length);
}
