/**
 * Shared tools for checking the engine against queueing theory.
 *
 * A check runs R independent replications with fixed seeds, takes each replication's
 * mean, and asks whether the theoretical value lies inside the 99.9% t-interval of those
 * means. With a fixed seed the outcome is deterministic; the 99.9% level means that a
 * correct engine would fail one such check in a thousand seeds, so a failure is a real
 * signal. Each check also requires the interval to be narrow (a stated relative
 * half-width), so a check cannot pass merely because the run was too noisy to tell.
 */
import { expect } from 'vitest';
import type { SimulationResult } from '../../src/experiment/result.ts';
import { meanOf, sdOf } from '../../src/metrics/confidence.ts';
import { studentTQuantile } from '../metrics/student-t.ts';

export interface Agreement {
  mean: number;
  halfWidth: number;
  theory: number;
}

/** 99.9% t-interval of per-replication values, against a theoretical value. */
export function agreement(values: readonly number[], theory: number): Agreement {
  const n = values.length;
  const halfWidth = (studentTQuantile(0.9995, n - 1) * sdOf(values)) / Math.sqrt(n);
  return { mean: meanOf(values), halfWidth, theory };
}

export function expectAgreement(values: readonly number[], theory: number, maxRelativeHalfWidth: number) {
  const a = agreement(values, theory);
  const detail = `simulated ${a.mean.toFixed(4)} ± ${a.halfWidth.toFixed(4)} (99.9%), theory ${theory.toFixed(4)}`;
  expect(Math.abs(a.mean - theory), detail).toBeLessThanOrEqual(a.halfWidth);
  expect(a.halfWidth / theory, `interval too wide to be a test: ${detail}`).toBeLessThanOrEqual(
    maxRelativeHalfWidth,
  );
  return a;
}

export const leadTimes = (r: SimulationResult) => r.runs.map((x) => x.leadTimeMean);

/** One node, one step: the classic single-queue station. */
export function station(options: {
  name: string;
  interarrival: unknown;
  service: unknown;
  capacity: number;
  duration: number;
  warmup: number;
  replications: number;
  seed?: number;
}) {
  return {
    name: options.name,
    timeUnit: 'minute',
    run: {
      duration: options.duration,
      warmup: options.warmup,
      seed: options.seed ?? 7,
      replications: options.replications,
    },
    routing: 'fixed',
    demand: [{ id: 'job', interarrival: options.interarrival, steps: ['work'] }],
    nodes: [{ id: 'server', kind: 'team', capacity: options.capacity, serves: { work: options.service } }],
  };
}
