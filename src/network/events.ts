/**
 * What the calendar holds and what a trace reports: the kinds of event and their subjects.
 * Kept apart from the run loop so that the handlers it calls (arrivals.ts, work.ts,
 * moves.ts, ...) schedule events without importing the loop: dependencies run one way.
 */

/** Event kinds on the calendar, and what their subject is. */
export const ARRIVAL = 0; // demand class
export const DONE = 1; // service unit
export const HANDOFF = 2; // item
export const OUTAGE_START = 3; // node
export const OUTAGE_END = 4; // node
export const GATE_OPEN = 5; // node
export const GATE_CLOSE = 6; // node
export const BATCH_TIMEOUT = 7; // node
export const CAPACITY_CHANGE = 8; // node
export const DEMAND_CHANGE = 9; // demand class
export const AGE_SNAPSHOT = 10; // none
export const WINDOW_END = 11; // bottleneck window index
export const ITEM_DONE = 12; // item (served alone at a plain node, with no service unit)

/** What a trace reports at each step of each item and each change of a node's availability. */
export type TraceEvent =
  | 'arrive'
  | 'reject'
  | 'admit'
  | 'start'
  | 'finish'
  | 'leave'
  | 'preempt'
  | 'complete'
  | 'unavailable'
  | 'available';
