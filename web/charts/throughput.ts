/**
 * Throughput: the items done in each period over the run (a run chart, with its median), and
 * how many periods did each count (a histogram). One or two series (a history and its model)
 * in each, told apart by colour.
 */
import { line, scaleLinear } from 'd3';
import type { History } from '../../src/index.ts';
import { weeklyThroughput } from '../../src/runner.ts';
import {
  type ThroughputData,
  throughputData,
  throughputSeries,
} from '../viewmodel/chart-data/throughput-data.ts';
import { formatNumber, pluralUnit, singularUnit } from '../viewmodel/format.ts';
import { type ChartSpec, HISTORY_SERIES, type HistoryShown, type RunChart } from './chart-spec.ts';
import { type ChartContext, createFrame, drawAxes, halo } from './frame.ts';
import { spreadApart } from './labels.ts';
import { clampIndex, readOut } from './read-out.ts';
import { sourceColour } from './theme.ts';
import { attachTooltip, rovingFocus } from './tooltip.ts';

export const throughputChart: RunChart = {
  id: 'chart-throughput',
  section: 'throughput',
  title: 'Throughput over time',
  explain:
    'Items done in each period from the end of the warm-up to the end of arrivals (first replication), with the median period as a dashed line. The ups and downs around the median are the system’s own variability, what a forecast must allow for; a run of periods above or below it means something changed.',
  file: 'throughput',
  draw: (host, { result }, ctx) => drawThroughputRun(host, throughputData([throughputSeries(result)]), ctx),
};

export const throughputHistogramChart: RunChart = {
  id: 'chart-throughput-histogram',
  section: 'throughput',
  title: 'Throughput per period',
  explain:
    'How many periods did each number of items (first replication, the same periods as “Throughput over time”). A wide spread means a forecast from throughput needs a wide range; the classic Monte Carlo forecast draws its future periods from this.',
  file: 'throughput-histogram',
  draw: (host, { result }, ctx) =>
    drawThroughputHistogram(host, throughputData([throughputSeries(result)]), ctx),
};

/** A history's and its model's items done week by week, from the history's first day. */
function weeklySeries({ history, model }: HistoryShown) {
  const series = (name: string, h: History) => ({ name, start: 0, period: 7, counts: weeklyThroughput(h) });
  return throughputData([series(HISTORY_SERIES.history, history), series(HISTORY_SERIES.model, model)]);
}

export const historyThroughputChart: ChartSpec<HistoryShown> = {
  id: 'history-throughput',
  title: 'Throughput over time: history and model',
  explain:
    'Items done in each week of the history, counted in days from its first day, with each one’s median week dashed: the team’s and the fitted model’s over one simulated year. The ups and downs around the median are the variability a forecast must allow for; a run of weeks above or below it means something changed.',
  file: 'throughput',
  draw: (host, shown, ctx) => drawThroughputRun(host, weeklySeries(shown), ctx),
};

export const historyThroughputHistogramChart: ChartSpec<HistoryShown> = {
  id: 'history-throughput-histogram',
  title: 'Throughput per week: history and model',
  explain:
    'How many weeks did each number of items done, the team’s and the fitted model’s. The throughput forecast in dates draws its future days from the history’s; a model whose spread is narrower than the team’s will promise dates too confidently.',
  file: 'throughput-histogram',
  draw: (host, shown, ctx) => drawThroughputHistogram(host, weeklySeries(shown), ctx),
};

/** "per 50 days", "per day". */
function perPeriod(period: number, unit: string): string {
  return period === 1 ? `per ${singularUnit(unit)}` : `per ${formatNumber(period)} ${pluralUnit(unit)}`;
}

export function drawThroughputRun(host: HTMLElement, data: ThroughputData, ctx: ChartContext) {
  const unit = pluralUnit(ctx.unit);
  const many = data.runs.length > 1;
  const frame = createFrame(host, ctx, {
    label: 'Items done per period over time, with the median',
    legend: data.runs.flatMap((r, k) => [
      {
        label: `${many ? `${r.name}: ` : ''}items done ${perPeriod(r.period, ctx.unit)}`,
        colour: sourceColour(k),
      },
      { label: `median ${formatNumber(r.median)}`, colour: sourceColour(k), kind: 'dash' as const },
    ]),
  });
  const { plot, inner, type } = frame;
  const x = scaleLinear().domain(data.xDomain).range([0, inner.width]);
  const y = scaleLinear()
    .domain([0, Math.max(1, data.countMax) * 1.1])
    .range([inner.height, 0])
    .nice();
  drawAxes(frame, x, y, { x: `time (${unit})`, y: 'items done in the period' });
  const labelAt = spreadApart(
    data.runs.map((r) => y(r.median) - 4),
    type.small * 1.15,
    type.small,
    inner.height,
  );
  data.runs.forEach((r, k) => {
    const colour = sourceColour(k);
    plot
      .append('line')
      .attr('class', 'median')
      .attr('x1', 0)
      .attr('x2', inner.width)
      .attr('y1', y(r.median))
      .attr('y2', y(r.median))
      .attr('stroke', colour)
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', '5 3');
    halo(plot.append('text'))
      .attr('x', inner.width - 4)
      .attr('y', labelAt[k])
      .attr('text-anchor', 'end')
      .attr('fill', colour)
      .attr('font-weight', 600)
      .attr('font-size', type.small)
      .text(`median ${formatNumber(r.median)}`);
    const path = line<(typeof r.points)[number]>()
      .x((p) => x(p.t))
      .y((p) => y(p.count));
    plot
      .append('path')
      .attr('class', 'run')
      .attr('d', path(r.points))
      .attr('fill', 'none')
      .attr('stroke', colour)
      .attr('stroke-width', 1.8);
    let dots = '';
    const radius = r.points.length > 60 ? 1.8 : 2.8;
    for (const p of r.points)
      dots += `M${(x(p.t) - radius).toFixed(1)},${y(p.count).toFixed(1)}a${radius},${radius} 0 1,0 ${2 * radius},0a${radius},${radius} 0 1,0 ${-2 * radius},0`;
    plot.append('path').attr('class', 'dots').attr('d', dots).attr('fill', colour);
  });
  // The places are the first series' periods; the reading gives every series' count then.
  const places = data.runs[0]?.points ?? [];
  readOut(frame, {
    label: 'Items done per period; use the arrow keys to step through the periods',
    cursor: 'line',
    start: -1,
    nearest: (px) => {
      const t = x.invert(px);
      let best = 0;
      for (let i = 1; i < places.length; i++)
        if (Math.abs(places[i].t - t) < Math.abs(places[best].t - t)) best = i;
      return best;
    },
    next: (i, direction) => clampIndex(i + direction, places.length),
    read: (i) => {
      const p = places[i];
      if (!p) return null;
      return {
        lines: [
          `${formatNumber(p.from)} to ${formatNumber(p.to)} ${unit}`,
          ...data.runs.map((r) => {
            const q = r.points.find((o) => o.from <= p.t && p.t < o.to);
            return `${many ? `${r.name}: ` : ''}${q ? formatNumber(q.count) : '–'} items done`;
          }),
        ],
        x: x(p.t),
        y: y(p.count),
      };
    },
  });
  host.dataset.items = String(data.runs.reduce((n, r) => n + r.points.length, 0));
}

export function drawThroughputHistogram(host: HTMLElement, data: ThroughputData, ctx: ChartContext) {
  const many = data.runs.length > 1;
  const frame = createFrame(host, ctx, {
    label: 'How many periods did each number of items',
    legend: data.runs.map((r, k) => ({
      label: `${many ? `${r.name}: ` : ''}periods (${perPeriod(r.period, ctx.unit)}), mean ${formatNumber(r.mean)}`,
      colour: sourceColour(k),
    })),
  });
  const { plot, inner } = frame;
  const last = data.bins.at(-1)?.to ?? 1;
  // A bar per whole count stands over its count's tick; wider bars start at theirs.
  const single = data.bins.length > 0 && data.bins[0].to - data.bins[0].from === 1;
  const shift = single ? 0.5 : 0;
  const x = scaleLinear()
    .domain([-shift, last - shift])
    .range([0, inner.width]);
  const y = scaleLinear()
    .domain([0, Math.max(1, data.periodsMax) * 1.1])
    .range([inner.height, 0])
    .nice();
  drawAxes(
    frame,
    x,
    y,
    { x: 'items done in a period', y: 'periods' },
    { x: (v) => (Number.isInteger(v) ? formatNumber(v) : '') },
  );
  const share = 1 / Math.max(1, data.runs.length);
  const bars = plot.append('g');
  for (const bin of data.bins)
    bin.periods.forEach((periods, k) => {
      if (periods === 0) return;
      const from = x(bin.from - shift) + 1;
      const width = Math.max(1, x(bin.to - shift) - x(bin.from - shift) - 2);
      const rect = bars
        .append('rect')
        .attr('x', from + k * share * width)
        .attr('width', Math.max(1, share * width))
        .attr('y', y(periods))
        .attr('height', inner.height - y(periods))
        .attr('fill', sourceColour(k))
        .node() as SVGRectElement;
      const items = single ? `${bin.from} items` : `${bin.from} to ${bin.to - 1} items`;
      attachTooltip(rect, () => [
        `${items} done in a period`,
        `${many ? `${data.runs[k].name}: ` : ''}${formatNumber(periods)} of ${data.runs[k].points.length} periods`,
      ]);
    });
  rovingFocus(bars.selectAll<SVGRectElement, unknown>('rect[tabindex]').nodes());
  host.dataset.items = String(data.bins.reduce((n, b) => n + b.periods.filter((p) => p > 0).length, 0));
}
