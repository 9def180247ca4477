/**
 * What each lean mechanism needs of the engine, declared once per mechanism and keyed by
 * the schema field that switches it on (model/mechanism-fields.ts). The engine's fast
 * paths are derived from these declarations (rules.ts), never from lists kept by hand: a
 * node takes the plain short path only when nothing on it, on the work it serves or in the
 * scenario needs service units, and so on. A field added to the schema without a descriptor
 * here is a type error (`satisfies`); tests/network/mechanism-needs.test.ts checks every
 * declaration against what the engine does when it is ignored.
 */
import type { demandMechanisms, nodeMechanisms, scenarioMechanisms } from '../model/mechanism-fields.ts';
import type { DemandSpec, NodeSpec, Scenario } from '../model/scenario.ts';
import { isParallel } from '../model/step.ts';

/** What a mechanism, where it is on, needs of the engine. */
export interface Needs {
  /**
   * Its work can be batched, paused, shared, re-timed or redone, so it is served in service
   * units (units.ts), not by the plain short path where an item holds its server by itself
   * (work.ts `startItem`, moves.ts `finishItem`).
   */
  serviceUnits: boolean;
  /** Work in service can be paused, shared or interrupted: the node keeps a list of its units in service. */
  listsServing: boolean;
  /**
   * It can leave a node unable to take work for a while (down, closed, full, without
   * servers): routing must look past such nodes (moves.ts `chooseNode`).
   */
  unavailable: boolean;
  /**
   * It holds work back before or between nodes (a full node keeping work upstream, CONWIP's
   * backlog, a handoff in transit), which only the general loop's handlers do: a network where
   * nothing does, and every node is plain, runs through the fused loop (plain-loop.ts).
   */
  holdsWork: boolean;
}

export type NeedName = keyof Needs;
export const NEED_NAMES: readonly NeedName[] = ['serviceUnits', 'listsServing', 'unavailable', 'holdsWork'];

/** One lean mechanism, as the engine sees it. */
export interface Mechanism<Value> {
  /** Whether the field's value switches the mechanism on (an absent field never does). */
  on: (value: NonNullable<Value>) => boolean;
  needs: Needs;
}

const always = () => true;

/** Mechanisms of a node: they concern that node. */
export const NODE_MECHANISMS = {
  wipLimit: {
    on: always,
    needs: { serviceUnits: false, listsServing: false, unavailable: true, holdsWork: true },
  },
  // A batch of one is one item at a time.
  batch: {
    on: (b) => b.size > 1,
    needs: { serviceUnits: true, listsServing: false, unavailable: false, holdsWork: false },
  },
  failure: {
    on: (f) => f.probability > 0,
    needs: { serviceUnits: true, listsServing: false, unavailable: false, holdsWork: false },
  },
  outages: {
    on: always,
    needs: { serviceUnits: true, listsServing: true, unavailable: true, holdsWork: false },
  },
  schedule: {
    on: always,
    needs: { serviceUnits: true, listsServing: true, unavailable: true, holdsWork: false },
  },
  // Off the short path as it always has been, though nothing there needs it today (the test
  // finds the runs alike): a plain node is one with no events of its own, and this has them.
  capacitySchedule: {
    on: always,
    needs: { serviceUnits: true, listsServing: false, unavailable: true, holdsWork: false },
  },
  multitasking: {
    on: always,
    needs: { serviceUnits: true, listsServing: true, unavailable: false, holdsWork: false },
  },
  // The order is kept by the node's queue itself (node-queue.ts), on any path.
  discipline: {
    on: always,
    needs: { serviceUnits: false, listsServing: false, unavailable: false, holdsWork: false },
  },
  // Costed from the node's capacity and services after the run (experiment/economics.ts).
  capacityCost: {
    on: always,
    needs: { serviceUnits: false, listsServing: false, unavailable: false, holdsWork: false },
  },
  // A held item's service is re-timed, and an item put aside resumes later with the work it
  // had left (work.ts startUnit): both need service units, so the node is never plain.
  blocker: {
    on: (b) => b.probability > 0,
    needs: { serviceUnits: true, listsServing: false, unavailable: false, holdsWork: false },
  },
  // An approval that lowers later failures marks each item it finishes (moves.ts finishService).
  failureReduction: {
    on: (f) => f > 0,
    needs: { serviceUnits: true, listsServing: false, unavailable: false, holdsWork: false },
  },
} satisfies { [K in keyof typeof nodeMechanisms]-?: Mechanism<NodeSpec[K]> };

/** Mechanisms of a demand class: they concern every node its work may reach. */
export const DEMAND_MECHANISMS = {
  // Levels of priority are lines of each node's queue (node-queue.ts), on any path.
  priority: {
    on: always,
    needs: { serviceUnits: false, listsServing: false, unavailable: false, holdsWork: false },
  },
  schedule: {
    on: always,
    needs: { serviceUnits: false, listsServing: false, unavailable: false, holdsWork: false },
  },
  whenFull: {
    on: (w) => w === 'reject',
    needs: { serviceUnits: false, listsServing: false, unavailable: false, holdsWork: false },
  },
  // Both are counted when an item is done (economics.ts), in either loop.
  costOfDelay: {
    on: always,
    needs: { serviceUnits: false, listsServing: false, unavailable: false, holdsWork: false },
  },
  value: {
    on: always,
    needs: { serviceUnits: false, listsServing: false, unavailable: false, holdsWork: false },
  },
  // A parallel step (fork and join): the item waits at the join, at no node, for its parts.
  steps: {
    on: (steps) => steps.some(isParallel),
    needs: { serviceUnits: false, listsServing: false, unavailable: false, holdsWork: true },
  },
} satisfies { [K in keyof typeof demandMechanisms]-?: Mechanism<DemandSpec[K]> } & {
  steps: Mechanism<DemandSpec['steps']>;
};

/** Mechanisms of the whole scenario: they concern every node. */
export const SCENARIO_MECHANISMS = {
  // CONWIP holds arrivals in a backlog before the first node; no node is full by it.
  wipLimit: {
    on: always,
    needs: { serviceUnits: false, listsServing: false, unavailable: false, holdsWork: true },
  },
  // Work in transit between two nodes belongs to neither.
  handoff: {
    on: always,
    needs: { serviceUnits: false, listsServing: false, unavailable: false, holdsWork: true },
  },
  affinity: {
    on: (a) => a,
    needs: { serviceUnits: false, listsServing: false, unavailable: false, holdsWork: false },
  },
  // An urgent item interrupts one in service, which must be found and later resumed.
  preemption: {
    on: (p) => p,
    needs: { serviceUnits: true, listsServing: true, unavailable: false, holdsWork: false },
  },
  // Releases are counted as their services finish (releases.ts), which only finishService sees.
  release: {
    on: always,
    needs: { serviceUnits: true, listsServing: false, unavailable: false, holdsWork: false },
  },
} satisfies { [K in keyof typeof scenarioMechanisms]-?: Mechanism<Scenario[K]> };

type AnyMechanisms = Record<string, Mechanism<never>>;

/** Adds to `needs` what the mechanisms switched on by `fields` need. */
function gather(needs: Needs, mechanisms: AnyMechanisms, fields: Record<string, unknown>): void {
  for (const [field, mechanism] of Object.entries(mechanisms)) {
    const value = fields[field];
    if (value === undefined || value === null || !mechanism.on(value as never)) continue;
    for (const need of NEED_NAMES) if (mechanism.needs[need]) needs[need] = true;
  }
}

/** What node `node` needs of the engine: what any mechanism on it, on any class or in the scenario needs. */
export function nodeNeeds(scenario: Scenario, node: NodeSpec): Needs {
  const needs: Needs = { serviceUnits: false, listsServing: false, unavailable: false, holdsWork: false };
  gather(needs, NODE_MECHANISMS, node);
  for (const demand of scenario.demand) gather(needs, DEMAND_MECHANISMS, demand);
  gather(needs, SCENARIO_MECHANISMS, scenario);
  return needs;
}
