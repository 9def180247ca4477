/**
 * Simulating a scenario: its replications one after another, each with a seed derived
 * from the run seed and its index, folded into one result.
 *
 * `createRun` can be advanced in slices, so a Web Worker or a terminal can show progress
 * and cancel between slices; `simulate` runs it to the end.
 */
import { replicationSeed } from '../engine/random.ts';
import type { Scenario } from '../model/scenario.ts';
import { Replication, type ReplicationOutcome } from '../network/simulation.ts';
import { compileTopology } from '../network/topology.ts';
import { resultOf, runnableScenario } from './replications.ts';
import type { SimulationResult } from './result.ts';
import { ScenarioError } from './scenario-error.ts';

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
  const scenario: Scenario = runnableScenario(input);
  const topology = compileTopology(scenario);
  const replications = scenario.run.replications;
  const outcomes: ReplicationOutcome[] = [];
  let current = new Replication(scenario, topology, replicationSeed(scenario.run.seed, 0));
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
        if (outcomes.length < replications)
          current = new Replication(scenario, topology, replicationSeed(scenario.run.seed, outcomes.length));
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
