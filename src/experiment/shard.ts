/**
 * Shards: the k-th of n slices of a run's or a sweep's replications, written to a partial
 * result file, and the merge that folds the slices into exactly what one run would give.
 * Job j (in a sweep plan's order: point by point, replication by replication) belongs to shard
 * (j mod n) + 1, so every slice gets a fair share of every point. A file is checked field by
 * field, against its digest and against the seeds of its replications before it is folded
 * (shard-file.ts).
 */
import { formatProblems } from '../model/parse.ts';
import type { SweepAxis } from './axes.ts';
import type { JobOutcome } from './jobs.ts';
import { encodeOutcome } from './outcome-codec.ts';
import type { Plan } from './pipeline.ts';
import { ScenarioError } from './scenario-error.ts';
import {
  checkedOutcome,
  checkPartialFile,
  digestOf,
  outcomeTemplates,
  PARTIAL_VERSION,
  type PartialResult,
} from './shard-file.ts';
import { planSweep, type SweepJob, type SweepOptions, type SweepPlan, type SweepResult } from './sweep.ts';

export type { PartialResult };

export interface Shard {
  /** 1-based: shard 1 of 4 is the first. */
  index: number;
  count: number;
}

/** The jobs (indices into a sweep plan's jobs) that belong to a shard. */
function shardJobs(total: number, shard: Shard): number[] {
  const jobs: number[] = [];
  for (let j = shard.index - 1; j < total; j += shard.count) jobs.push(j);
  return jobs;
}

/**
 * One shard of a run (no axes) or a sweep, as a plan whose result is its partial result file,
 * for `mergePartials` to fold with the others. A shard stopped early makes no file.
 */
export function planShard(
  document: unknown,
  axes: readonly SweepAxis[],
  shard: Shard,
  options: SweepOptions = {},
): Plan<PartialResult, SweepJob> {
  const whole = planSweep(document, axes, options);
  const mine = shardJobs(whole.jobs.length, shard);
  return {
    jobs: mine.map((j) => whole.jobs[j]),
    fold: (outcomes) => partialResult(whole, shard, new Map(mine.map((j, i) => [j, outcomes[i]]))),
    foldFinished: () => undefined,
  };
}

function partialResult(
  plan: SweepPlan,
  shard: Shard,
  outcomes: ReadonlyMap<number, JobOutcome>,
): PartialResult {
  const content = {
    format: 'flowlab-partial' as const,
    version: PARTIAL_VERSION as typeof PARTIAL_VERSION,
    kind: plan.axes.length > 0 ? ('sweep' as const) : ('run' as const),
    document: plan.document,
    axes: plan.axes,
    seed: plan.seed,
    replications: plan.replications,
    shard,
    jobs: plan.jobs.length,
    outcomes: [...outcomes]
      .sort(([a], [b]) => a - b)
      .map(([job, o]) => ({ job, outcome: 'error' in o ? { error: o.error } : encodeOutcome(o) })),
  };
  // Over the content as JSON will hold it (undefined left out, -0 as 0), as merge will see it.
  return { ...content, digest: digestOf(JSON.parse(JSON.stringify(content))) };
}

/** A problem with the files handed to merge: they are not all the slices of one run. */
export class MergeError extends Error {
  override name = 'MergeError';
}

/**
 * Folds the slices of one run or sweep into its result; every slice exactly once. `files` are
 * the parsed JSON of the partial result files, `names` how to name them in a message.
 */
export function mergePartials(
  files: readonly unknown[],
  names: readonly string[] = files.map((_, i) => `file ${i + 1}`),
): {
  kind: 'run' | 'sweep';
  sweep: SweepResult;
} {
  if (files.length === 0) throw new MergeError('merge needs at least one partial result file');
  const partials = files.map((file, i) => {
    const checked = checkPartialFile(file);
    if (typeof checked === 'string') throw new MergeError(`${names[i]}: ${checked}`);
    return checked;
  });
  const first = partials[0];
  const identity = (p: PartialResult) =>
    JSON.stringify([p.kind, p.document, p.axes, p.seed, p.replications, p.shard.count, p.jobs]);
  partials.forEach((p, i) => {
    if (identity(p) !== identity(first))
      throw new MergeError(
        `${names[i]}: shard ${p.shard.index}/${p.shard.count} is from a different run than shard ${first.shard.index}/${first.shard.count} (scenario, --vary, --seed, --reps or the number of shards differ)`,
      );
  });
  const seen = new Set<number>();
  partials.forEach((p, i) => {
    if (seen.has(p.shard.index))
      throw new MergeError(`${names[i]}: shard ${p.shard.index}/${p.shard.count} is given twice`);
    seen.add(p.shard.index);
  });
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0)
    throw new MergeError(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${first.shard.count}`).join(', ')}`,
    );
  let plan: SweepPlan;
  try {
    plan = planSweep(first.document, first.axes, { seed: first.seed, replications: first.replications });
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    throw new MergeError(`${names[0]}: document: ${formatProblems(error.problems).replaceAll('\n', '; ')}`);
  }
  const { jobs } = plan;
  if (jobs.length !== first.jobs)
    throw new MergeError(
      `${names[0]}: jobs: the shards ran ${first.jobs} jobs, but this scenario has ${jobs.length}`,
    );
  const template = outcomeTemplates();
  const outcomes: JobOutcome[] = new Array(jobs.length);
  partials.forEach((p, i) => {
    p.outcomes.forEach(({ job, outcome }, k) => {
      if ('error' in outcome) {
        outcomes[job] = { error: outcome.error };
        return;
      }
      const { scenario, replication } = jobs[job];
      // The point's own seed: an axis may vary run.seed.
      const checked = checkedOutcome(outcome, template(scenario), scenario.run.seed, replication);
      if (typeof checked === 'string') throw new MergeError(`${names[i]}: outcomes[${k}].${checked}`);
      outcomes[job] = checked;
    });
  });
  return { kind: first.kind, sweep: plan.fold(outcomes) };
}
