/**
 * What happens to nodes over time, apart from work: outages (down for a drawn time, up for
 * a drawn time), gates that open on a calendar, and capacity that follows a schedule.
 * Each recurs through its own events; work paused by an outage or a closed gate resumes
 * where it stopped.
 */

import { CAPACITY_CHANGE, GATE_CLOSE, GATE_OPEN, OUTAGE_END, OUTAGE_START } from './events.ts';
import { offerRoom } from './moves.ts';
import { accrue } from './observe.ts';
import { releaseNodeDown } from './releases.ts';
import { recordAvailability } from './reliability.ts';
import { multitasks } from './rules.ts';
import type { ReplicationState } from './state.ts';
import { shareRebalance, shareUpdate, tryStart, updateAvailability } from './work.ts';

export function startDisruptions(r: ReplicationState): void {
  for (let n = 0; n < r.nodeCount; n++) {
    const mtbf = r.rules.mtbf[n];
    if (mtbf) r.calendar.schedule(mtbf(r.outageStreams[n]), OUTAGE_START, n);
    const gate = r.rules.gate[n];
    if (gate) r.calendar.schedule(gate.offset, GATE_OPEN, n);
    const schedule = r.rules.capacitySchedule[n];
    if (schedule) {
      while (r.capacityChangeIndex[n] < schedule.length && schedule[r.capacityChangeIndex[n]].from === 0)
        r.capacity[n] = schedule[r.capacityChangeIndex[n]++].capacity;
      if (r.capacityChangeIndex[n] < schedule.length)
        r.calendar.schedule(schedule[r.capacityChangeIndex[n]].from, CAPACITY_CHANGE, n);
    }
  }
}

export function startOutage(r: ReplicationState, n: number): void {
  if (r.now >= r.warmup && r.now <= r.duration) r.out.nodes.outages[n]++;
  setUp(r, n, false);
  const outage = r.rules.mttr[n]!(r.outageStreams[n]);
  if (r.releases !== undefined && r.releases.nodes[n] === 1)
    releaseNodeDown(r.out.releases!, r.now, r.warmup, r.duration, outage);
  r.calendar.schedule(r.now + outage, OUTAGE_END, n);
}

export function endOutage(r: ReplicationState, n: number): void {
  setUp(r, n, true);
  r.calendar.schedule(r.now + r.rules.mtbf[n]!(r.outageStreams[n]), OUTAGE_START, n);
}

/** An outage starts or ends (gates closing are not failures, so they are not recorded). */
function setUp(r: ReplicationState, n: number, up: boolean): void {
  accrue(r, n);
  r.up[n] = up ? 1 : 0;
  if (r.trace) r.trace(up ? 'up' : 'down', r.now, -1, n, -1, 0);
  recordAvailability(r.view.reliability, n, !up);
  followAvailability(r, n);
}

/** The node's work pauses or resumes with its outages and gate. */
function followAvailability(r: ReplicationState, n: number): void {
  // Back up or open: work waiting for room at a full node that n could take comes here.
  if (updateAvailability(r, n) && r.blocked > 0) offerRoom(r, n);
}

export function openGate(r: ReplicationState, n: number): void {
  const gate = r.rules.gate[n]!;
  r.open[n] = 1;
  if (r.trace) r.trace('open', r.now, -1, n, -1, 0);
  if (gate.batch) r.gateBatchPending[n] = 1;
  r.calendar.schedule(r.now + gate.open, GATE_CLOSE, n);
  followAvailability(r, n);
  tryStart(r, n);
  // The agenda is fixed when the meeting opens: whatever arrives during it waits for the next.
  r.gateBatchPending[n] = 0;
}

export function closeGate(r: ReplicationState, n: number): void {
  const gate = r.rules.gate[n]!;
  r.open[n] = 0;
  if (r.trace) r.trace('close', r.now, -1, n, -1, 0);
  r.gateBatchPending[n] = 0;
  r.calendar.schedule(r.now + gate.every - gate.open, GATE_OPEN, n);
  followAvailability(r, n);
}

/** Capacity moves to its next scheduled value; servers beyond it finish what they hold. */
export function changeCapacity(r: ReplicationState, n: number): void {
  const schedule = r.rules.capacitySchedule[n]!;
  if (multitasks(r.rules, n)) shareUpdate(r, n);
  accrue(r, n);
  r.capacity[n] = schedule[r.capacityChangeIndex[n]++].capacity;
  if (r.trace) r.trace('capacity', r.now, -1, n, -1, r.capacity[n]);
  if (r.capacityChangeIndex[n] < schedule.length)
    r.calendar.schedule(schedule[r.capacityChangeIndex[n]].from, CAPACITY_CHANGE, n);
  if (multitasks(r.rules, n)) shareRebalance(r, n);
  else tryStart(r, n);
  // Staffed again: work waiting for room at a full node that n could take comes here.
  if (r.blocked > 0) offerRoom(r, n);
}
