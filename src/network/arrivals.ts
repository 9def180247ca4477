/**
 * Demand: items arriving, waiting in the CONWIP backlog in front of the system (moves.ts
 * lets them in as items leave), and demand that changes over time (a surge).
 */
import { ARRIVAL, DEMAND_CHANGE } from './events.ts';
import { commit } from './moves.ts';
import { changeWip } from './observe.ts';
import type { ReplicationState } from './state.ts';

export function startArrivals(r: ReplicationState): void {
  for (let c = 0; c < r.interarrival.length; c++) {
    const schedule = r.rules.demandSchedule[c];
    if (schedule) {
      // A change at time 0 replaces the base interarrival from the start.
      while (r.demandChangeIndex[c] < schedule.length && schedule[r.demandChangeIndex[c]].from === 0)
        r.interarrival[c] = schedule[r.demandChangeIndex[c]++].interarrival;
      const next = schedule[r.demandChangeIndex[c]];
      if (next && next.from < r.duration) r.calendar.schedule(next.from, DEMAND_CHANGE, c);
    }
    scheduleArrival(r, c);
  }
}

export function scheduleArrival(r: ReplicationState, c: number): void {
  const gap = r.arrivalsAhead.has(c) ? r.arrivalsAhead.draw(c) : r.interarrival[c](r.arrivalStreams[c]);
  const at = r.now + gap;
  // Arrivals stop at `duration`; the items already in the system then drain.
  if (at < r.duration) {
    r.nextArrivalAt[c] = at;
    r.calendar.schedule(at, ARRIVAL, c);
  } else r.nextArrivalAt[c] = -1;
}

/**
 * From now on the class arrives by the next distribution of its schedule. The pending
 * arrival is drawn again from now, which is exact for Poisson arrivals (memoryless) and
 * a close approximation for others.
 */
export function changeDemand(r: ReplicationState, c: number): void {
  const schedule = r.rules.demandSchedule[c]!;
  r.interarrival[c] = schedule[r.demandChangeIndex[c]++].interarrival;
  const next = schedule[r.demandChangeIndex[c]];
  if (next && next.from < r.duration) r.calendar.schedule(next.from, DEMAND_CHANGE, c);
  scheduleArrival(r, c);
}

export function arrive(r: ReplicationState, c: number): void {
  // An arrival drawn before a change of demand is superseded by the one drawn after it.
  if (r.now !== r.nextArrivalAt[c]) return;
  const slot = r.items.take(c, r.rules.level[c], r.now, r.steps[c][0]);
  r.items.stepFrom[slot] = r.now;
  r.arrivedTotal++;
  if (r.now >= r.warmup) r.out.arrived++;
  changeWip(r, 1);
  if (r.trace) r.trace('arrive', r.now, slot, -1, -1, c);
  scheduleArrival(r, c);
  if (r.committedWip >= r.rules.systemWipLimit) {
    // CONWIP: wait in the backlog, uncommitted, until an item is done.
    r.backlog.push(0, slot, r.items.level[slot]);
    return;
  }
  commit(r, slot);
}
