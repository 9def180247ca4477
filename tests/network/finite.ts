import { expect } from 'vitest';

/** Every number in a result is finite, and every count, time or share is non-negative. */
export function expectFiniteNumbers(value: unknown, path = 'result'): void {
  if (typeof value === 'number') {
    expect(Number.isFinite(value), path).toBe(true);
    // Differences and interval bounds may be negative; everything else is a count, time or share.
    if (!/relative|ci95/i.test(path)) expect(value, path).toBeGreaterThanOrEqual(0);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      expectFiniteNumbers(v, `${path}[${i}]`);
    });
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) expectFiniteNumbers(v, `${path}.${k}`);
}
