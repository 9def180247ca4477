/**
 * One replication of a scenario: work items arrive, are routed step by step to nodes that
 * serve each step, wait in the node's queue while its servers are busy, and leave when
 * their last step is done. The lean mechanisms (WIP limits, batches, gates, failures,
 * outages, handoffs, priorities, changing capacity and demand) hang off that same path.
 *
 * This file holds the run loop: pop the next event, move the clock, hand the event to its
 * handler. The handlers live beside it, one concept per file: arrivals.ts, work.ts
 * (starting and pausing service), moves.ts (finishing a step, routing, blocking, handoffs,
 * completion), disruptions.ts (outages, gates, capacity changes) and observe.ts
 * (statistics). The state they all share is in state.ts, which imports none of them. The loop can be driven in slices (`advance(maxEvents)`), so a
 * worker can report progress and stop at once when cancelled.
 *
 * Statistics are streamed, so memory depends on the work in progress, not on the number
 * of items: nothing here grows with the length of the run.
 */
import type { Scenario } from '../model/scenario.ts';
import { arrive, changeDemand, startArrivals } from './arrivals.ts';
import { circleOfFullNodes, stuck } from './deadlock.ts';
import {
  changeCapacity,
  closeGate,
  endOutage,
  openGate,
  startDisruptions,
  startOutage,
} from './disruptions.ts';
import {
  AGE_SNAPSHOT,
  ARRIVAL,
  BATCH_TIMEOUT,
  CAPACITY_CHANGE,
  DEMAND_CHANGE,
  DONE,
  GATE_CLOSE,
  GATE_OPEN,
  HANDOFF,
  ITEM_DONE,
  OUTAGE_END,
  OUTAGE_START,
  ROOM,
  UNBLOCK,
  WINDOW_END,
} from './events.ts';
import { CHECK_EVERY, ClockWatch, describeOverflow, describeStall, MAX_WIP, stalled } from './guards.ts';
import { arriveFromHandoff, finishItem, finishService, roomAt } from './moves.ts';
import { accrueAll, changeWip, closeWindow, recordSeries, snapshotAges } from './observe.ts';
import type { ReplicationOutcome, StopPlace, StopReason } from './outcome.ts';
import { isPlainNetwork, runPlain } from './plain-loop.ts';
import { type ReplicationOptions, ReplicationState } from './state.ts';
import type { Topology } from './topology.ts';
import { batchTimeout, unblock } from './work.ts';

export type { ReplicationOutcome } from './outcome.ts';
export type { ReplicationOptions } from './state.ts';

export class Replication extends ReplicationState {
  finished = false;
  /** The guards against a clock that stands still and against unbounded work (guards.ts). */
  declare readonly clockWatch: ClockWatch;
  declare readonly maxWip: number;
  /** The network is plain, and runs through the plain loop (plain-loop.ts). */
  declare readonly plainLoop: boolean;

  constructor(scenario: Scenario, topology: Topology, seed: number, options: ReplicationOptions = {}) {
    super(scenario, topology, seed, options);
    this.clockWatch = new ClockWatch(this.duration);
    this.maxWip = options.maxWip ?? MAX_WIP;
    startArrivals(this);
    startDisruptions(this);
    this.calendar.schedule(this.duration, AGE_SNAPSHOT, 0);
    this.plainLoop = !options.generalLoop && isPlainNetwork(this);
  }

  /** Handles up to `maxEvents` events; returns true once the replication has finished. */
  advance(maxEvents = Number.POSITIVE_INFINITY): boolean {
    // Events are handled in stretches that end at whole multiples of CHECK_EVERY, where the
    // stall guard looks at the clock (guards.ts): at the same events whatever slices the
    // caller asks for, and at no cost to the loop over events.
    let left = maxEvents;
    while (left > 0 && !this.finished) {
      const toCheck = CHECK_EVERY - (this.events % CHECK_EVERY);
      const stretch = left < toCheck ? left : toCheck;
      left -= stretch;
      if (this.handle(stretch)) return true;
      if (this.events % CHECK_EVERY === 0 && stalled(this, this.clockWatch, this.now))
        return this.finish('stalled');
    }
    return this.finished;
  }

  /** The run loop: handles up to `maxEvents` events; returns true once the replication has finished. */
  private handle(maxEvents: number): boolean {
    if (this.plainLoop) {
      const stop = runPlain(this, maxEvents, this.maxWip);
      return stop === undefined ? false : this.finish(stop);
    }
    const calendar = this.calendar;
    const series = this.out.series;
    for (let budget = maxEvents; budget > 0 && !this.finished; budget--) {
      const t = calendar.peekTime();
      if (t === Number.POSITIVE_INFINITY) return this.finish(this.wip > 0 ? 'deadlock' : 'drained');
      if (t > this.maxTime) return this.finish('time-cap');
      if (t >= series.nextDue) recordSeries(this, t);
      calendar.pop();
      this.now = t;
      this.events++;
      const subject = calendar.subject;
      switch (calendar.kind) {
        case ARRIVAL:
          arrive(this, subject);
          // Only an arrival adds an item to the system, so only here can it hold too many.
          if (this.wip >= this.maxWip) return this.finish('overflow');
          break;
        case ITEM_DONE:
          finishItem(this, subject);
          break;
        case DONE:
          finishService(this, subject);
          break;
        case HANDOFF:
          arriveFromHandoff(this, subject);
          break;
        case OUTAGE_START:
          startOutage(this, subject);
          break;
        case OUTAGE_END:
          endOutage(this, subject);
          break;
        case GATE_OPEN:
          openGate(this, subject);
          break;
        case GATE_CLOSE:
          closeGate(this, subject);
          break;
        case BATCH_TIMEOUT:
          batchTimeout(this, subject);
          break;
        case CAPACITY_CHANGE:
          changeCapacity(this, subject);
          break;
        case DEMAND_CHANGE:
          changeDemand(this, subject);
          break;
        case AGE_SNAPSHOT:
          snapshotAges(this);
          break;
        case WINDOW_END:
          closeWindow(this, subject);
          break;
        case UNBLOCK:
          unblock(this, subject);
          break;
        case ROOM:
          roomAt(this, subject);
          break;
      }
      // Outages, gates and capacity changes recur for ever: the run ends once arrivals have
      // stopped and the last item is done, or when nothing can move any more.
      if (t >= this.duration && this.wip === 0) return this.finish('drained');
      if (
        this.servicesInProgress === 0 &&
        this.inTransit === 0 &&
        this.setAside === 0 &&
        this.wip > 0 &&
        stuck(this)
      )
        return this.finish('deadlock');
    }
    return this.finished;
  }

  /** The measurements; call once `advance()` has returned true. */
  outcome(): ReplicationOutcome {
    return this.out;
  }

  /** Fraction of the run done, by simulated time, for progress bars. */
  progress(): number {
    return this.finished ? 1 : Math.min(0.99, this.now / this.duration);
  }

  private finish(reason: StopReason): boolean {
    this.finished = true;
    const out = this.out;
    out.stoppedBy = reason;
    out.endTime = this.now;
    out.events = this.events;
    out.inProgressAtEnd = this.wip;
    out.moves = this.moves.toOutcome();
    if (reason === 'deadlock') out.deadlock = this.describeDeadlock();
    if (reason === 'stalled') out.stalled = describeStall(this, this.clockWatch);
    if (reason === 'overflow') out.overflow = describeOverflow(this);
    accrueAll(this);
    changeWip(this, 0);
    // A window ending a hair after the last event (rounding) still gets its areas.
    for (let w = this.windowsClosed; w < out.windows.count; w++) closeWindow(this, w);
    return true;
  }

  /** Where the work is stuck: each node holding blocked items, and the full node they wait for. */
  private describeDeadlock(): StopPlace {
    const ids = this.topology.nodeIds;
    const parts: string[] = [];
    const nodes = new Set<string>();
    const circle = circleOfFullNodes(this);
    if (circle.length > 0)
      parts.push(
        `a circle of full nodes, each holding finished work that waits for room at the next: ${circle.map((n) => `"${ids[n]}"`).join(' → ')}`,
      );
    for (let n = 0; n < this.nodeCount; n++) {
      const waiting = this.waitingForRoom[n].length;
      if (waiting === 0) continue;
      nodes.add(ids[n]);
      parts.push(
        `${waiting} item(s) wait for room at "${ids[n]}" (${this.nodeWip[n]}/${this.rules.wipLimit[n]} full)`,
      );
    }
    for (let n = 0; n < this.nodeCount; n++) {
      if (this.blockedHere[n] > 0) nodes.add(ids[n]);
      if (this.queued[n] > 0 && this.queued[n] < this.rules.batchSize[n] && this.busy[n] < this.capacity[n]) {
        nodes.add(ids[n]);
        parts.push(
          `${this.queued[n]} item(s) at "${ids[n]}" wait for a batch of ${this.rules.batchSize[n]} that can never fill (give the batch a timeout)`,
        );
      }
    }
    return { time: this.now, nodes: [...nodes], detail: parts.join('; ') };
  }
}
