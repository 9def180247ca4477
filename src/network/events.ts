/**
 * What the calendar holds and what a trace reports: the kinds of event and their subjects.
 * Kept apart from the run loop so that the handlers it calls (arrivals.ts, work.ts,
 * moves.ts, ...) schedule events without importing the loop: dependencies run one way.
 */

/** Event kinds on the calendar; what each one's subject is, and its name, are in EVENT_KINDS. */
export const ARRIVAL = 0;
export const DONE = 1;
export const HANDOFF = 2;
export const OUTAGE_START = 3;
export const OUTAGE_END = 4;
export const GATE_OPEN = 5;
export const GATE_CLOSE = 6;
export const BATCH_TIMEOUT = 7;
export const CAPACITY_CHANGE = 8;
export const DEMAND_CHANGE = 9;
export const AGE_SNAPSHOT = 10;
export const WINDOW_END = 11;
export const ITEM_DONE = 12;
export const UNBLOCK = 13;
export const ROOM = 14;

/**
 * What an event's subject number stands for: a demand class, a service unit, an item (at
 * its node, or in transit to its target), a node, a bottleneck window, or nothing.
 */
export type Subject = 'class' | 'unit' | 'item' | 'item in transit' | 'node' | 'window' | 'none';

/** Each kind of event: its subject, and what it is in words (the stall guard names them). */
export const EVENT_KINDS: Readonly<Record<number, { subject: Subject; words: string }>> = {
  [ARRIVAL]: { subject: 'class', words: 'arrivals' },
  [DONE]: { subject: 'unit', words: 'ends of service' },
  [HANDOFF]: { subject: 'item in transit', words: 'handoffs' },
  [OUTAGE_START]: { subject: 'node', words: 'outages starting' },
  [OUTAGE_END]: { subject: 'node', words: 'outages ending' },
  [GATE_OPEN]: { subject: 'node', words: 'the gate opening' },
  [GATE_CLOSE]: { subject: 'node', words: 'the gate closing' },
  [BATCH_TIMEOUT]: { subject: 'node', words: 'batch timeouts' },
  [CAPACITY_CHANGE]: { subject: 'node', words: 'capacity changes' },
  [DEMAND_CHANGE]: { subject: 'class', words: 'demand changes' },
  [AGE_SNAPSHOT]: { subject: 'none', words: 'the end of arrivals' },
  [WINDOW_END]: { subject: 'window', words: 'window ends' },
  // Served alone at a plain node, with no service unit.
  [ITEM_DONE]: { subject: 'item', words: 'ends of service' },
  // An item blocked on something outside the stream, at its node.
  [UNBLOCK]: { subject: 'item', words: 'blockers clearing' },
  // Room under a node's WIP limit that no item leaving made: one put aside by a blocker,
  // not counted against the limit while blocked (work.ts setAside).
  [ROOM]: { subject: 'node', words: 'room made by blocked work' },
};

/**
 * What a trace reports at each step of each item and each change of a node: the list is the
 * encoding too (a watched run streams an event as its index here, see experiment/watch.ts).
 * Beside the item's steps: `block` (finished, waiting at its node for room at a full node),
 * `handoff` (in transit to its next node), `down` and `up` (an outage), `open` and `close`
 * (a gate), `capacity` (a scheduled change of staff); `unavailable` and `available` say when
 * a node stops or resumes work for either reason; `fork` and `join` start and end a part of
 * an item at a parallel step; `blocked` and `unblocked` bracket an item's wait on something
 * outside the stream (a blocker, see model/mechanism-fields.ts), not for room at a full node.
 */
export const TRACE_EVENTS = [
  'arrive',
  'reject',
  'admit',
  'start',
  'finish',
  'leave',
  'preempt',
  'complete',
  'unavailable',
  'available',
  'block',
  'handoff',
  'down',
  'up',
  'open',
  'close',
  'capacity',
  'fork',
  'join',
  'blocked',
  'unblocked',
] as const;

export type TraceEvent = (typeof TRACE_EVENTS)[number];
