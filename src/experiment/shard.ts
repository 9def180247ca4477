/**
 * Shards: the k-th of n slices of a run's or a sweep's replications, written to a partial
 * result file, and the merge that folds the slices into exactly what one run would give.
 * Job j (in `sweepJobs` order: point by point, replication by replication) belongs to shard
 * (j mod n) + 1, so every slice gets a fair share of every point.
 */
import type { SweepAxis } from './axes.ts';
import { decodeOutcome, type EncodedOutcome, encodeOutcome } from './outcome-codec.ts';
import { byPoint, foldSweep, type JobOutcome, planSweep, type SweepResult, sweepJobs } from './sweep.ts';

export interface Shard {
  /** 1-based: shard 1 of 4 is the first. */
  index: number;
  count: number;
}

export interface PartialResult {
  format: 'flowlab-partial';
  version: 1;
  /** A plain run (no axes) or a sweep. */
  kind: 'run' | 'sweep';
  /** The scenario exactly as run (overrides applied), so every shard can prove it ran the same one. */
  document: unknown;
  axes: SweepAxis[];
  seed: number;
  replications: number;
  shard: Shard;
  /** Jobs in the whole run, across all shards. */
  jobs: number;
  outcomes: { job: number; outcome: EncodedOutcome | { error: string } }[];
}

/** "2/5" as a shard, or the reason it is not one. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `--shard must be k/n, e.g. 2/5 (got "${text}")`;
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: k must be between 1 and n`;
  return { index, count };
}

/** The jobs (indices into `sweepJobs`) that belong to a shard. */
export function shardJobs(total: number, shard: Shard): number[] {
  const jobs: number[] = [];
  for (let j = shard.index - 1; j < total; j += shard.count) jobs.push(j);
  return jobs;
}

export function partialResult(
  kind: 'run' | 'sweep',
  document: unknown,
  axes: readonly SweepAxis[],
  plan: { seed: number; replications: number },
  shard: Shard,
  total: number,
  outcomes: ReadonlyMap<number, JobOutcome>,
): PartialResult {
  return {
    format: 'flowlab-partial',
    version: 1,
    kind,
    document,
    axes: [...axes],
    seed: plan.seed,
    replications: plan.replications,
    shard,
    jobs: total,
    outcomes: [...outcomes]
      .sort(([a], [b]) => a - b)
      .map(([job, o]) => ({ job, outcome: 'error' in o ? { error: o.error } : encodeOutcome(o) })),
  };
}

/** A problem with the files handed to merge: they are not all the slices of one run. */
export class MergeError extends Error {
  override name = 'MergeError';
}

/** Folds the slices of one run or sweep into its result; every slice exactly once. */
export function mergePartials(partials: readonly PartialResult[]): {
  kind: 'run' | 'sweep';
  sweep: SweepResult;
} {
  if (partials.length === 0) throw new MergeError('merge needs at least one partial result file');
  for (const p of partials)
    if (p?.format !== 'flowlab-partial' || p.version !== 1)
      throw new MergeError(
        'not a partial result written by this version of flowlab (run or sweep with --shard)',
      );
  const first = partials[0];
  const identity = (p: PartialResult) =>
    JSON.stringify([p.kind, p.document, p.axes, p.seed, p.replications, p.shard.count, p.jobs]);
  for (const p of partials)
    if (identity(p) !== identity(first))
      throw new MergeError(
        `shard ${p.shard.index}/${p.shard.count} is from a different run than shard ${first.shard.index}/${first.shard.count} (scenario, --vary, --seed, --reps or the number of shards differ)`,
      );
  const seen = new Set<number>();
  for (const p of partials) {
    if (seen.has(p.shard.index))
      throw new MergeError(`shard ${p.shard.index}/${p.shard.count} is given twice`);
    seen.add(p.shard.index);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0)
    throw new MergeError(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${first.shard.count}`).join(', ')}`,
    );
  const plan = planSweep(first.document, first.axes, { seed: first.seed, replications: first.replications });
  const total = sweepJobs(plan).length;
  if (total !== first.jobs)
    throw new MergeError(`the shards ran ${first.jobs} jobs, but this scenario has ${total}`);
  const outcomes: (JobOutcome | undefined)[] = new Array(total);
  for (const p of partials)
    for (const { job, outcome } of p.outcomes) {
      if (outcomes[job]) throw new MergeError(`replication job ${job} appears in two shards`);
      outcomes[job] = 'error' in outcome ? { error: outcome.error } : decodeOutcome(outcome);
    }
  const absent = outcomes.indexOf(undefined);
  if (absent >= 0 || outcomes.length < total)
    throw new MergeError(
      `replication job ${absent} is in no shard: a shard file is incomplete (was its run stopped?)`,
    );
  return { kind: first.kind, sweep: foldSweep(plan, byPoint(plan, outcomes as JobOutcome[])) };
}
