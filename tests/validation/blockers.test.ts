/**
 * Blockers against Pollaczek–Khinchine. Under `hold` a blocked item keeps its server, so the
 * server's service time is the convolution T = S + I B (I: blocked, with chance p). With S
 * exponential of mean 1, B exponential of mean 2 and p = 0.25:
 *   E[T] = 1 + 0.25 x 2 = 1.5,
 *   E[T^2] = E[S^2] + 2 E[S] p E[B] + p E[B^2] = 2 + 1 + 0.25 x 8 = 5, Var T = 5 - 1.5^2 = 2.75,
 * and M/G/1 at lambda 0.4 (rho 0.6) has W = lambda E[T^2] / (2 (1 - rho)) + E[T] = 2.5 + 1.5 = 4.
 * Under `aside` the blocked time does not hold the server.
 * Tolerances are 99.9% intervals over fixed seeds (helpers.ts).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { mg1 } from '../../src/metrics/theory.ts';
import { agreement, expectAgreement, leadTimes, station } from './helpers.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

function blocked(policy: 'hold' | 'aside') {
  const doc = station({
    name: `M/G/1 with blockers (${policy})`,
    interarrival: exponential(1 / 0.4),
    service: exponential(1),
    capacity: 1,
    duration: 100_000,
    warmup: 1000,
    replications: 20,
  });
  return {
    ...doc,
    nodes: [{ ...doc.nodes[0], blocker: { probability: 0.25, time: exponential(2), policy } }],
  };
}

describe('blockers against Pollaczek–Khinchine', () => {
  it('hold: the mean lead time is M/G/1 with the service convolved with the blocked time', () => {
    const theory = mg1(0.4, 1.5, 2.75).W;
    expect(theory).toBeCloseTo(4, 12);
    expectAgreement(leadTimes(simulate(blocked('hold'))), theory, 0.03);
  });

  it('aside at one server: the server is not held, so items wait far less than under hold', () => {
    // No closed form (an unblocked item returns to the front of the queue, and its work reaches
    // the server late, so that stream is not Poisson); but the server is busy only with work,
    // at rho 0.4 rather than 0.6, and the two 99.9% intervals lie far apart.
    const hold = agreement(leadTimes(simulate(blocked('hold'))), 0);
    const aside = agreement(leadTimes(simulate(blocked('aside'))), 0);
    expect(aside.mean + aside.halfWidth).toBeLessThan(hold.mean - hold.halfWidth);
    // Going aside skips no blocked time: each item's lead time is at least its work plus
    // its blocked time, whose mean is E[S] + p E[B] = 1.5.
    expect(aside.mean - aside.halfWidth).toBeGreaterThan(1.5);
  });
});
