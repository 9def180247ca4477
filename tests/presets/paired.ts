/**
 * Running a preset against its contrast (the same file with one edit) on the same seeds, and
 * the paired difference of any metric with its 95% interval. Each seed is one replication
 * run on its own, so every field of the result is available per replication; the two
 * variants share each seed's random numbers, which is what makes the intervals tight.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SimulationResult, simulate } from '../../src/index.ts';
import { type PairedComparison, ratioCi95 } from '../../src/metrics/confidence.ts';

// biome-ignore lint/suspicious/noExplicitAny: scenario files are edited as plain JSON here.
export type Doc = Record<string, any>;

export function preset(file: string): Doc {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios', file), 'utf8'));
}

/** A copy of the scenario with an edit applied, as a coach would make it. */
export function edited(doc: Doc, edit: (copy: Doc) => void): Doc {
  const copy = structuredClone(doc);
  edit(copy);
  return copy;
}

export function node(doc: Doc, id: string): Doc {
  const found = doc.nodes.find((n: Doc) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

/** One result per seed 1..replications, each a single replication. */
export function runSeeds(doc: Doc, replications: number, run: Doc = {}): SimulationResult[] {
  return Array.from({ length: replications }, (_, i) =>
    simulate({ ...doc, run: { ...doc.run, ...run, seed: i + 1, replications: 1 } }),
  );
}

/** variant - baseline for the metric, paired by seed, with its 95% intervals (absolute and relative). */
export function paired(
  baseline: readonly SimulationResult[],
  variant: readonly SimulationResult[],
  metric: (r: SimulationResult) => number,
): PairedComparison {
  return ratioCi95(baseline.map(metric), variant.map(metric));
}

/** The interval, or a failing one if there is none (fewer than two replications). */
export function interval(c: PairedComparison, relative = false): [number, number] {
  const ci = relative ? c.relativeCi95 : c.ci95;
  if (!ci) throw new Error('no interval: run at least two replications');
  return ci;
}
