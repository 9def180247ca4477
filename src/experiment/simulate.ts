/**
 * Simulating a scenario: its replications one after another, each with a seed derived
 * from the run seed and its index, folded into one result.
 *
 * `createRun` can be advanced in slices, so a Web Worker or a terminal can show progress
 * and cancel between slices; `simulate` runs it to the end. `planRun` makes the run a plan of
 * the job pipeline, its replications spread over whatever executor runs them.
 */
import type { Scenario } from '../model/scenario.ts';
import type { ReplicationOptions, ReplicationOutcome } from '../network/simulation.ts';
import { compileTopology } from '../network/topology.ts';
import type { Plan } from './pipeline.ts';
import { resultOf, runnableScenario, startReplication } from './replications.ts';
import type { SimulationResult } from './result.ts';
import { ScenarioError } from './scenario-error.ts';
import { planSweep, type SweepJob, type SweepOptions } from './sweep.ts';

export { ScenarioError };

export interface RunProgress {
  /** Replications finished. */
  replicationsDone: number;
  replications: number;
  /** Simulated time of the replication in progress. */
  time: number;
  /** Overall fraction done, 0 to 1. */
  fraction: number;
}

export interface Run {
  /** Handles up to `maxEvents` events; true when every replication has finished. */
  advance(maxEvents?: number): boolean;
  progress(): RunProgress;
  /** The result; only once `advance()` has returned true. */
  result(): SimulationResult;
}

/** Validates the scenario (throwing ScenarioError if it is invalid) and prepares its run. */
export function createRun(input: unknown): Run {
  return runOf(runnableScenario(input));
}

/**
 * The run of a scenario already made runnable. `watch` traces the first replication (see
 * experiment/watch.ts); a trace only looks, so the result is the same bytes with it or without.
 */
export function runOf(scenario: Scenario, watch?: ReplicationOptions['trace']): Run {
  const topology = compileTopology(scenario);
  const replications = scenario.run.replications;
  const outcomes: ReplicationOutcome[] = [];
  let current = startReplication(scenario, 0, topology, { trace: watch });
  let result: SimulationResult | undefined;

  return {
    advance(maxEvents = Number.POSITIVE_INFINITY) {
      let budget = maxEvents;
      while (!result && budget > 0) {
        const before = current.events;
        const finished = current.advance(budget);
        budget -= current.events - before;
        if (!finished) break;
        outcomes.push(current.outcome());
        if (outcomes.length < replications) current = startReplication(scenario, outcomes.length, topology);
        else result = resultOf(scenario, outcomes, topology);
      }
      return result !== undefined;
    },
    progress() {
      const done = outcomes.length;
      const partial = result ? 0 : current.progress();
      return {
        replicationsDone: done,
        replications,
        time: current.now,
        fraction: result ? 1 : (done + partial) / replications,
      };
    },
    result() {
      if (!result) throw new Error('the run has not finished; call advance() until it returns true');
      return result;
    },
  };
}

/** Simulates a scenario to the end and returns its result. */
export function simulate(scenario: unknown): SimulationResult {
  const run = createRun(scenario);
  run.advance();
  return run.result();
}

/**
 * A scenario's replications as a plan: a sweep of one point, folded to exactly what
 * `simulate` gives. Stopped early, the replications that finished make a result when every
 * one of them ran (a stop can leave gaps: replication 3 may finish before replication 2).
 */
export function planRun(document: unknown, options: SweepOptions = {}): Plan<SimulationResult, SweepJob> {
  const sweep = planSweep(document, [], options);
  const { scenario } = sweep.points[0];
  return {
    jobs: sweep.jobs,
    fold(outcomes) {
      const [point] = sweep.fold(outcomes).points;
      if (!point.result) throw new Error(point.error ?? 'the run failed');
      return point.result;
    },
    foldFinished(outcomes) {
      const done = outcomes.filter((o) => o !== undefined);
      if (!scenario || done.length === 0 || done.some((o) => 'error' in o)) return undefined;
      return resultOf(scenario, done as ReplicationOutcome[]);
    },
  };
}
