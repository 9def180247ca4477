/**
 * What the animation shows at a moment of a watched run, built from its trace one event at a
 * time: where each item in the system is (arriving, in a node's queue, in service, finished
 * and held, blocked by a full node, put aside by a blocker, in transit), each node's servers,
 * gate, outage and WIP, and the running counters. Pure: the canvas reads it, tests feed it
 * hand-made traces.
 *
 * Two kinds of blocking are kept apart. Work finished and waiting for room at a full node is
 * in phase `blocked`. Work stopped by a blocker, waiting on something outside the stream, has
 * `blockedSince` set: under `hold` it stays in service, its server held by a person who waits
 * (counted in the node's `waiting`); under `aside` it leaves its server (phase `aside`) and
 * goes back to the front of the queue when it clears, as the engine does (network/work.ts).
 *
 * Events are applied in the order the engine made them (the trace is in time order), each in
 * O(length of one node's list); nothing here grows with the length of the run, only with the
 * work in progress.
 */
import type { TraceEvent } from '../../../src/runner.ts';

/**
 * `blocked`: finished, waiting for room at a full node; `aside`: put aside by its node's
 * blocker; `forked`: split into parts at a parallel step, drawn as its parts until they join.
 */
export type Phase = 'entering' | 'queued' | 'service' | 'held' | 'blocked' | 'aside' | 'transit' | 'forked';

/** What a node's person does with an item its blocker stops (model/mechanism-fields.ts). */
export type BlockerPolicy = 'hold' | 'aside';

/**
 * A stretch an item spent waiting at a node: in its queue, finished and waiting for room at a
 * full node downstream, or blocked on something outside the stream (a blocker).
 */
export interface Wait {
  node: number;
  from: number;
  to: number;
  kind: 'queue' | 'room' | 'blocker';
}

export interface FlowItem {
  /** Items are numbered by arrival (0, 1, ...), the parts of a parallel step -2, -3, ... */
  id: number;
  /** A part: the item it belongs to; else -1. */
  whole: number;
  demandClass: number;
  arrival: number;
  /** The node it is at or headed for; -1 before its first. */
  node: number;
  /** The node it last left (where a transit starts); -1 before its first. */
  from: number;
  phase: Phase;
  /** Since when it has been in this phase. */
  since: number;
  /** In transit: when it lands. */
  until: number;
  /** Blocked: the full node it waits for room at. */
  target: number;
  /** The size of the batch it is served in (1 alone). */
  batch: number;
  failures: number;
  /** When it last failed (-1 never): failed work going back is marked for a while. */
  failedAt: number;
  /** Since when a blocker has stopped it (-1: not blocked on the outside now). */
  blockedSince: number;
  waits: Wait[];
}

export interface NodeState {
  /** Items waiting, first in line first. */
  queue: number[];
  /** Items in service, held blocked ones among them (their server waits with them). */
  service: number[];
  /** Items put aside by the node's blocker: they hold no server. */
  aside: number[];
  /** Items finished here and not gone: waiting for room downstream (blocked) or leaving. */
  held: number[];
  /** Servers at work (a batch takes one), held ones included. */
  working: number;
  /** Of those, servers whose person waits with a blocked item (`hold`). */
  waiting: number;
  /** Items blocked here on something outside the stream: held, or put aside. */
  blocked: number;
  /** What its person does with a blocked item; null: the node has no blocker. */
  blocker: BlockerPolicy | null;
  capacity: number;
  /** Items counted against the node's WIP limit (0: no limit). */
  wip: number;
  wipLimit: number;
  /** An item put aside by the node's blocker leaves the WIP count while blocked (`countsAgainstWip: false`). */
  blockerFreesWip: boolean;
  up: boolean;
  /** A gate: open now (a node without one is always open). */
  open: boolean;
  gate: boolean;
  /** When its last batch of more than one started, and its size (a board meeting taking its batch). */
  batchAt: number;
  batchSize: number;
}

export interface Counters {
  /** Items in the system now: arrived, not done nor turned away. */
  wip: number;
  done: number;
  rejected: number;
  /** Lead times of the items done so far, summed (mean = leadTotal / done). */
  leadTotal: number;
}

export interface FlowState {
  time: number;
  items: Map<number, FlowItem>;
  nodes: NodeState[];
  /** Items arrived and not yet at a node (waiting for the WIP limit, or for room at their first node). */
  entering: number[];
  transit: number[];
  counters: Counters;
  /** The last item done, with its lead time (for following it, and for side by side). */
  lastDone: { id: number; lead: number; item: FlowItem } | null;
}

export interface FlowStart {
  capacity: readonly number[];
  wipLimit: readonly number[];
  gate: readonly boolean[];
  /** Nodes whose blocked items, put aside, do not count against their WIP limit (none when absent). */
  blockerFreesWip?: readonly boolean[];
  /** Each node's blocker policy (null or absent: none). */
  blockerPolicy?: readonly (BlockerPolicy | null)[];
}

export function newFlowState(start: FlowStart): FlowState {
  return {
    time: 0,
    items: new Map(),
    nodes: start.capacity.map((capacity, n) => ({
      queue: [],
      service: [],
      aside: [],
      held: [],
      working: 0,
      waiting: 0,
      blocked: 0,
      blocker: start.blockerPolicy?.[n] ?? null,
      capacity,
      wip: 0,
      wipLimit: start.wipLimit[n] ?? 0,
      blockerFreesWip: start.blockerFreesWip?.[n] ?? false,
      up: true,
      open: !start.gate[n],
      gate: start.gate[n] ?? false,
      batchAt: -1,
      batchSize: 0,
    })),
    entering: [],
    transit: [],
    counters: { wip: 0, done: 0, rejected: 0, leadTotal: 0 },
    lastDone: null,
  };
}

/** Mean lead time of the items done so far, or NaN before the first. */
export function meanLeadSoFar(s: FlowState): number {
  return s.counters.done > 0 ? s.counters.leadTotal / s.counters.done : Number.NaN;
}

function drop(list: number[], id: number): void {
  const at = list.indexOf(id);
  if (at >= 0) list.splice(at, 1);
}

/** Takes the item out of whichever list holds it now (a blocker it is under ends with it). */
function detach(s: FlowState, item: FlowItem): void {
  if (item.blockedSince >= 0) clearBlocker(s, item, s.time);
  if (item.phase === 'forked') return;
  if (item.phase === 'entering') drop(s.entering, item.id);
  else if (item.phase === 'transit') drop(s.transit, item.id);
  else if (item.node >= 0) {
    const node = s.nodes[item.node];
    if (item.phase === 'queued') drop(node.queue, item.id);
    else if (item.phase === 'service') drop(node.service, item.id);
    else if (item.phase === 'aside') drop(node.aside, item.id);
    else drop(node.held, item.id);
  }
}

/** A blocker stops the item at its node: its person waits with it, or puts it aside. */
function setBlocker(s: FlowState, item: FlowItem, time: number): void {
  const node = s.nodes[item.node];
  if (!node || item.blockedSince >= 0) return;
  if (item.phase === 'service' && node.blocker === 'aside') {
    detach(s, item);
    node.working -= 1 / item.batch;
    item.phase = 'aside';
    item.since = time;
    node.aside.push(item.id);
  } else if (item.phase === 'service') node.waiting += 1 / item.batch;
  item.blockedSince = time;
  node.blocked++;
}

/** The blocker on the item ends at `time`: its stretch is kept, and the node's counts drop. */
function clearBlocker(s: FlowState, item: FlowItem, time: number): void {
  const node = s.nodes[item.node];
  item.waits.push({ node: item.node, from: item.blockedSince, to: time, kind: 'blocker' });
  item.blockedSince = -1;
  node.blocked--;
  if (item.phase === 'service') node.waiting -= 1 / item.batch;
}

/** Items whose handoff has landed by time t join their node's queue (the engine traces no event for it). */
export function land(s: FlowState, t: number): void {
  for (let i = 0; i < s.transit.length; ) {
    const item = s.items.get(s.transit[i]);
    if (item && item.until <= t) {
      s.transit.splice(i, 1);
      item.phase = 'queued';
      item.since = item.until;
      s.nodes[item.node].queue.push(item.id);
    } else i++;
  }
}

/** Applies one trace event (in the engine's order). */
export function applyEvent(
  s: FlowState,
  event: TraceEvent,
  time: number,
  id: number,
  node: number,
  detail: number,
): void {
  if (s.transit.length > 0) land(s, time);
  s.time = time;
  if (id === -1) {
    applyToNode(s, event, node, detail);
    return;
  }
  if (event === 'arrive') {
    s.items.set(id, {
      id,
      whole: -1,
      demandClass: detail,
      arrival: time,
      node: -1,
      from: -1,
      phase: 'entering',
      since: time,
      until: time,
      target: -1,
      batch: 1,
      failures: 0,
      failedAt: -1,
      blockedSince: -1,
      waits: [],
    });
    s.entering.push(id);
    s.counters.wip++;
    return;
  }
  if (event === 'leave') {
    // The item has left `node` (it may be done already): the node's WIP count drops.
    s.nodes[node].wip--;
    return;
  }
  if (event === 'fork') {
    fork(s, time, id, node, detail);
    return;
  }
  const item = s.items.get(id);
  if (!item) return;
  switch (event) {
    case 'join':
      // A part is done; the last one's item carries on from here (its next events say where).
      detach(s, item);
      s.items.delete(id);
      return;
    case 'reject':
      detach(s, item);
      s.items.delete(id);
      s.counters.wip--;
      s.counters.rejected++;
      return;
    case 'admit': {
      detach(s, item);
      if (item.phase === 'blocked')
        item.waits.push({ node: item.node, from: item.since, to: time, kind: 'room' });
      if (item.node >= 0) item.from = item.node;
      item.node = node;
      item.target = -1;
      item.phase = 'queued';
      item.since = time;
      s.nodes[node].queue.push(id);
      s.nodes[node].wip++;
      return;
    }
    case 'handoff':
      detach(s, item);
      item.phase = 'transit';
      item.since = time;
      item.until = detail;
      s.transit.push(id);
      return;
    case 'start': {
      detach(s, item);
      if (time > item.since) item.waits.push({ node, from: item.since, to: time, kind: 'queue' });
      item.node = node;
      item.phase = 'service';
      item.since = time;
      item.batch = detail > 0 ? detail : 1;
      const n = s.nodes[node];
      n.service.push(id);
      n.working += 1 / item.batch;
      if (item.batch > 1) {
        n.batchAt = time;
        n.batchSize = item.batch;
      }
      return;
    }
    case 'preempt': {
      detach(s, item);
      s.nodes[node].working -= 1 / item.batch;
      item.phase = 'queued';
      item.since = time;
      s.nodes[node].queue.unshift(id);
      return;
    }
    case 'finish': {
      detach(s, item);
      s.nodes[node].working -= 1 / item.batch;
      item.phase = 'held';
      item.since = time;
      if (detail === 1) {
        item.failures++;
        item.failedAt = time;
      }
      s.nodes[node].held.push(id);
      return;
    }
    case 'block':
      // Blocked where it is: held at its node, or (node -1) at the door of its first.
      if (item.phase !== 'held' && item.phase !== 'entering') {
        detach(s, item);
        item.phase = 'held';
        s.nodes[node].held.push(id);
      }
      item.phase = item.phase === 'entering' ? 'entering' : 'blocked';
      item.target = detail;
      item.since = time;
      return;
    case 'blocked':
    case 'unblocked': {
      // Where blocked work does not count against the limit, the item leaves the count until
      // it clears (such a node puts every blocked item aside: its person never holds one).
      const at = s.nodes[node];
      if (!at) return;
      if (at.blockerFreesWip) at.wip += event === 'blocked' ? -1 : 1;
      if (event === 'blocked') setBlocker(s, item, time);
      else if (item.blockedSince >= 0) {
        const aside = item.phase === 'aside';
        clearBlocker(s, item, time);
        // Put aside, it goes to the front of the queue and resumes on the next free server
        // (its 'start' follows at once when one is free).
        if (aside) {
          detach(s, item);
          item.phase = 'queued';
          item.since = time;
          at.queue.unshift(id);
        }
      }
      return;
    }
    case 'complete': {
      detach(s, item);
      s.items.delete(id);
      const lead = time - item.arrival;
      s.counters.wip--;
      s.counters.done++;
      s.counters.leadTotal += lead;
      s.lastDone = { id, lead, item };
      return;
    }
    default:
      return;
  }
}

/**
 * Item `whole` splits at a parallel step at node n (-1: on arrival): it is drawn as its parts
 * until they join, each part starting where the item was and moving on as an item does.
 */
function fork(s: FlowState, time: number, part: number, n: number, whole: number): void {
  const item = s.items.get(whole);
  if (!item) return;
  if (item.phase !== 'forked') {
    detach(s, item);
    item.phase = 'forked';
    item.since = time;
  }
  s.items.set(part, {
    ...item,
    id: part,
    whole,
    node: n,
    from: n,
    phase: n >= 0 ? 'held' : 'entering',
    since: time,
    target: -1,
    batch: 1,
    blockedSince: -1,
    waits: [],
  });
  if (n >= 0) s.nodes[n].held.push(part);
  else s.entering.push(part);
}

/** A change of a node, not of an item: an outage, a gate, a change of staff. */
function applyToNode(s: FlowState, event: TraceEvent, n: number, detail: number): void {
  const node = s.nodes[n];
  if (!node) return;
  if (event === 'down') node.up = false;
  else if (event === 'up') node.up = true;
  else if (event === 'open') {
    node.open = true;
    node.batchAt = -1;
  } else if (event === 'close') node.open = false;
  else if (event === 'capacity') node.capacity = detail;
}

/** The servers shown busy at a node: working ones, whole (a batch's members each count a share). */
export function serversWorking(node: NodeState): number {
  return Math.min(node.capacity, Math.round(node.working));
}

/** Of the servers shown busy, those whose person waits with a blocked item (`hold`). */
export function serversWaiting(node: NodeState): number {
  return Math.min(serversWorking(node), Math.round(node.waiting));
}

/** The node holds as much work as its WIP limit allows: upstream work waits for room. */
export function isFull(node: NodeState): boolean {
  return node.wipLimit > 0 && node.wip >= node.wipLimit;
}
