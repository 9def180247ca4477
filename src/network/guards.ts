/**
 * Guards that make every run end, in bounded memory, whatever the scenario's numbers.
 *
 * Stalled: the clock stops advancing, or advances by amounts so small that the run would
 * need longer than anyone would wait (an outage that lasts 0 and recurs after 0, a gate that
 * opens every 1e-9, a service of 0 that always fails and goes round again). The loop looks
 * at the clock once every CHECK_EVERY events, between stretches of events (so the loop over
 * events itself does no more than before), and stops when STALL_EVENTS events have passed while the clock moved less than
 * STALL_SPAN of the duration. At that pace the whole run would take more than
 * STALL_EVENTS / STALL_SPAN = 2^37 (about 1.4e11) events: hours of computing. A scenario
 * that passes validation has at most 50 million expected arrivals, and the presets take 3 to
 * 10 events per arrival, so such a run holds some 500 million events; to trip the guard it
 * would need over eight million events in a 16,384th of its duration, more than 250 times
 * its mean pace, held for millions of events.
 *
 * Overflow: more items in the system than memory can sensibly hold. Items live in typed
 * arrays of about 100 bytes a slot that double when full, so MAX_WIP items take about 200 MB.
 * A heavy-tailed interarrival (a Weibull of shape 0.01, a lognormal of cv 1e100) has a
 * modest mean but draws almost every gap vanishingly small, so arrivals pile up without
 * bound however the expected count is limited. No value stream a coach models holds two
 * million items at once; a run that gets there is a queue growing without bound, and says so.
 */
import { EVENT_KINDS } from './events.ts';
import type { StopPlace } from './outcome.ts';
import type { ReplicationState } from './state.ts';

/** Events between two looks at the clock. */
export const CHECK_EVERY = 1 << 16;
/** Events without the clock moving STALL_SPAN of the duration that make a run stalled. */
export const STALL_EVENTS = 1 << 23;
/** The share of the duration the clock must move within STALL_EVENTS events. */
export const STALL_SPAN = 2 ** -14;
/** Items in the system (the CONWIP backlog included) at which a run stops. */
export const MAX_WIP = 1 << 21;

/** Samples of the events seen while the clock did not move: one per check, enough for a stall. */
const SAMPLES = STALL_EVENTS / CHECK_EVERY;

/** What the stall guard keeps between checks. */
export class ClockWatch {
  /** The time the clock last moved on from, and the event count then. */
  mark = 0;
  markEvents = 0;
  /** The least move that counts as progress. */
  declare readonly step: number;
  /** The event being handled at each check since the mark: its kind and its node (or -2 - class). */
  readonly kinds = new Int32Array(SAMPLES);
  readonly places = new Int32Array(SAMPLES);
  samples = 0;

  constructor(duration: number) {
    this.step = duration * STALL_SPAN;
  }
}

/**
 * Called every CHECK_EVERY events with the time of the event just handled: true when the
 * run has stalled. A move of more than `step` (strictly, so a duration so
 * small that the step rounds to 0 still needs the clock to move at all) starts a new count.
 */
export function stalled(r: ReplicationState, p: ClockWatch, t: number): boolean {
  if (t > p.mark + p.step) {
    p.mark = t;
    p.markEvents = r.events;
    p.samples = 0;
    return false;
  }
  if (p.samples < SAMPLES) {
    p.kinds[p.samples] = r.calendar.kind;
    p.places[p.samples++] = placeOf(r, r.calendar.kind, r.calendar.subject);
  }
  return r.events - p.markEvents >= STALL_EVENTS;
}

/** The node an event concerns, -2 - class for a demand class, -1 for none. */
function placeOf(r: ReplicationState, kind: number, subject: number): number {
  switch (EVENT_KINDS[kind]?.subject) {
    case 'class':
      return -2 - subject;
    case 'unit':
      return r.units.node[subject];
    case 'item':
      return r.items.node[subject];
    case 'item in transit':
      return r.items.target[subject];
    case 'node':
      return subject;
    default:
      return -1;
  }
}

/** What an event kind is, in words. */
function kindName(kind: number): string {
  return EVENT_KINDS[kind]?.words ?? 'events';
}

/** Where the stall is: the events seen most often while the clock stood still, and their nodes. */
export function describeStall(r: ReplicationState, p: ClockWatch): StopPlace {
  const counts = new Map<string, { kind: number; place: number; count: number }>();
  for (let i = 0; i < p.samples; i++) {
    const key = `${p.kinds[i]}:${p.places[i]}`;
    const seen = counts.get(key) ?? { kind: p.kinds[i], place: p.places[i], count: 0 };
    seen.count++;
    counts.set(key, seen);
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
  const nodes = [...new Set(ranked.filter((s) => s.place >= 0).map((s) => r.topology.nodeIds[s.place]))];
  const what = ranked
    .slice(0, 3)
    .map((s) => `${kindName(s.kind)}${placeName(r, s.place)}`)
    .join(', ');
  const events = (r.events - p.markEvents).toLocaleString('en');
  return {
    time: r.now,
    nodes,
    detail:
      `${events} events while the clock moved from ${p.mark} to ${r.now} ` +
      `(less than 1/${(1 / STALL_SPAN).toLocaleString('en')} of the duration), mostly ${what || 'no event in particular'}; ` +
      'a time that is 0 or vanishingly small makes events repeat without time passing',
  };
}

function placeName(r: ReplicationState, place: number): string {
  if (place >= 0) return ` at "${r.topology.nodeIds[place]}"`;
  if (place <= -2) return ` of "${r.topology.classIds[-2 - place]}"`;
  return '';
}

/** Where the items are when the run holds too many: the fullest nodes and the backlog. */
export function describeOverflow(r: ReplicationState): StopPlace {
  const fullest = Array.from(r.nodeWip, (wip, n) => ({ n, wip, waiting: r.waitingForRoom[n].length }))
    .filter((x) => x.wip + x.waiting > 0)
    .sort((a, b) => b.wip + b.waiting - (a.wip + a.waiting) || a.n - b.n)
    .slice(0, 3);
  const backlog = r.backlog.length[0];
  const parts = fullest.map(
    (x) =>
      `${x.wip.toLocaleString('en')} at "${r.topology.nodeIds[x.n]}"` +
      (x.waiting > 0 ? ` and ${x.waiting.toLocaleString('en')} waiting to get in` : ''),
  );
  if (backlog > 0) parts.push(`${backlog.toLocaleString('en')} in the backlog`);
  return {
    time: r.now,
    nodes: fullest.map((x) => r.topology.nodeIds[x.n]),
    detail:
      `${r.wip.toLocaleString('en')} items in the system at once, the most a run may hold ` +
      `(${parts.join(', ')}); arrivals far outpace the work, often a heavy-tailed interarrival ` +
      'whose gaps are almost all close to 0',
  };
}
