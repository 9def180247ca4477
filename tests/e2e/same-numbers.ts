/**
 * Comparing two results number by number: identical structure, strings, booleans and
 * integers, and floating-point values equal to within a relative tolerance. Reports every
 * mismatch by its path, and the largest relative difference seen, so a drift is visible.
 */
export function sameNumbers(
  a: unknown,
  b: unknown,
  tolerance: number,
): { mismatches: string[]; worst: number } {
  const mismatches: string[] = [];
  let worst = 0;
  const walk = (x: unknown, y: unknown, path: string) => {
    if (typeof x === 'number' && typeof y === 'number') {
      if (x === y) return;
      const relative = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
      worst = Math.max(worst, relative);
      if (!(relative <= tolerance) || Number.isInteger(x) !== Number.isInteger(y))
        mismatches.push(`${path}: ${x} vs ${y}`);
      return;
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) mismatches.push(`${path}: ${x.length} items vs ${y.length}`);
      else for (let i = 0; i < x.length; i++) walk(x[i], y[i], `${path}[${i}]`);
      return;
    }
    if (x && y && typeof x === 'object' && typeof y === 'object') {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const k of keys)
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}.${k}`);
      return;
    }
    if (x !== y) mismatches.push(`${path}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
  };
  walk(a, b, '');
  return { mismatches, worst };
}
