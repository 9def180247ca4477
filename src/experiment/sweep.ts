/**
 * Sweeps: one scenario run at every point of a grid of parameter values, each point with the
 * same seed and replications (common random numbers across points, so a curve is smooth
 * where the system is), each point's result folded as `simulate` would. A point whose
 * values make the scenario invalid, or whose run fails, says so and never loses the others.
 *
 * A sweep is a plan of the job pipeline (pipeline.ts), so its replications can run here, on
 * worker threads (src/node/), in browser workers or in slices on several machines (shards),
 * with the same result.
 */

import { scaleDistribution } from '../model/distribution.ts';
import { pathKeys, setPath } from '../model/overrides.ts';
import { formatProblems, parseScenario } from '../model/parse.ts';
import type { Scenario } from '../model/scenario.ts';
import { nodeLoads } from '../network/load.ts';
import type { ReplicationOutcome } from '../network/outcome.ts';
import { type Stability, stability } from '../network/stability.ts';
import { gridOf, type SweepAxis } from './axes.ts';
import type { Job, JobOutcome } from './jobs.ts';
import { executeHere, type Plan } from './pipeline.ts';
import { resultOf, validScenario, withRun } from './replications.ts';
import type { SimulationResult } from './result.ts';
import { resolveWarmup } from './warmup.ts';

export interface SweepOptions {
  /** Replications per point (default: the scenario's). */
  replications?: number;
  /** Seed for every point (default: the scenario's). */
  seed?: number;
}

export interface PlannedPoint {
  values: Record<string, unknown>;
  /** The scenario at this point, or why there is none. */
  scenario?: Scenario;
  error?: string;
}

export interface SweepJob extends Job {
  point: number;
}

export interface SweepPlan extends Plan<SweepResult, SweepJob> {
  name: string;
  axes: SweepAxis[];
  seed: number;
  replications: number;
  points: PlannedPoint[];
  /** The scenario as given, with the sweep's seed and replications. */
  document: unknown;
}

export interface SweepPoint {
  values: Record<string, unknown>;
  /** Whether every node can keep up at this point (absent when the point is not a valid scenario). */
  stability?: Stability;
  result?: SimulationResult;
  error?: string;
}

export interface SweepResult {
  scenario: string;
  axes: SweepAxis[];
  seed: number;
  replications: number;
  points: SweepPoint[];
}

/**
 * Validates the scenario (throwing ScenarioError) and works out every point's scenario. Its
 * jobs are every replication of every point that can run, point by point: the order results
 * fold in.
 */
export function planSweep(
  document: unknown,
  axes: readonly SweepAxis[],
  options: SweepOptions = {},
): SweepPlan {
  // Validated only: each point chooses its own warm-up if it asks for "auto".
  const base = validScenario(withRun(document, options.seed, options.replications));
  const baseDocument = withRun(document, base.run.seed, base.run.replications);
  const header = {
    scenario: base.name,
    axes: axes.map((a) => ({ path: a.path, values: [...a.values] })),
    seed: base.run.seed,
    replications: base.run.replications,
  };
  const points = gridOf(axes).map((values) => planPoint(baseDocument, values));
  const jobs = points.flatMap((p, point) =>
    p.scenario
      ? Array.from({ length: header.replications }, (_, replication) => ({
          point,
          scenario: p.scenario as Scenario,
          replication,
        }))
      : [],
  );
  /** Each point's outcomes, in replication order; only the points whose every job has one. */
  const byPoint = (outcomes: readonly (JobOutcome | undefined)[]) => {
    const grouped: (JobOutcome[] | undefined)[] = points.map(() => []);
    jobs.forEach((job, j) => {
      const outcome = outcomes[j];
      if (outcome === undefined) grouped[job.point] = undefined;
      else grouped[job.point]?.push(outcome);
    });
    return grouped;
  };
  return {
    name: header.scenario,
    axes: header.axes,
    seed: header.seed,
    replications: header.replications,
    points,
    document: baseDocument,
    jobs,
    fold: (outcomes) => foldSweep(header, points, byPoint(outcomes) as JobOutcome[][]),
    foldFinished(outcomes, stoppedBy) {
      // The points whose replications all finished are folded; the rest say so.
      const grouped = byPoint(outcomes);
      const kept = points.map((p, i) =>
        grouped[i] ? p : { values: p.values, error: `not finished: ${stoppedBy}` },
      );
      return foldSweep(
        header,
        kept,
        grouped.map((g) => g ?? []),
      );
    },
  };
}

function planPoint(document: unknown, values: Record<string, unknown>): PlannedPoint {
  let doc = structuredClone(document);
  const targets: [string, unknown][] = [];
  for (const [path, value] of Object.entries(values)) {
    const keys = pathKeys(path);
    if (typeof keys === 'string') return { values, error: keys };
    if (keys[0] === 'utilization' && keys.length > 1) {
      // `utilization.my.team` and `utilization[my.team]` both name the node `my.team`.
      targets.push([keys.slice(1).join('.'), value]);
      continue;
    }
    const set = setPath(doc, path, value);
    if (typeof set === 'string') return { values, error: `${path}: ${set}` };
    doc = set.value;
  }
  // The load is reached under the file's own routing, so at a given value every routing
  // strategy on the axis sees the same arrival rate and their lines compare like with like.
  const routing = (document as { routing?: unknown }).routing;
  for (const [node, target] of targets) {
    const reached = toUtilization(doc, node, target, routing);
    if (typeof reached === 'string') return { values, error: `utilization.${node}: ${reached}` };
    doc = reached;
  }
  const parsed = parseScenario(doc);
  return parsed.ok
    ? { values, scenario: resolveWarmup(parsed.scenario) }
    : { values, error: formatProblems(parsed.problems) };
}

/**
 * The document with every arrival process sped up or slowed down (the same factor for all
 * demand, schedules included) so that `node`'s offered load (its worst phase's) is `target`
 * under `routing`.
 */
function toUtilization(document: unknown, node: string, target: unknown, routing: unknown): unknown | string {
  if (typeof target !== 'number' || !(target > 0))
    return `the target must be a number above 0 (got ${JSON.stringify(target)})`;
  const reference = routing === undefined ? document : { ...(document as object), routing };
  const parsed = parseScenario(reference);
  if (!parsed.ok) return formatProblems(parsed.problems);
  const n = parsed.scenario.nodes.findIndex((x) => x.id === node);
  if (n < 0) return `no node "${node}"`;
  const factor = arrivalFactor(parsed.scenario, n, target);
  if (typeof factor === 'string') return factor;
  const doc = structuredClone(document) as { demand: Record<string, unknown>[] };
  for (const demand of doc.demand) {
    demand.interarrival = scaleDistribution(demand.interarrival as never, factor);
    if (Array.isArray(demand.schedule))
      demand.schedule = demand.schedule.map((c: { interarrival: unknown }) => ({
        ...c,
        interarrival: scaleDistribution(c.interarrival as never, factor),
      }));
  }
  return doc;
}

/**
 * The factor on every time between arrivals that gives node n the target load. The load is
 * proportional to the arrival rate unless a mechanism bends it (multitasking, a board that
 * meets in batches, batch-scope failures at a board), so the proportional factor is tried
 * first and, when it misses, the load is bisected: it only rises as arrivals speed up.
 */
function arrivalFactor(scenario: Scenario, n: number, target: number): number | string {
  const id = scenario.nodes[n].id;
  const loadAt = (factor: number) =>
    nodeLoads({
      ...scenario,
      demand: scenario.demand.map((d) => ({
        ...d,
        interarrival: scaleDistribution(d.interarrival, factor),
        schedule: d.schedule?.map((c) => ({ ...c, interarrival: scaleDistribution(c.interarrival, factor) })),
      })),
    })[n].load;
  const base = nodeLoads(scenario)[n].load;
  if (!(base > 0)) return `"${id}" gets no work, so no arrival rate gives it a load`;
  if (!Number.isFinite(base)) return `"${id}" cannot keep up at any arrival rate (offered load unbounded)`;
  const proportional = base / target;
  if (close(loadAt(proportional), target)) return proportional;
  // Bracket the target between a slower (lower load) and a faster (higher load) factor.
  let slow = proportional;
  let fast = proportional;
  for (let i = 0; loadAt(slow) > target; i++) {
    if (i === 60) return `"${id}" cannot be offered as little as ${target} at any arrival rate`;
    slow *= 2;
  }
  for (let i = 0; loadAt(fast) < target; i++) {
    if (i === 60)
      return `"${id}" cannot be offered ${target}: its load stays below that however fast work arrives`;
    fast /= 2;
  }
  for (let i = 0; i < 200 && Math.abs(slow - fast) > 1e-14 * slow; i++) {
    const mid = Math.sqrt(slow * fast);
    if (loadAt(mid) < target) slow = mid;
    else fast = mid;
  }
  const reached = loadAt(fast);
  if (Math.abs(reached - target) > 1e-6 * target) {
    const below = loadAt(slow);
    return `"${id}" cannot be offered exactly ${target}: its load jumps from ${below.toPrecision(3)} to ${reached.toPrecision(3)} there`;
  }
  return fast;
}

const close = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** Folds each point's outcomes (in replication order) into its result. */
function foldSweep(
  header: Omit<SweepResult, 'points'>,
  points: readonly PlannedPoint[],
  outcomes: readonly (readonly JobOutcome[])[],
): SweepResult {
  return {
    ...header,
    points: points.map((p, i) => {
      if (!p.scenario) return { values: p.values, error: p.error };
      const point = { values: p.values, stability: stability(p.scenario) };
      const failed = outcomes[i].find((o): o is { error: string } => 'error' in o);
      if (failed) return { ...point, error: failed.error };
      return { ...point, result: resultOf(p.scenario, outcomes[i] as ReplicationOutcome[]) };
    }),
  };
}

/**
 * A point that says nothing about the system: it did not run, or its run stopped before
 * the work was done. A sweep of nothing but these has failed.
 */
export function pointFailed(p: SweepPoint): boolean {
  return p.result?.stoppedBy !== 'drained';
}

/** Runs a sweep in this thread. */
export function sweep(
  document: unknown,
  axes: readonly SweepAxis[],
  options: SweepOptions = {},
): SweepResult {
  return executeHere(planSweep(document, axes, options));
}
