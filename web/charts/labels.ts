/**
 * Labels that would sit on top of each other (p85 and p95 close together, the ticks of a
 * narrow axis) are moved apart or thinned before they are drawn: SVG cannot reflow text, so a
 * chart decides where each label goes from the type size and the estimated widths.
 */
import type { ScaleLinear, Selection } from 'd3';
import { INK, sizeToFit, textWidth } from './theme.ts';

/**
 * Positions for labels wanted at `wanted`, moved apart as little as possible so that no two are
 * closer than `gap`, and kept within [low, high] when there is room for all of them there.
 * Returned in the order given.
 */
export function spreadApart(wanted: readonly number[], gap: number, low: number, high: number): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b]);
  const at = order.map((i) => wanted[i]);
  for (let k = 0; k < at.length; k++) at[k] = Math.max(at[k], low, k > 0 ? at[k - 1] + gap : low);
  for (let k = at.length - 1; k >= 0; k--)
    at[k] = Math.min(at[k], k < at.length - 1 ? at[k + 1] - gap : high);
  const placed = new Array<number>(wanted.length);
  order.forEach((i, k) => {
    placed[i] = at[k];
  });
  return placed;
}

/**
 * The ticks of a horizontal axis whose labels, `size` px high, fit side by side in its width
 * with at least a space between them: d3 asked for fewer and fewer until they do (d3 may give
 * more ticks than asked, so the labels themselves are measured, not the count).
 */
export function fittingTicks(
  x: ScaleLinear<number, number>,
  wanted: number,
  size: number,
  given?: (v: number) => string,
): { ticks: number[]; format: (v: number) => string } {
  for (let n = Math.max(1, wanted); n > 1; n--) {
    const ticks = x.ticks(n);
    // d3's own labels take their precision from the tick step, so from the count asked for.
    const format = given ?? x.tickFormat(n);
    // Neighbours' centres must be half of each label, and a space of one size, apart.
    const fits = ticks.every(
      (t, i) =>
        i === 0 ||
        Math.abs(x(t) - x(ticks[i - 1])) >=
          (textWidth(format(t), size) + textWidth(format(ticks[i - 1]), size)) / 2 + size,
    );
    if (fits) return { ticks, format };
  }
  // One label at each end of the axis.
  return { ticks: x.domain(), format: given ?? x.tickFormat(2) };
}

/**
 * A name drawn in at most `room` pixels: smaller type down to 80% of `size`, then cut short
 * with an ellipsis, so a long variant or node name never runs out of its chart.
 */
export function fitLabel(
  text: string,
  room: number,
  size: number,
  bold = false,
): { text: string; size: number } {
  const shrunk = Math.max(size * 0.8, Math.min(size, sizeToFit(text.length, room, bold)));
  return { text: cutToFit(text, room, shrunk, bold), size: shrunk };
}

/** `text` as it is when it fits in `room` pixels at `size`, else cut short with an ellipsis. */
export function cutToFit(text: string, room: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= room) return text;
  const characters = Math.max(1, Math.floor(room / textWidth(1, size, bold)) - 1);
  return `${text.slice(0, characters).trimEnd()}…`;
}

/**
 * `text` in lines of at most `room` pixels at `size`, broken between words, in at most `most`
 * lines: what is left for the last is cut short (cutToFit), as is a word wider than a line.
 */
export function wrapToFit(text: string, room: number, size: number, most: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const longer = line ? `${line} ${word}` : word;
    if (line && textWidth(longer, size) > room && lines.length < most - 1) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  lines.push(line);
  return lines.map((l) => cutToFit(l, room, size));
}

/**
 * A row's name at the left of a chart of rows, ending just before the plot at height `y`,
 * fitted into `room` pixels (fitLabel).
 */
export function drawRowLabel(
  parent: Selection<SVGGElement, unknown, null, undefined>,
  y: number,
  text: string,
  room: number,
  size: number,
  bold = false,
): void {
  const label = fitLabel(text, room, size, bold);
  // A name cut short is whole in its title, which a pointer and a screen reader find.
  const cut = label.text !== text;
  const host = cut ? parent.append('g').attr('class', 'row-label') : parent;
  if (cut) host.append('title').text(text);
  host
    .append('text')
    .attr('x', -10)
    .attr('y', y)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .attr('fill', INK)
    .attr('font-weight', bold ? 700 : 400)
    .attr('font-size', label.size)
    .text(label.text);
}
