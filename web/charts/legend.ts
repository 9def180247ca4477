/**
 * A chart's legend: one row of swatches above the plot, wrapping to further rows when they do
 * not fit. A chart declares its items once, in `createFrame`, which leaves room for as many rows
 * as they need and draws them. A label too wide for a row of its own (a variant named after its
 * team, on a phone) is drawn on two rows, broken between words, and cut short beyond that; its
 * whole text is then its title.
 */
import type { select } from 'd3';
import { wrapToFit } from './labels.ts';
import { INK, PAPER, PERCENTILE, type Percentile, type TypeScale, textWidth } from './theme.ts';

/** The most rows one label takes: more would push the plot down for one name. */
const MOST_LINES = 2;

export interface LegendItem {
  label: string;
  colour: string;
  /** The swatch: a filled box (the default), a line, a dashed line or an open diamond. */
  kind?: 'line' | 'box' | 'dash' | 'diamond';
}

/** A percentile's swatch: its colour, dashed as its mark is. */
export function percentileItem(p: Percentile, label: string = p): LegendItem {
  return { label, colour: PERCENTILE[p].colour, kind: PERCENTILE[p].dash ? 'dash' : 'line' };
}

/** Where an item goes: its row, from the left, and its label's lines there. */
export interface LegendPlace {
  x: number;
  row: number;
  lines: string[];
}

/** Where each item goes, in rows from `left` to the chart's right edge. */
export function legendLayout(
  labels: readonly string[],
  width: number,
  left: number,
  type: TypeScale,
): { rows: number; at: LegendPlace[] } {
  const swatch = type.base * 1.6;
  const right = width - 8;
  let x = left;
  let row = 0;
  const at = labels.map((label) => {
    const lines = wrapToFit(label, right - left - swatch, type.small, MOST_LINES);
    const w = swatch + textWidth(label, type.small) + type.base * 1.2;
    if ((lines.length > 1 || x + w > right) && x > left) {
      row++;
      x = left;
    }
    const place = { x, row, lines };
    x += w;
    if (lines.length > 1) {
      // The item's further lines take the rows under it, and the next item starts below them.
      row += lines.length - 1;
      x = right;
    }
    return place;
  });
  return { rows: labels.length ? row + 1 : 0, at };
}

/** Height of one legend row; the frame's top margin grows by this much per row. */
export function legendRowHeight(type: TypeScale): number {
  return type.base * 1.6;
}

export function drawLegend(
  svg: ReturnType<typeof select<SVGSVGElement, unknown>>,
  items: readonly LegendItem[],
  layout: ReturnType<typeof legendLayout>,
  type: TypeScale,
) {
  const g = svg.append('g').attr('class', 'legend').attr('font-size', type.small);
  items.forEach((item, i) => {
    const { x, row, lines } = layout.at[i];
    const y = 10 + row * legendRowHeight(type) + type.base * 0.5;
    const swatch = g.append('g').attr('transform', `translate(${x},${y})`);
    if (lines.length > 1 || lines[0] !== item.label) swatch.append('title').text(item.label);
    if (item.kind === 'line' || item.kind === 'dash')
      swatch
        .append('line')
        .attr('x1', 0)
        .attr('x2', type.base * 1.2)
        .attr('stroke', item.colour)
        .attr('stroke-width', 2.5)
        .attr('stroke-dasharray', item.kind === 'dash' ? '4 3' : null);
    else if (item.kind === 'diamond') {
      const r = type.base * 0.45;
      swatch
        .append('path')
        .attr('d', `M${r},${-r}l${r},${r}l${-r},${r}l${-r},${-r}z`)
        .attr('fill', PAPER)
        .attr('stroke', item.colour)
        .attr('stroke-width', 2);
    } else
      swatch
        .append('rect')
        .attr('y', -type.base * 0.45)
        .attr('width', type.base * 1.2)
        .attr('height', type.base * 0.9)
        .attr('rx', 2)
        .attr('fill', item.colour);
    const text = swatch
      .append('text')
      .attr('x', type.base * 1.6)
      .attr('dy', lines.length === 1 ? '0.35em' : null)
      .attr('fill', INK);
    if (lines.length === 1) text.text(lines[0]);
    // Each line a tspan back at the swatch's right, one legend row under the one before.
    else
      lines.forEach((line, k) => {
        text
          .append('tspan')
          .attr('x', type.base * 1.6)
          .attr('dy', k === 0 ? '0.35em' : legendRowHeight(type))
          .text(line);
      });
  });
}
