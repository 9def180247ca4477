/**
 * The engine against closed-form queueing theory. Tolerances are confidence intervals
 * over replications (see helpers.ts), never pinned outputs.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { md1, mm1, mmc, tandemSojourn } from '../../src/metrics/theory.ts';
import { expectAgreement, leadTimes, station } from './helpers.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

describe('M/M/1 (one server, Poisson arrivals, exponential service)', () => {
  // Warm-up is several relaxation times, 1/(mu (1 - sqrt(rho))^2) (Morse), even at rho 0.9 (~380).
  it.each([
    [0.5, 80_000, 0.02],
    [0.8, 150_000, 0.03],
    [0.9, 300_000, 0.03],
  ])('at rho %s the mean time in system is 1/(mu - lambda)', (rho, duration, width) => {
    const result = simulate(
      station({
        name: `M/M/1 rho ${rho}`,
        interarrival: exponential(1 / rho),
        service: exponential(1),
        capacity: 1,
        duration,
        warmup: 2000,
        replications: 20,
      }),
    );
    const theory = mm1(rho, 1);
    expectAgreement(leadTimes(result), theory.W, width);
    expectAgreement(
      result.runs.map((r) => r.wipMean),
      theory.L,
      width * 1.5,
    );
    expect(result.nodes.server.offeredLoad).toBeCloseTo(rho, 12);
    expect(Math.abs(result.nodes.server.utilization - rho)).toBeLessThan(0.01);
  });
});

describe('M/M/c (Erlang C)', () => {
  it.each([
    [2, 1.6],
    [5, 4],
  ])('with c = %s servers at lambda %s the mean wait and time in system match Erlang C', (c, lambda) => {
    const result = simulate(
      station({
        name: `M/M/${c}`,
        interarrival: exponential(1 / lambda),
        service: exponential(1),
        capacity: c,
        duration: 100_000,
        warmup: 1000,
        replications: 20,
      }),
    );
    const theory = mmc(lambda, 1, c);
    expectAgreement(leadTimes(result), theory.W, 0.02);
    // The wait in queue alone is the sharper test of Erlang C: it is what the formula is about.
    expect(Math.abs(result.nodes.server.wait.mean - theory.Wq) / theory.Wq).toBeLessThan(0.05);
  });
});

describe('M/D/1 (Pollaczek–Khinchine)', () => {
  it('with constant service the mean wait is half that of M/M/1: Wq = rho S / (2 (1 - rho))', () => {
    const rho = 0.8;
    const result = simulate(
      station({
        name: 'M/D/1',
        interarrival: exponential(1 / rho),
        service: 1,
        capacity: 1,
        duration: 100_000,
        warmup: 1000,
        replications: 20,
      }),
    );
    expectAgreement(leadTimes(result), md1(rho, 1).W, 0.02);
  });
});

describe('Jackson tandem network', () => {
  it('seven M/M/2 stages at lambda 1.6, mu 1 have mean sojourn 19.44 (sum of the stages)', () => {
    const steps = ['s1', 's2', 's3', 's4', 's5', 's6', 's7'];
    const result = simulate({
      name: 'tandem',
      run: { duration: 50_000, warmup: 1000, seed: 3, replications: 20 },
      routing: 'fixed',
      demand: [{ id: 'job', interarrival: exponential(1 / 1.6), steps }],
      nodes: steps.map((s) => ({ id: `stage-${s}`, capacity: 2, serves: { [s]: exponential(1) } })),
    });
    const theory = tandemSojourn(steps.map(() => ({ lambda: 1.6, mu: 1, c: 2 })));
    expect(theory).toBeCloseTo(19.444, 2);
    expectAgreement(leadTimes(result), theory, 0.02);
  });
});

describe("Little's law", () => {
  it('time-average WIP equals throughput times mean lead time', () => {
    const result = simulate({
      name: 'two classes through a shared team',
      run: { duration: 30_000, warmup: 1000, seed: 11, replications: 10 },
      routing: 'shortest-queue',
      demand: [
        { id: 'feature', interarrival: exponential(2), steps: ['design', 'build'] },
        { id: 'defect', interarrival: { dist: 'uniform', min: 1, max: 5 }, steps: ['build'] },
      ],
      nodes: [
        { id: 'designers', capacity: 1, serves: { design: { dist: 'gamma', mean: 1.2, cv: 0.5 } } },
        { id: 'team-a', capacity: 2, serves: { build: { dist: 'lognormal', mean: 2, cv: 1 } } },
        { id: 'team-b', capacity: 1, serves: { build: { dist: 'lognormal', mean: 1.5, cv: 1 } } },
      ],
    });
    // Per replication L and lambda W differ only by edge effects at the window's ends, so
    // their paired difference must be small relative to L.
    const gaps = result.runs.map((r) => (r.throughput * r.leadTimeMean - r.wipMean) / r.wipMean);
    expectAgreement(gaps, 0, Number.POSITIVE_INFINITY);
    expect(Math.abs(result.littlesLaw.relativeDifference)).toBeLessThan(0.02);
  });
});
