/**
 * Queue disciplines against theory. Two classes of work share one server (M/M/1 with
 * class-dependent service): small items (lambda 0.3, mean service 1, cost of delay 1 per time
 * unit) and large ones (lambda 0.25, mean service 2, cost of delay 3), a load of 0.8.
 *
 * With linear costs the c-mu rule (serve the class with the highest c / E[S] first) minimises
 * the cost rate among non-preemptive policies (Cox & Smith 1961). WSJF, cost of delay over
 * expected duration, is that rule: large items (3 / 2 = 1.5) before small ones (1 / 1 = 1).
 * Cobham's formula gives each class's wait under any static priority order, so the cost rate
 * sum_k lambda_k c_k (Wq_k + E[S_k]) is known exactly for WSJF, for FIFO (one class, P-K) and
 * for the reverse order. Tolerances are 99.9% intervals over replications (helpers.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, simulate } from '../../src/index.ts';
import { cobham } from '../../src/metrics/theory.ts';
import { expectAgreement } from './helpers.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });
const SMALL = { lambda: 0.3, meanS: 1, secondMomentS: 2, cost: 1 };
const LARGE = { lambda: 0.25, meanS: 2, secondMomentS: 8, cost: 3 };
const DURATION = 80_000;
const WARMUP = 2_000;

function twoClasses(discipline: string, smallFirst = false) {
  return {
    name: `two classes, ${discipline}`,
    run: { duration: DURATION, warmup: WARMUP, seed: 11, replications: 20 },
    demand: [
      {
        id: 'small',
        interarrival: exponential(1 / SMALL.lambda),
        steps: ['quick'],
        costOfDelay: { profile: 'standard', rate: SMALL.cost },
        ...(smallFirst ? { priority: 1 } : {}),
      },
      {
        id: 'large',
        interarrival: exponential(1 / LARGE.lambda),
        steps: ['long'],
        costOfDelay: { profile: 'standard', rate: LARGE.cost },
      },
    ],
    nodes: [
      {
        id: 'server',
        capacity: 1,
        serves: { quick: exponential(SMALL.meanS), long: exponential(LARGE.meanS) },
        discipline,
      },
    ],
  };
}

/** sum_k lambda_k c_k (Wq_k + E[S_k]) for classes served in the given order. */
function costRate(order: (typeof SMALL)[]): number {
  const waits = cobham(order);
  return order.reduce((s, k, i) => s + k.lambda * k.cost * (waits[i] + k.meanS), 0);
}

/** FIFO is one class with the mixed service time (Pollaczek-Khinchine): every class waits the same. */
function fifoCostRate(): number {
  const lambda = SMALL.lambda + LARGE.lambda;
  const mixed = {
    lambda,
    meanS: (SMALL.lambda * SMALL.meanS + LARGE.lambda * LARGE.meanS) / lambda,
    secondMomentS: (SMALL.lambda * SMALL.secondMomentS + LARGE.lambda * LARGE.secondMomentS) / lambda,
  };
  const [wait] = cobham([mixed]);
  return [SMALL, LARGE].reduce((s, k) => s + k.lambda * k.cost * (wait + k.meanS), 0);
}

const perTimeUnit = (discipline: string, smallFirst = false) =>
  simulate(twoClasses(discipline, smallFirst)).economics!.runs.costOfDelay.map(
    (c) => c / (DURATION - WARMUP),
  );

describe('scheduling by cost of delay: the c-mu rule (two-class M/M/1 at load 0.8)', () => {
  it('WSJF serves large items first and its cost rate is the one Cobham gives for that order (7.65)', () => {
    const theory = costRate([LARGE, SMALL]);
    expect(theory).toBeCloseTo(7.65, 10);
    expectAgreement(perTimeUnit('wsjf'), theory, 0.05);
  });

  it('FIFO costs what Pollaczek-Khinchine gives (8.625), and the reverse order what Cobham gives (9.32)', () => {
    expectAgreement(perTimeUnit('fifo'), fifoCostRate(), 0.05);
    expectAgreement(perTimeUnit('priority', true), costRate([SMALL, LARGE]), 0.05);
  });

  it('on the same arrivals, WSJF costs less than FIFO, and FIFO less than the reverse order', () => {
    const c = compare([
      { name: 'fifo', scenario: twoClasses('fifo') },
      { name: 'wsjf', scenario: twoClasses('wsjf') },
      { name: 'reverse', scenario: twoClasses('priority', true) },
    ]);
    const [, wsjf, reverse] = c.variants;
    // Paired 95% intervals on the difference from FIFO, each wholly on one side of 0.
    expect(wsjf.vsBaseline!.costOfDelay!.ci95![1]).toBeLessThan(0);
    expect(reverse.vsBaseline!.costOfDelay!.ci95![0]).toBeGreaterThan(0);
  });
});

describe('shortest expected job first (M/G/1 with known service times)', () => {
  /** Two sizes of item, each a constant time, at one server; `discipline` orders its queue. */
  const sized = (
    small: number,
    large: number,
    lambdaSmall: number,
    lambdaLarge: number,
    discipline: string,
  ) => ({
    name: `sizes ${small} and ${large}, ${discipline}`,
    run: { duration: 20_000, warmup: 1_000, seed: 5, replications: 10 },
    demand: [
      { id: 'small', interarrival: exponential(1 / lambdaSmall), steps: ['s'] },
      { id: 'large', interarrival: exponential(1 / lambdaLarge), steps: ['l'] },
    ],
    nodes: [{ id: 'server', capacity: 1, serves: { s: small, l: large }, discipline }],
  });

  it('waits less on average than FIFO on the same arrivals, as Cobham gives for smallest first', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 1, noNaN: true }),
        fc.double({ min: 2, max: 5, noNaN: true }),
        fc.double({ min: 0.55, max: 0.8, noNaN: true }),
        fc.double({ min: 0.2, max: 0.8, noNaN: true }),
        (small, ratio, load, shareSmall) => {
          const large = small * ratio;
          // Arrival rates that give `load`, a share `shareSmall` of items being small.
          const lambda = load / (shareSmall * small + (1 - shareSmall) * large);
          const [ls, ll] = [lambda * shareSmall, lambda * (1 - shareSmall)];
          const c = compare([
            { name: 'fifo', scenario: sized(small, large, ls, ll, 'fifo') },
            { name: 'sjf', scenario: sized(small, large, ls, ll, 'sjf') },
          ]);
          // Shorter on the same arrivals: the paired 95% interval lies wholly below 0.
          expect(c.variants[1].vsBaseline!.leadTime.ci95![1]).toBeLessThan(0);
          const waits = cobham([
            { lambda: ls, meanS: small, secondMomentS: small * small },
            { lambda: ll, meanS: large, secondMomentS: large * large },
          ]);
          const theory = (ls * (waits[0] + small) + ll * (waits[1] + large)) / lambda;
          expectAgreement(
            c.variants[1].result.runs.map((r) => r.leadTimeMean),
            theory,
            0.1,
          );
        },
      ),
      { numRuns: 5 },
    );
  });
});
