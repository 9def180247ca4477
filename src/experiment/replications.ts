/**
 * A scenario's replications as independent jobs: replication i runs from its own seed,
 * derived from the run seed and i alone, so it gives the same outcome whichever process,
 * thread or shard runs it, and in whatever order. Folding the outcomes in replication order
 * gives the result, the same bytes however the work was spread.
 */
import { replicationSeed } from '../engine/random.ts';
import { parseScenario } from '../model/parse.ts';
import type { Scenario } from '../model/scenario.ts';
import { nodeLoads } from '../network/load.ts';
import type { ReplicationOutcome } from '../network/outcome.ts';
import { Replication, type ReplicationOptions } from '../network/simulation.ts';
import { compileTopology, type Topology } from '../network/topology.ts';
import { aggregate } from './aggregate.ts';
import type { SimulationResult } from './result.ts';
import { ScenarioError } from './scenario-error.ts';
import { resolveWarmup } from './warmup.ts';

/**
 * Validates a scenario for running (throwing ScenarioError with every problem if it is
 * invalid), with its warm-up chosen if it asks for "auto".
 */
export function runnableScenario(input: unknown): Scenario {
  return resolveWarmup(validScenario(input));
}

/** Validates a scenario (throwing ScenarioError with every problem), its warm-up as written. */
export function validScenario(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new ScenarioError(parsed.problems);
  return parsed.scenario;
}

/** Replication `index` of the scenario, run to the end. */
export function runReplication(
  scenario: Scenario,
  index: number,
  topology = compileTopology(scenario),
): ReplicationOutcome {
  const replication = startReplication(scenario, index, topology);
  replication.advance();
  return replication.outcome();
}

/**
 * Replication `index` of the scenario, not yet run: advanced in slices, it gives the same
 * outcome as run to the end, and lets a caller stop between slices.
 */
export function startReplication(
  scenario: Scenario,
  index: number,
  topology = compileTopology(scenario),
  options: ReplicationOptions = {},
): Replication {
  return new Replication(scenario, topology, replicationSeed(scenario.run.seed, index), options);
}

/** The result of a scenario from its replications' outcomes, in replication order. */
export function resultOf(
  scenario: Scenario,
  outcomes: readonly ReplicationOutcome[],
  topology = compileTopology(scenario),
): SimulationResult {
  return aggregate(scenario, topology, nodeLoads(scenario, topology), outcomes);
}

export type { Topology };

/** The scenario with a given seed and replications (either left as it is when undefined). */
export function withRun(
  scenario: unknown,
  seed: number | undefined,
  replications: number | undefined,
): unknown {
  if (!scenario || typeof scenario !== 'object') return scenario;
  const s = scenario as { run?: Record<string, unknown> };
  const run = { ...(s.run ?? {}) };
  if (seed !== undefined) run.seed = seed;
  if (replications !== undefined) run.replications = replications;
  return { ...s, run };
}
