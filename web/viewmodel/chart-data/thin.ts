/**
 * Bounding how many points a chart draws, so drawing never blocks the page however long the
 * run: every k-th point, always keeping the last (where a line ends matters).
 */
export function thinIndices(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (max - 1);
  const out: number[] = [];
  for (let k = 0; k < max; k++) out.push(Math.round(k * step));
  return out;
}

export const MAX_LINE_POINTS = 1000;
export const MAX_SCATTER_POINTS = 2000;
