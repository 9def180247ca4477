/**
 * Reading a chart with the pointer or the keyboard: a transparent layer over the plot takes the
 * pointer and one tab stop, the arrow keys step from place to place, and the tooltip says what
 * is at the place chosen, which a cursor (a line across the plot, or a ring round a point)
 * marks. A chart says only what its places are and what each reads; every chart is then used
 * the same way, and none can lose its keyboard access by leaving a handler out.
 */
import type { Frame } from './frame.ts';
import { INK } from './theme.ts';
import { hideTooltip, showTooltip } from './tooltip.ts';

export interface Reading {
  /** The tooltip: a heading, then one line per value. */
  lines: string[];
  /** The place in plot pixels: the cursor goes there, and the tooltip when a key chose it. */
  x: number;
  y: number;
}

export interface Reader {
  /** What the layer shows, and which keys read it, for a screen reader. */
  label: string;
  /** A line across the plot at the place, or a ring of this radius round its point. */
  cursor: 'line' | { ring: number };
  /** The place a key press moves from before the pointer or a key has chosen one. */
  start: number;
  /** The place nearest a point of the plot, in plot pixels. */
  nearest(x: number, y: number): number;
  /** The place an arrow key moves to from `at`: `direction` is 1 for → and -1 for ←. */
  next(at: number, direction: 1 | -1): number;
  /** What is at a place; null where there is nothing to read. */
  read(at: number): Reading | null;
}

export function readOut(frame: Frame, reader: Reader) {
  const { plot, inner } = frame;
  const ring = reader.cursor === 'line' ? null : reader.cursor.ring;
  const cursor = plot
    .append<SVGElement>(ring === null ? 'line' : 'circle')
    .attr('class', 'cursor')
    .attr('stroke', INK)
    .attr('visibility', 'hidden');
  if (ring === null) cursor.attr('y1', 0).attr('y2', inner.height).attr('stroke-opacity', 0.5);
  else cursor.attr('r', ring).attr('fill', 'none').attr('stroke-width', 1.5);
  const overlay = plot
    .append('rect')
    .attr('class', 'overlay')
    .attr('width', inner.width)
    .attr('height', inner.height)
    .attr('fill', 'transparent')
    .attr('tabindex', 0)
    .attr('aria-label', reader.label);
  const layer = overlay.node() as SVGRectElement;
  let at = reader.start;
  /** Shows the place's reading, by the pointer when it chose the place, else by the place. */
  const show = (place: number, pointer?: PointerEvent) => {
    const reading = reader.read(place);
    if (!reading) return;
    at = place;
    if (ring === null) cursor.attr('x1', reading.x).attr('x2', reading.x);
    else cursor.attr('cx', reading.x).attr('cy', reading.y);
    cursor.attr('visibility', 'visible');
    // The SVG may be drawn smaller than its own pixels (a narrow card): page = box + plot * scale.
    const box = layer.getBoundingClientRect();
    const scale = box.width / inner.width;
    showTooltip(
      reading.lines,
      pointer?.pageX ?? window.scrollX + box.left + reading.x * scale,
      pointer?.pageY ?? window.scrollY + box.top + reading.y * scale,
    );
  };
  overlay
    .on('pointermove', (e: PointerEvent) => {
      const box = layer.getBoundingClientRect();
      const scale = inner.width / box.width;
      show(reader.nearest((e.clientX - box.left) * scale, (e.clientY - box.top) * scale), e);
    })
    .on('pointerleave blur', () => {
      cursor.attr('visibility', 'hidden');
      hideTooltip();
    })
    .on('keydown', (e: KeyboardEvent) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      e.preventDefault();
      show(reader.next(at, e.key === 'ArrowRight' ? 1 : -1));
    });
}

/** `i` kept within [0, n - 1]: a step past either end stays at the end. */
export function clampIndex(i: number, n: number): number {
  return Math.max(0, Math.min(n - 1, i));
}
