/**
 * A forecast in dates as a cumulative-probability curve, one per method: the chance that the
 * items are done by each date (or that at least each count is done by the date), with the
 * likelihoods the table gives (50, 70, 85, 95%) marked where each curve reaches them.
 */
import { curveStepAfter, curveStepBefore, line, scaleLinear } from 'd3';
import type { DateForecast, DateQuestion, WorkCalendar } from '../../src/index.ts';
import { chanceAt, dateForecastCurves } from '../viewmodel/chart-data/date-forecast-data.ts';
import { formatDay, formatNumber, formatPercent } from '../viewmodel/format.ts';
import type { ChartSpec } from './chart-spec.ts';
import { type ChartContext, createFrame, drawAxes, halo } from './frame.ts';
import { readOut } from './read-out.ts';
import { GRID, MUTED, PAPER, sourceColour } from './theme.ts';

export interface DateForecastShown {
  question: DateQuestion;
  start: number;
  calendar: WorkCalendar;
  /** The history's throughput first, then the model, in the history page's colours. */
  forecasts: { name: string; forecast: DateForecast }[];
}

export const dateForecastChart: ChartSpec<DateForecastShown> = {
  id: 'history-forecast',
  title: 'Forecast in dates',
  explain:
    'The chance, from the trials of each method, that the items are done by each date (or that at least so many are done by the date), counting weekends and holidays off. Read across at 85% to the date, or the count, you can promise with that confidence. Where the two curves part, one method is missing something: the throughput method assumes the future is like the whole history, the model that it is like the model.',
  file: 'forecast-dates',
  wide: true,
  draw: (host, shown, ctx) => drawDateForecast(host, shown, ctx),
};

const LIKELIHOOD_GUIDES = [0.5, 0.7, 0.85, 0.95];

export function drawDateForecast(host: HTMLElement, shown: DateForecastShown, ctx: ChartContext) {
  const data = dateForecastCurves(shown.forecasts, shown.question, shown.start, shown.calendar);
  const frame = createFrame(host, ctx, {
    label: data.byDate
      ? 'The chance of being done by each date, from each method'
      : 'The chance of at least each count by the date, from each method',
    legend: data.curves.map((c, i) => ({ label: c.name, colour: sourceColour(i), kind: 'line' as const })),
  });
  const { plot, inner, type } = frame;
  const x = scaleLinear().domain(data.xDomain).range([0, inner.width]);
  if (!data.byDate) x.nice();
  const y = scaleLinear().domain([0, 1]).range([inner.height, 0]);
  const at = (v: number) => (data.byDate ? formatDay(v) : formatNumber(v));
  drawAxes(
    frame,
    x,
    y,
    { x: data.byDate ? 'done by' : 'items done, at least', y: 'chance' },
    { x: at, y: (v) => formatPercent(v) },
  );
  for (const g of LIKELIHOOD_GUIDES) {
    plot
      .append('line')
      .attr('class', 'guide')
      .attr('x1', 0)
      .attr('x2', inner.width)
      .attr('y1', y(g))
      .attr('y2', y(g))
      .attr('stroke', GRID)
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', '4 3');
    halo(plot.append('text'))
      .attr('x', data.byDate ? 4 : inner.width - 4)
      .attr('y', y(g) - 3)
      .attr('text-anchor', data.byDate ? 'start' : 'end')
      .attr('fill', MUTED)
      .attr('font-size', type.small)
      .text(formatPercent(g));
  }
  const path = line<{ x: number; p: number }>()
    .x((p) => x(p.x))
    .y((p) => y(p.p))
    .curve(data.byDate ? curveStepAfter : curveStepBefore);
  data.curves.forEach((c, i) => {
    const from = data.byDate ? [{ x: data.xDomain[0], p: 0 }] : [];
    plot
      .append('path')
      .attr('class', 'curve')
      .attr('data-series', c.name)
      .attr('d', path([...from, ...c.points]))
      .attr('fill', 'none')
      .attr('stroke', sourceColour(i))
      .attr('stroke-width', 2.2);
    for (const m of c.marks)
      plot
        .append('circle')
        .attr('class', 'mark')
        .attr('cx', x(m.x))
        .attr('cy', y(m.likelihood))
        .attr('r', type.base * 0.3)
        .attr('fill', PAPER)
        .attr('stroke', sourceColour(i))
        .attr('stroke-width', 2);
  });
  // The places are the likelihoods the table gives, from 50% up; each reads both methods' answer.
  const likelihoods = [...new Set(data.curves.flatMap((c) => c.marks.map((m) => m.likelihood)))].sort();
  readOut(frame, {
    label: 'Forecast curves; use the arrow keys to read each method’s answer at 50, 70, 85 and 95%',
    cursor: 'line',
    start: -1,
    nearest: (px, py) => {
      const p = y.invert(py);
      let best = 0;
      for (let k = 1; k < likelihoods.length; k++)
        if (Math.abs(likelihoods[k] - p) < Math.abs(likelihoods[best] - p)) best = k;
      return px >= 0 ? best : 0;
    },
    next: (k, direction) => Math.max(0, Math.min(likelihoods.length - 1, k + direction)),
    read: (k) => {
      const likelihood = likelihoods[k];
      if (likelihood === undefined) return null;
      const first = data.curves.flatMap((c) => c.marks.filter((m) => m.likelihood === likelihood))[0];
      return {
        lines: [
          `${formatPercent(likelihood)} likely`,
          ...data.curves.map((c) => {
            const m = c.marks.find((mark) => mark.likelihood === likelihood);
            if (!m) return `${c.name}: not reached`;
            return `${c.name}: ${data.byDate ? `by ${at(m.x)}` : `at least ${at(m.x)}`} (${formatPercent(chanceAt(c, m.x, data.byDate))} of trials)`;
          }),
        ],
        x: first ? x(first.x) : 0,
        y: y(likelihood),
      };
    },
  });
  host.dataset.items = String(data.curves.length);
}
