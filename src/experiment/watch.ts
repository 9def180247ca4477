/**
 * Watching a run: its first replication traced, event by event, into bounded batches that a
 * viewer pulls as it plays (the sandbox's animation). The run is `createRun`'s own, with a
 * trace on replication 0 that only looks: once watched to the end, the rest of the
 * replications run and the result is the same bytes as the same scenario run unwatched.
 *
 * A batch is a Float64Array of TRACE_FIELDS numbers per event, ready to be transferred from a
 * worker without copying: the event (its index in TRACE_EVENTS), the time, the item, the node,
 * the capability and the event's detail (see ReplicationOptions.trace). Items are numbered in
 * the order they arrive (0, 1, 2, ...), not by the engine's slots, which are reused: two
 * variants run with the same seed draw the same arrivals from their own streams, so item k
 * is the same piece of work in both. The parts an item splits into at a parallel step are
 * numbered apart, -2, -3, ... in the order they are made, and their `fork` and `join` events'
 * detail is the number of the item they belong to.
 *
 * Memory is bounded whatever the run's length: nothing is traced ahead of what the viewer
 * asks for, and a batch holds the events asked for plus those of the one engine event that
 * crossed the limit (bounded by the work in progress).
 */
import type { Scenario } from '../model/scenario.ts';
import { TRACE_EVENTS, type TraceEvent } from '../network/events.ts';
import { compileTopology } from '../network/topology.ts';
import { runnableScenario } from './replications.ts';
import type { SimulationResult } from './result.ts';
import { runOf } from './simulate.ts';

/** Numbers per event in a batch: event, time, item, node, capability, detail. */
export const TRACE_FIELDS = 6;

/** What a viewer needs to know before the first event: the compiled names and starting state. */
export interface WatchStart {
  scenario: Scenario;
  timeUnit: string;
  /** The warm-up as run (an "auto" warm-up resolved). */
  warmup: number;
  duration: number;
  nodeIds: string[];
  capabilities: string[];
  classIds: string[];
  /** Each node's servers and WIP limit at time 0 (0 for no limit), and whether it has a gate (closed at first). */
  capacity: number[];
  wipLimit: number[];
  gate: boolean[];
  /** Whether an item a node's blocker puts aside leaves its place under the WIP limit while blocked. */
  blockerFreesWip: boolean[];
  /** What a node's person does with an item its blocker stops: waits with it (`hold`) or puts it aside; null without a blocker. */
  blockerPolicy: ('hold' | 'aside' | null)[];
}

export interface TraceBatch {
  events: Float64Array;
  /** Events in the batch. */
  count: number;
  /** The watched replication has finished: no events follow. */
  done: boolean;
}

export interface WatchedRun {
  readonly start: WatchStart;
  /** The next events, at least `maxEvents` unless the watched replication ends first. */
  next(maxEvents: number): TraceBatch;
  /** Runs what is left (every replication) and gives the result, the plain run's bytes. */
  result(): SimulationResult;
}

const CODE = new Map<TraceEvent, number>(TRACE_EVENTS.map((e, i) => [e, i]));
/** Engine events handled between looks at the batch: small, so a batch stays near its size. */
const STEP = 8;

/** Validates the scenario (throwing ScenarioError) and prepares its run, watched. */
export function watchRun(input: unknown): WatchedRun {
  const scenario = runnableScenario(input);
  const topology = compileTopology(scenario);
  let buffer = new Float64Array(TRACE_FIELDS * 1024);
  let count = 0;
  let arrived = 0;
  let parts = 0;
  /** The item (or part) number of each engine slot in use. */
  let itemOf = new Int32Array(256);
  const record = (
    event: TraceEvent,
    time: number,
    slot: number,
    node: number,
    capability: number,
    detail: number,
  ) => {
    if (slot >= itemOf.length) {
      const grown = new Int32Array(Math.max(slot + 1, itemOf.length * 2));
      grown.set(itemOf);
      itemOf = grown;
    }
    if (event === 'arrive' && slot >= 0) itemOf[slot] = arrived++;
    else if (event === 'fork') itemOf[slot] = -2 - parts++;
    if ((count + 1) * TRACE_FIELDS > buffer.length) {
      const grown = new Float64Array(buffer.length * 2);
      grown.set(buffer);
      buffer = grown;
    }
    const at = count * TRACE_FIELDS;
    buffer[at] = CODE.get(event) ?? -1;
    buffer[at + 1] = time;
    buffer[at + 2] = slot >= 0 ? itemOf[slot] : -1;
    buffer[at + 3] = node;
    buffer[at + 4] = capability;
    buffer[at + 5] = event === 'fork' || event === 'join' ? itemOf[detail] : detail;
    count++;
  };
  const run = runOf(scenario, record);
  const watching = () => run.progress().replicationsDone === 0;
  // The scenario's own starting state (capacity schedules from time 0 applied), read before any event.
  const capacity = scenario.nodes.map((n) => {
    const first = n.capacitySchedule?.filter((c) => c.from === 0).at(-1);
    return first ? first.capacity : n.capacity;
  });
  return {
    start: {
      scenario,
      timeUnit: scenario.timeUnit,
      warmup: scenario.run.warmup as number,
      duration: scenario.run.duration,
      nodeIds: [...topology.nodeIds],
      capabilities: [...topology.capabilities],
      classIds: [...topology.classIds],
      capacity,
      wipLimit: scenario.nodes.map((n) => n.wipLimit ?? 0),
      gate: scenario.nodes.map((n) => n.schedule !== undefined),
      blockerFreesWip: scenario.nodes.map((n) => n.blocker?.countsAgainstWip === false),
      blockerPolicy: scenario.nodes.map((n) => n.blocker?.policy ?? null),
    },
    next(maxEvents) {
      while (count < maxEvents && watching()) run.advance(STEP);
      const events = buffer.slice(0, count * TRACE_FIELDS);
      const batch = { events, count, done: !watching() };
      count = 0;
      if (buffer.length > TRACE_FIELDS * 4 * Math.max(1024, maxEvents))
        buffer = new Float64Array(buffer.length / 2);
      return batch;
    },
    result() {
      run.advance();
      return run.result();
    },
  };
}
