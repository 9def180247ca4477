/**
 * Lines over time with a shared cursor: WIP and each node's queue for one run, or one line per
 * variant in a comparison. Hovering (or the arrow keys) reads every line at that moment.
 */
import { line, scaleLinear } from 'd3';
import type { Comparison } from '../../src/index.ts';
import { variantLines } from '../viewmodel/chart-data/compare-data.ts';
import { type Line, lineExtent, valuesAt, wipAndQueueLines } from '../viewmodel/chart-data/series-data.ts';
import { formatNumber, pluralUnit } from '../viewmodel/format.ts';
import type { ComparisonChart, RunChart } from './chart-spec.ts';
import { type ChartContext, createFrame, drawAxes } from './frame.ts';
import { readOut } from './read-out.ts';
import { categorical, SERIES } from './theme.ts';

export interface LineStyle {
  colour: string;
  width?: number;
  dash?: string;
  opacity?: number;
}

export const wipChart: RunChart = {
  id: 'chart-wip',
  section: 'queues',
  title: 'WIP and queues over time',
  explain:
    'Items in the whole system (dark line) and waiting in each node’s queue over time (first replication). By Little’s law, at the same throughput twice the work in progress means twice the lead time.',
  file: 'wip-queues',
  wide: true,
  draw: (host, { result }, ctx) =>
    drawLines(
      host,
      wipAndQueueLines(result),
      (l, i) =>
        l.key === 'wip'
          ? { colour: SERIES.wip, width: 2.4 }
          : { colour: categorical(i - 1), width: 1.1, opacity: 0.85 },
      ctx,
      { label: 'WIP and queue length over time', y: 'items', value: (v) => `${formatNumber(v)} items` },
    ),
};

/** Every variant's lines end at the same time, so the same moment is at the same place. */
function longestRun(c: Comparison): number {
  return Math.max(...c.variants.map((v) => v.result.series.t.at(-1) ?? 1));
}

export const comparisonWipChart: ComparisonChart = {
  id: 'compare-wip',
  section: 'wip',
  title: 'WIP over time',
  explain:
    'Items in the system over time for each variant (first replication, the same arrivals in each). Lower is less work waiting for the same demand.',
  file: 'wip',
  draw: (host, c, ctx) =>
    drawLines(host, variantLines(c, 'wip'), (_, i) => ({ colour: categorical(i), width: 1.8 }), ctx, {
      label: 'WIP over time, per variant',
      y: 'items in the system',
      value: (v) => `${formatNumber(v)} items`,
      yMax: Math.max(...c.variants.map((v) => Math.max(...v.result.series.wip, 1))),
      xMax: longestRun(c),
    }),
};

export const comparisonDoneChart: ComparisonChart = {
  id: 'compare-done',
  section: 'throughput',
  title: 'Items done over time',
  explain:
    'Items done so far for each variant (first replication). Lines that stay together mean the same throughput; the gap between a variant’s line and the arrivals is its work in progress.',
  file: 'done',
  wide: true,
  draw: (host, c, ctx) =>
    drawLines(
      host,
      variantLines(c, 'done'),
      (_, i) => ({ colour: categorical(i), width: 1.8, dash: i > 0 ? '6 3' : undefined }),
      ctx,
      {
        label: 'Items done over time, per variant',
        y: 'items done (cumulative)',
        value: (v) => `${formatNumber(v)} items`,
        yMax: Math.max(...c.variants.map((v) => v.result.series.cumulative.done.at(-1) ?? 1)),
        xMax: longestRun(c),
        // Two near-identical rising lines need little height.
        aspect: 0.24,
      },
    ),
};

export function drawLines(
  host: HTMLElement,
  lines: readonly Line[],
  style: (line: Line, i: number) => LineStyle,
  ctx: ChartContext,
  text: {
    label: string;
    y: string;
    value: (v: number) => string;
    yMax?: number;
    xMax?: number;
    aspect?: number;
  },
) {
  const styles = lines.map(style);
  const frame = createFrame(host, ctx, {
    label: text.label,
    legend: lines.map((l, i) => ({
      label: l.label,
      colour: styles[i].colour,
      kind: styles[i].dash ? 'dash' : 'line',
    })),
    aspect: text.aspect,
  });
  const { plot, inner } = frame;
  const unit = pluralUnit(ctx.unit);
  const extent = lineExtent(lines);
  const x = scaleLinear()
    .domain([0, text.xMax ?? extent.xMax])
    .range([0, inner.width])
    .nice();
  const y = scaleLinear()
    .domain([0, text.yMax ?? extent.yMax])
    .range([inner.height, 0])
    .nice();
  drawAxes(frame, x, y, { x: `time (${unit})`, y: text.y });
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  // Queues are drawn as steps would be too busy at this density; straight segments between
  // samples read the same at a glance and keep the path short.
  // Drawn last to first, so the first line (WIP, or the baseline) stays on top.
  [...lines].reverse().forEach((l, k) => {
    const i = lines.length - 1 - k;
    const s = styles[i];
    plot
      .append('path')
      .attr('class', 'series')
      .attr('data-key', l.key)
      .attr('d', path(l.points))
      .attr('fill', 'none')
      .attr('stroke', s.colour)
      .attr('stroke-width', s.width ?? 1.6)
      .attr('stroke-dasharray', s.dash ?? null)
      .attr('stroke-opacity', s.opacity ?? 1)
      .attr('stroke-linejoin', 'round');
  });
  // The places are times; each line is read at its sample nearest the place, and a key steps a
  // fiftieth of the axis.
  const end = x.domain()[1];
  readOut(frame, {
    label: `${text.label}; use the arrow keys to read the values over time`,
    cursor: 'line',
    start: 0,
    nearest: (px) => Math.max(0, Math.min(end, x.invert(px))),
    next: (t, direction) => Math.max(0, Math.min(end, t + (direction * end) / 50)),
    read: (t) => {
      const values = valuesAt(lines, t);
      const shown = values[0]?.t ?? t;
      return {
        lines: [
          `at ${formatNumber(shown)} ${unit}`,
          ...values.map((v) => `${v.label}: ${text.value(v.value)}`),
        ],
        x: x(shown),
        y: 20,
      };
    },
  });
  host.dataset.items = String(lines.reduce((n, l) => n + l.points.length, 0));
}
