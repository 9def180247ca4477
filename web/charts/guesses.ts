/**
 * The reveal: each table's guess (a diamond) against the measured difference between B and A
 * (the dot, its 95% interval the whiskers and the shaded band down the chart), on one axis of
 * B's mean lead time against A's. The closest guess is drawn in its own colour, its table's
 * name in bold.
 */
import { scaleBand, scaleLinear } from 'd3';
import { type GuessesData, guessesData, type Revealed } from '../viewmodel/chart-data/guesses-data.ts';
import { formatRelative } from '../viewmodel/format.ts';
import type { ChartSpec } from './chart-spec.ts';
import { type ChartContext, createFrame, drawValueAxis } from './frame.ts';
import { drawRowLabel } from './labels.ts';
import { CATEGORICAL, GRID, INK, PAPER, textWidth, typeScale } from './theme.ts';
import { attachTooltip, rovingFocus } from './tooltip.ts';

export const guessesChart: ChartSpec<Revealed> = {
  id: 'reveal-guesses',
  title: 'The guesses against the measured difference',
  explain:
    'Where each table put B’s mean lead time against A’s (diamonds), and where it was measured (the dot, with its 95% interval as whiskers and a shaded band). Left of “same” B is shorter, right of it A is. The closest guess is green; a guess inside the band is within what the runs cannot tell apart.',
  file: 'guesses',
  wide: true,
  draw: (host, shown, ctx) => drawGuesses(host, guessesData(shown), ctx),
};

/** The guess nearest the measured value. */
export const CLOSEST = CATEGORICAL[2];
const GUESS = CATEGORICAL[0];

/** "−40%", "+75%", "same": B against A, as a change of B's lead time. */
export function signedChange(ratio: number): string {
  const relative = ratio - 1;
  if (relative === 0) return 'same';
  return `${relative < 0 ? '−' : '+'}${formatRelative(relative)}`;
}

export function drawGuesses(host: HTMLElement, data: GuessesData, ctx: ChartContext) {
  const { base } = typeScale(ctx.large);
  const rows = [
    { key: 'measured', label: 'Measured', ratio: data.measured?.ratio ?? 1, bold: true },
    ...data.judged.map((j) => ({ key: `guess:${j.table}`, label: j.table, ratio: j.ratio, bold: j.closest })),
  ];
  const longest = Math.max(...rows.map((r) => r.label.length), 8);
  const frame = createFrame(host, ctx, {
    label: `Each table's guess of B's mean lead time against A's, and the measured difference`,
    height: rows.length * base * 3 + base * 6,
    legend: [
      { label: 'measured', colour: INK },
      { label: '95% interval', colour: INK, kind: 'line' },
      { label: 'guess', colour: GUESS, kind: 'diamond' },
      { label: 'closest', colour: CLOSEST, kind: 'diamond' },
    ],
    left: Math.min(ctx.width * 0.35, textWidth(longest, base, true) + 20),
    right: base * 3,
  });
  const { plot, inner, type } = frame;
  // On the axis: B's change against A, from -100% (B takes no time) up; "same" always in view.
  const at = (ratio: number) => Math.max(0, ratio) - 1;
  const values = [0, ...rows.map((r) => at(r.ratio)), ...(data.measured?.interval ?? []).map(at)];
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const pad = Math.max(0.05, (hi - lo) * 0.1);
  const x = scaleLinear()
    .domain([Math.max(-1, lo - pad), hi + pad])
    .range([0, inner.width])
    .nice();
  const y = scaleBand()
    .domain(rows.map((r) => r.key))
    .range([0, inner.height])
    .padding(0.35);
  drawValueAxis(frame, x, {
    ticks: 6,
    format: (v) => signedChange(1 + v),
    title: 'B’s mean lead time against A’s',
    marked: (v) => v === 0,
  });
  const interval = data.measured?.interval;
  if (interval)
    plot
      .append('rect')
      .attr('class', 'measured-band')
      .attr('x', x(at(interval[0])))
      .attr('width', Math.max(1, x(at(interval[1])) - x(at(interval[0]))))
      .attr('y', 0)
      .attr('height', inner.height)
      .attr('fill', GRID)
      .attr('opacity', 0.8);
  if (data.measured)
    plot
      .append('line')
      .attr('x1', x(at(data.measured.ratio)))
      .attr('x2', x(at(data.measured.ratio)))
      .attr('y1', 0)
      .attr('y2', inner.height)
      .attr('stroke', INK)
      .attr('stroke-dasharray', '2 3');
  rows.forEach((r, i) => {
    const cy = (y(r.key) ?? 0) + y.bandwidth() / 2;
    const cx = x(at(r.ratio));
    const judged = i === 0 ? null : data.judged[i - 1];
    const colour = judged === null ? INK : judged.closest ? CLOSEST : GUESS;
    const g = plot
      .append('g')
      .attr('class', judged ? 'guess' : 'measured')
      .attr('data-table', judged?.table ?? null)
      .attr('data-ratio', r.ratio);
    drawRowLabel(g, cy, r.label, frame.margin.left - 12, type.base, r.bold);
    let mark: SVGElement;
    if (judged === null) {
      if (interval)
        g.append('line')
          .attr('x1', x(at(interval[0])))
          .attr('x2', x(at(interval[1])))
          .attr('y1', cy)
          .attr('y2', cy)
          .attr('stroke', INK)
          .attr('stroke-width', 3);
      mark = g
        .append('circle')
        .attr('class', 'measured-mark')
        .attr('cx', cx)
        .attr('cy', cy)
        .attr('r', base * 0.5)
        .attr('fill', INK)
        .node() as SVGElement;
    } else {
      const s = base * 0.6;
      mark = g
        .append('path')
        .attr('class', 'guess-mark')
        .attr('data-x', cx)
        .attr('d', `M${cx},${cy - s}l${s},${s}l${-s},${s}l${-s},${-s}z`)
        .attr('fill', colour)
        .attr('stroke', PAPER)
        .attr('stroke-width', 1.5)
        .node() as SVGElement;
    }
    g.append('text')
      .attr('x', cx)
      .attr('y', cy - base * 0.95)
      .attr('text-anchor', 'middle')
      .attr('font-size', type.small)
      .attr('font-weight', r.bold ? 700 : 400)
      .attr('fill', INK)
      .text(signedChange(r.ratio));
    attachTooltip(mark, () =>
      judged === null
        ? [
            `measured: B ${signedChange(r.ratio)} against A`,
            interval
              ? `95% interval ${signedChange(interval[0])} to ${signedChange(interval[1])}`
              : 'no interval',
          ]
        : [
            `${judged.table}${judged.closest ? ' (closest)' : ''}: ${judged.shorter} shorter by ${judged.by}`,
            `B ${signedChange(r.ratio)} against A`,
            `${formatRelative(judged.offBy)} off${judged.inInterval ? ', within the 95% interval' : ''}`,
          ],
    );
  });
  rovingFocus(plot.selectAll<SVGElement, unknown>('[tabindex]').nodes());
  host.dataset.items = String(data.judged.length);
}
