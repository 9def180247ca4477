import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangC,
  kingman,
  md1,
  mg1,
  mm1,
  mm1k,
  mmc,
  tandemSojourn,
} from '../../src/metrics/theory.ts';

describe('M/M/1', () => {
  it('at rho 0.9 with mu 1, an item spends 10 time units in the system, 9 of them waiting', () => {
    const q = mm1(0.9, 1);
    expect(q.rho).toBeCloseTo(0.9, 12);
    expect(q.W).toBeCloseTo(10, 10);
    expect(q.Wq).toBeCloseTo(9, 10);
    expect(q.L).toBeCloseTo(9, 10);
    expect(q.Lq).toBeCloseTo(8.1, 10);
  });

  it('refuses an unstable load instead of returning a negative wait', () => {
    expect(() => mm1(1, 1)).toThrow(/unstable/);
    expect(() => mm1(1.2, 1)).toThrow(/rho = 1.2/);
    expect(() => mm1(0, 1)).toThrow(/lambda must be positive/);
  });
});

describe('Erlang B and C', () => {
  it('Erlang B for 5 servers at offered load 3 is 0.11005', () => {
    // (3^5/5!) / sum_{k<=5} 3^k/k! = 2.025 / 18.4
    expect(erlangB(5, 3)).toBeCloseTo(2.025 / 18.4, 12);
    expect(erlangB(0, 3)).toBe(1);
  });

  it('stays finite where a^c / c! would overflow', () => {
    const b = erlangB(1000, 950);
    expect(Number.isFinite(b)).toBe(true);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.05);
  });

  it('Erlang C for 2 servers at offered load 1.6 is 0.7111 (= 32/45)', () => {
    // P0 = 1/9, C = (a^2/2!) * (c/(c-a)) * P0 = 1.28 * 5 / 9 = 32/45.
    expect(erlangC(2, 1.6)).toBeCloseTo(32 / 45, 12);
  });

  it('Erlang C with one server is the utilization', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
  });

  it('Erlang C needs an offered load below the number of servers', () => {
    expect(() => erlangC(2, 2)).toThrow(/unstable/);
  });
});

describe('M/M/c', () => {
  it('2 servers at lambda 1.6, mu 1: Wq = C / (c mu - lambda) = 16/9', () => {
    const q = mmc(1.6, 1, 2);
    expect(q.pWait).toBeCloseTo(32 / 45, 12);
    expect(q.Wq).toBeCloseTo(32 / 45 / 0.4, 12);
    expect(q.W).toBeCloseTo(16 / 9 + 1, 12);
    expect(q.L).toBeCloseTo(1.6 * q.W, 12);
    expect(q.rho).toBeCloseTo(0.8, 12);
  });

  it('with one server equals M/M/1', () => {
    const c1 = mmc(0.75, 1.5, 1);
    const m = mm1(0.75, 1.5);
    for (const key of ['rho', 'L', 'Lq', 'W', 'Wq'] as const) expect(c1[key]).toBeCloseTo(m[key], 12);
  });

  it('refuses c that is not a whole number of servers', () => {
    expect(() => mmc(1, 1, 1.5)).toThrow(/whole number/);
  });
});

describe('Pollaczek-Khinchine', () => {
  it('M/D/1 waits half as long as M/M/1 at the same load', () => {
    const d = md1(0.8, 1);
    expect(d.Wq).toBeCloseTo(0.8 / (2 * 0.2), 12);
    expect(d.Wq).toBeCloseTo(mm1(0.8, 1).Wq / 2, 12);
    expect(d.W).toBeCloseTo(3, 12);
  });

  it('M/G/1 with exponential service (variance = mean^2) equals M/M/1', () => {
    const g = mg1(0.5, 1.25, 1.25 ** 2);
    const m = mm1(0.5, 0.8);
    for (const key of ['rho', 'L', 'Lq', 'W', 'Wq'] as const) expect(g[key]).toBeCloseTo(m[key], 12);
  });

  it('refuses rho >= 1 and negative variance', () => {
    expect(() => md1(1, 1)).toThrow(/unstable/);
    expect(() => mg1(0.5, 1, -1)).toThrow(/variance/);
  });
});

describe('M/M/1/K', () => {
  it('matches the closed form: blocking (1 - rho) rho^K / (1 - rho^(K+1))', () => {
    const rho = 0.8;
    const K = 5;
    const q = mm1k(0.8, 1, K);
    expect(q.pBlock).toBeCloseTo(((1 - rho) * rho ** K) / (1 - rho ** (K + 1)), 12);
    expect(q.L).toBeCloseTo(rho / (1 - rho) - ((K + 1) * rho ** (K + 1)) / (1 - rho ** (K + 1)), 12);
    expect(q.W).toBeCloseTo(q.L / (0.8 * (1 - q.pBlock)), 12);
  });

  it('is stable at and beyond rho = 1', () => {
    const even = mm1k(1, 1, 4);
    expect(even.pBlock).toBeCloseTo(1 / 5, 12);
    expect(even.L).toBeCloseTo(2, 12);
    const overloaded = mm1k(1e6, 1, 3);
    expect(overloaded.pBlock).toBeCloseTo(1, 5);
    expect(overloaded.L).toBeCloseTo(3, 5);
    expect(overloaded.W).toBeCloseTo(3, 4); // always full: wait behind 2, then 1 unit of service
  });

  it('with a large K approaches M/M/1', () => {
    const q = mm1k(0.5, 1, 200);
    expect(q.W).toBeCloseTo(mm1(0.5, 1).W, 10);
  });
});

describe('tandem (Jackson network)', () => {
  it('7 stages of M/M/2 at lambda 1.6, mu 1 take 7 * 25/9 = 19.444 time units', () => {
    // Each stage: W = 1/mu + C/(c mu - lambda) = 1 + (32/45)/0.4 = 25/9.
    const stages = Array.from({ length: 7 }, () => ({ lambda: 1.6, mu: 1, c: 2 }));
    expect(tandemSojourn(stages)).toBeCloseTo(175 / 9, 10);
  });

  it('throws when any stage is overloaded', () => {
    expect(() =>
      tandemSojourn([
        { lambda: 1, mu: 2, c: 1 },
        { lambda: 1, mu: 1, c: 1 },
      ]),
    ).toThrow(/unstable/);
  });
});

describe('Kingman', () => {
  it('is exact for M/M/1 (both squared coefficients of variation 1)', () => {
    expect(kingman(0.9, 1, 1, 1)).toBeCloseTo(mm1(0.9, 1).Wq, 12);
  });

  it('reproduces M/D/1 with deterministic service (cs2 = 0)', () => {
    expect(kingman(0.8, 1, 0, 1)).toBeCloseTo(md1(0.8, 1).Wq, 12);
  });

  it('refuses rho >= 1', () => {
    expect(() => kingman(1, 1, 1, 1)).toThrow(/unstable/);
  });
});
