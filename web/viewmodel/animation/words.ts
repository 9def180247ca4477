/**
 * What the animation says in words: the clock in the scenario's time unit, the running
 * counters, where a followed item has been and waited, and, side by side, the item that
 * arrived at the same moment in both variants and finished furthest apart.
 */
import { formatDuration, formatNumber, singularUnit } from '../format.ts';
import { type FlowItem, type FlowState, meanLeadSoFar } from './flow-state.ts';

/** "day 12.3", with "(warm-up)" while the warm-up lasts. */
export function clockText(time: number, unit: string, warmup: number): string {
  const at = `${singularUnit(unit)} ${time.toFixed(1)}`;
  return time < warmup ? `${at} (warm-up)` : at;
}

export interface CounterText {
  wip: string;
  done: string;
  lead: string;
}

export function counterText(s: FlowState, unit: string): CounterText {
  return {
    wip: formatNumber(s.counters.wip),
    done: formatNumber(s.counters.done),
    lead: formatDuration(meanLeadSoFar(s), unit),
  };
}

const PHASE: Record<FlowItem['phase'], string> = {
  entering: 'waiting to enter',
  queued: 'waiting at',
  service: 'being worked on at',
  held: 'finished at',
  blocked: 'finished and blocked at',
  transit: 'on its way to',
  forked: 'split into parts, waiting for the last of them',
};

/**
 * Where a followed item has waited, and where it is now (or its lead time once done):
 * "Item 57 (feature) arrived at day 12.3. Waited 1.2 days at review, blocked 0.3 days at
 * dev. Now being worked on at test."
 */
export function followText(
  item: FlowItem,
  names: { nodes: readonly string[]; classes: readonly string[]; unit: string },
  doneAt: number | null,
): string {
  const cls = names.classes[item.demandClass];
  const who = item.whole >= 0 ? `A part of item ${item.whole + 1}` : `Item ${item.id + 1}`;
  const parts = [
    `${who}${cls && names.classes.length > 1 ? ` (${cls})` : ''} arrived at ${clockText(item.arrival, names.unit, -1)}.`,
  ];
  const waits = item.waits
    .filter((w) => w.to > w.from)
    .map(
      (w) =>
        `${w.blocked ? 'blocked' : 'waited'} ${formatDuration(w.to - w.from, names.unit)} at ${names.nodes[w.node]}`,
    );
  parts.push(waits.length ? `${capital(waits.join(', '))}.` : 'No wait so far.');
  if (item.failures > 0)
    parts.push(`Failed ${item.failures === 1 ? 'once' : `${item.failures} times`} and went back.`);
  if (doneAt !== null)
    parts.push(
      `Done at ${clockText(doneAt, names.unit, -1)}: lead time ${formatDuration(doneAt - item.arrival, names.unit)}.`,
    );
  else {
    const where =
      item.phase === 'entering' || item.phase === 'forked'
        ? ''
        : item.phase === 'blocked'
          ? `${names.nodes[item.node]}, waiting for room at ${names.nodes[item.target]}`
          : names.nodes[item.node];
    parts.push(`Now ${PHASE[item.phase]}${where ? ` ${where}` : ''}.`);
  }
  return parts.join(' ');
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Side by side: the item (the same one in both, common random numbers) whose lead times differ
 * most among those done in both so far. Items done in one and not yet in the other wait in a
 * bounded table, so a variant that never finishes its work cannot make it grow without end.
 */
export class FarApart {
  private readonly waiting: Map<number, number>[] = [new Map(), new Map()];
  best: { id: number; arrival: number; leads: [number, number] } | null = null;

  constructor(private readonly limit = 5000) {}

  /** Variant `side` (0 or 1) has finished item `id` after `lead`. */
  done(side: 0 | 1, id: number, arrival: number, lead: number): void {
    const other = this.waiting[1 - side];
    const theirs = other.get(id);
    if (theirs === undefined) {
      const mine = this.waiting[side];
      if (mine.size >= this.limit) mine.delete(mine.keys().next().value as number);
      mine.set(id, lead);
      return;
    }
    other.delete(id);
    const leads: [number, number] = side === 0 ? [lead, theirs] : [theirs, lead];
    const gap = Math.abs(leads[0] - leads[1]);
    if (!this.best || gap > Math.abs(this.best.leads[0] - this.best.leads[1]))
      this.best = { id, arrival, leads };
  }
}

/** "Item 57 arrived at day 12.3 in both: done after 4.2 days in Token ring, 19 days in Network." */
export function farApartText(best: FarApart['best'], names: readonly [string, string], unit: string): string {
  if (!best)
    return 'The same items arrive at the same moments in both. Watch for one that finishes far apart.';
  return `Item ${best.id + 1} arrived at ${clockText(best.arrival, unit, -1)} in both: done after ${formatDuration(best.leads[0], unit)} in ${names[0]}, ${formatDuration(best.leads[1], unit)} in ${names[1]}.`;
}
