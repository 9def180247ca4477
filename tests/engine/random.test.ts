import { describe, expect, it } from 'vitest';
import { randomStream, replicationSeed } from '../../src/engine/random.ts';

const take = (random: () => number, n: number) => Array.from({ length: n }, () => random());

describe('randomStream', () => {
  it('gives the same sequence for the same seed and name', () => {
    expect(take(randomStream(1, 'arrivals:feature'), 100)).toEqual(
      take(randomStream(1, 'arrivals:feature'), 100),
    );
  });

  it('gives different sequences for different names or seeds', () => {
    const base = take(randomStream(1, 'service:review-team'), 20);
    expect(take(randomStream(1, 'service:review-team2'), 20)).not.toEqual(base);
    expect(take(randomStream(1, 'routing'), 20)).not.toEqual(base);
    expect(take(randomStream(2, 'service:review-team'), 20)).not.toEqual(base);
  });

  it('draws from one stream never disturb another (common random numbers)', () => {
    const alone = take(randomStream(5, 'service:b'), 50);
    const a = randomStream(5, 'service:a');
    const b = randomStream(5, 'service:b');
    const interleaved: number[] = [];
    for (let i = 0; i < 50; i++) {
      take(a, 3);
      interleaved.push(b());
    }
    expect(interleaved).toEqual(alone);
  });

  it('returns values in [0, 1) with mean 1/2', () => {
    const n = 200_000;
    const random = randomStream(3, 'uniform');
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) throw new Error(`out of range: ${u}`);
      sum += u;
    }
    // Var(U) = 1/12; 4.5 standard errors.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4.5 * Math.sqrt(1 / 12 / n));
  });

  it('streams with similar names are uncorrelated', () => {
    const n = 100_000;
    const a = randomStream(9, 'service:node-1');
    const b = randomStream(9, 'service:node-2');
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (a() - 0.5) * (b() - 0.5);
    // Correlation estimate = 12 * mean of products; its standard error is about 1/sqrt(n).
    expect(Math.abs((12 * sum) / n)).toBeLessThan(4.5 / Math.sqrt(n));
  });
});

describe('replicationSeed', () => {
  it('is deterministic', () => {
    expect(replicationSeed(42, 7)).toBe(replicationSeed(42, 7));
  });

  it('gives distinct unsigned 32-bit seeds to replications 0..999', () => {
    for (const seed of [0, 1, 42, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER]) {
      const seeds = Array.from({ length: 1000 }, (_, r) => replicationSeed(seed, r));
      expect(new Set(seeds).size).toBe(1000);
      for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    }
  });

  it('differs between run seeds', () => {
    expect(replicationSeed(1, 0)).not.toBe(replicationSeed(2, 0));
    expect(replicationSeed(1, 0)).not.toBe(replicationSeed(2 ** 32 + 1, 0));
  });
});
