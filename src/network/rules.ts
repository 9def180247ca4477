/**
 * The rules each node and demand class follow: the scenario's lean mechanisms compiled into
 * per-node and per-class tables (`r.rules`), so the run loop asks `wipLimit[n]` rather than
 * walking optional JSON fields. A node without a mechanism gets the neutral value (no
 * limit, batch of 1, never fails, never down). The fields that switch each mechanism on are
 * in model/mechanism-fields.ts.
 */
import { makeSampler, type Sampler } from '../engine/distributions.ts';
import type { Scenario } from '../model/scenario.ts';
import { nodeNeeds } from './mechanisms.ts';
import type { Topology } from './topology.ts';

/** Stands for "no WIP limit" in an Int32Array. */
export const UNLIMITED = 0x3fffffff;

export interface Rules {
  wipLimit: Int32Array;
  systemWipLimit: number;
  /** Batch size (1 = one item at a time) and how long the oldest item waits before a smaller batch starts. */
  batchSize: Int32Array;
  batchTimeout: Float64Array;
  failureProbability: Float64Array;
  /** 1 if one failure sends the whole batch back. */
  failureScopeBatch: Uint8Array;
  /**
   * 1 where a finished service needs more than moving its item on: it may fail, it marks its
   * items (failureReduction), or it may be the release (moves.ts `settleUnit`).
   */
  settles: Uint8Array;
  /** What an item's chance of failing later is multiplied by once this node has served it (1 - failureReduction). */
  failureFactor: Float64Array;
  /** Capability index failed items go back to (-1: the same step again). */
  reworkTo: Int32Array;
  /** Capability index failed items are escalated to (-1: none). */
  escalateTo: Int32Array;
  /** Multitasking switch cost, or -1 for a node whose people take one item each. */
  switchCost: Float64Array;
  /** Chance an item started at the node is blocked (0: never), for how long, and whether the server waits with it. */
  blockerProbability: Float64Array;
  blockerTime: (Sampler | undefined)[];
  blockerAside: Uint8Array;
  /** 1 where an item put aside does not count against the node's WIP limit while blocked. */
  blockerFreesWip: Uint8Array;
  mtbf: (Sampler | undefined)[];
  mttr: (Sampler | undefined)[];
  gate: ({ every: number; open: number; offset: number; batch: boolean } | undefined)[];
  capacitySchedule: ({ from: number; capacity: number }[] | undefined)[];
  /** Most servers a node ever has, for sizing its list of service units. */
  maxCapacity: Int32Array;
  /** Priority level per demand class: 0 is the most urgent. */
  level: Int32Array;
  levels: number;
  rejectWhenFull: Uint8Array;
  demandSchedule: ({ from: number; interarrival: Sampler }[] | undefined)[];
  handoff: Sampler | undefined;
  affinity: boolean;
  preemption: boolean;
  // The four below are derived from what each mechanism declares it needs (mechanisms.ts).
  /** 1 for nodes whose work can be paused, shared or interrupted, which must keep a list of their units in service. */
  listsServing: Uint8Array;
  /**
   * 1 for a plain node: no mechanism on it, on the classes or in the scenario needs service
   * units. Its work is never batched, paused, shared, re-timed or redone, so it takes the
   * short path (work.ts `startItem`, moves.ts `finishItem`), where an item holds its server
   * without a service unit.
   */
  plain: Uint8Array;
  /** True when routing must look past nodes that are down, closed, full or without servers. */
  nodesCanBeUnavailable: boolean;
  /** True when something holds work before or between nodes, which the fused plain loop does not do. */
  holdsWork: boolean;
}

export function compileRules(scenario: Scenario, topology: Topology): Rules {
  const nodes = scenario.nodes;
  const capIndex = (name: string | undefined) =>
    name === undefined ? -1 : topology.capabilities.indexOf(name);
  const priorities = [...new Set(scenario.demand.map((d) => d.priority))].sort((a, b) => b - a);
  const needs = nodes.map((n) => nodeNeeds(scenario, n));
  return {
    wipLimit: Int32Array.from(nodes, (n) => n.wipLimit ?? UNLIMITED),
    systemWipLimit: scenario.wipLimit ?? UNLIMITED,
    // A board that meets in batches takes only what waited for the meeting: its batch never
    // fills by itself, so work starts only when it opens (work.ts, gateBatchPending).
    batchSize: Int32Array.from(nodes, (n) => (n.schedule?.batch ? UNLIMITED : (n.batch?.size ?? 1))),
    batchTimeout: Float64Array.from(nodes, (n) => n.batch?.timeout ?? Number.POSITIVE_INFINITY),
    failureProbability: Float64Array.from(nodes, (n) => n.failure?.probability ?? 0),
    failureScopeBatch: Uint8Array.from(nodes, (n) => (n.failure?.scope === 'batch' ? 1 : 0)),
    settles: Uint8Array.from(nodes, (n) =>
      (n.failure?.probability ?? 0) > 0 ||
      (n.failureReduction ?? 0) > 0 ||
      (scenario.release !== undefined && Object.hasOwn(n.serves, scenario.release))
        ? 1
        : 0,
    ),
    failureFactor: Float64Array.from(nodes, (n) => 1 - (n.failureReduction ?? 0)),
    reworkTo: Int32Array.from(nodes, (n) => capIndex(n.failure?.reworkTo)),
    escalateTo: Int32Array.from(nodes, (n) => capIndex(n.failure?.escalateTo)),
    switchCost: Float64Array.from(nodes, (n) => n.multitasking?.switchCost ?? -1),
    blockerProbability: Float64Array.from(nodes, (n) => n.blocker?.probability ?? 0),
    blockerTime: nodes.map((n) => (n.blocker ? makeSampler(n.blocker.time) : undefined)),
    blockerAside: Uint8Array.from(nodes, (n) => (n.blocker?.policy === 'aside' ? 1 : 0)),
    blockerFreesWip: Uint8Array.from(nodes, (n) =>
      n.blocker?.policy === 'aside' && n.blocker.countsAgainstWip === false ? 1 : 0,
    ),
    mtbf: nodes.map((n) => (n.outages ? makeSampler(n.outages.mtbf) : undefined)),
    mttr: nodes.map((n) => (n.outages ? makeSampler(n.outages.mttr) : undefined)),
    gate: nodes.map((n) => n.schedule),
    capacitySchedule: nodes.map((n) => n.capacitySchedule),
    maxCapacity: Int32Array.from(nodes, (n) =>
      Math.max(n.capacity, ...(n.capacitySchedule ?? []).map((c) => c.capacity)),
    ),
    level: Int32Array.from(scenario.demand, (d) => priorities.indexOf(d.priority)),
    levels: priorities.length,
    rejectWhenFull: Uint8Array.from(scenario.demand, (d) => (d.whenFull === 'reject' ? 1 : 0)),
    demandSchedule: scenario.demand.map((d) =>
      d.schedule?.map((c) => ({ from: c.from, interarrival: makeSampler(c.interarrival) })),
    ),
    handoff: scenario.handoff === undefined ? undefined : makeSampler(scenario.handoff),
    affinity: scenario.affinity,
    preemption: scenario.preemption,
    listsServing: Uint8Array.from(needs, (need) => (need.listsServing ? 1 : 0)),
    plain: Uint8Array.from(needs, (need) => (need.serviceUnits ? 0 : 1)),
    nodesCanBeUnavailable: needs.some((need) => need.unavailable),
    holdsWork: needs.some((need) => need.holdsWork),
  };
}

/** Node n's people multitask: they start every item at once and share their time (work.ts). */
export function multitasks(rules: Rules, n: number): boolean {
  return rules.switchCost[n] >= 0;
}
