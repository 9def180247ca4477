/**
 * What the animation says in words: the clock in the scenario's time unit, the running
 * counters, where a followed item has been and waited, and, side by side, the item that
 * arrived at the same moment in both variants and finished furthest apart.
 */
import { formatDuration, formatNumber, singularUnit } from '../format.ts';
import {
  type BlockerPolicy,
  type FlowItem,
  type FlowState,
  meanLeadSoFar,
  type NodeState,
  type Wait,
} from './flow-state.ts';

/** "day 12.3", with "(warm-up)" while the warm-up lasts. */
export function clockText(time: number, unit: string, warmup: number): string {
  const at = `${singularUnit(unit)} ${time.toFixed(1)}`;
  return time < warmup ? `${at} (warm-up)` : at;
}

export interface CounterText {
  wip: string;
  done: string;
  lead: string;
  /** Items a blocker has stopped, over every node. */
  blocked: string;
}

export function counterText(s: FlowState, unit: string): CounterText {
  return {
    wip: formatNumber(s.counters.wip),
    done: formatNumber(s.counters.done),
    lead: formatDuration(meanLeadSoFar(s), unit),
    blocked: formatNumber(s.nodes.reduce((sum, n) => sum + n.blocked, 0)),
  };
}

/** The count under a node's row of blocked work: "3 blocked, put aside", "2 blocked, held". */
export function blockedText(node: NodeState): string {
  if (node.blocked === 0) return '';
  return `${formatNumber(node.blocked)} blocked, ${node.blocker === 'aside' ? 'put aside' : 'held'}`;
}

export interface LegendEntry {
  /** `blocked`: an open diamond; the others: a node's server, at work, waiting with a blocked item, or free. */
  mark: 'blocked' | 'working' | 'waiting' | 'free';
  label: string;
}

/**
 * What the marks of blocked work mean, for the policies the scenario's blockers use: nothing
 * without a blocker. Each mark differs in shape, not in colour alone.
 */
export function blockerLegend(policies: readonly (BlockerPolicy | null)[]): LegendEntry[] {
  if (policies.every((p) => p === null)) return [];
  const entries: LegendEntry[] = [
    { mark: 'blocked', label: 'blocked on something outside the stream (in a row under its node, counted)' },
    { mark: 'working', label: 'a person at work' },
  ];
  if (policies.includes('hold'))
    entries.push({ mark: 'waiting', label: 'a person waiting with a blocked item (held)' });
  entries.push({
    mark: 'free',
    label: policies.includes('aside')
      ? 'a person free (blocked work put aside holds no one)'
      : 'a person free',
  });
  return entries;
}

const PHASE: Record<FlowItem['phase'], string> = {
  entering: 'waiting to enter',
  queued: 'waiting at',
  service: 'being worked on at',
  held: 'finished at',
  blocked: 'finished and blocked at',
  aside: 'blocked at',
  transit: 'on its way to',
  forked: 'split into parts, waiting for the last of them',
};

/** A stretch of waiting in words: "waited 1.2 days at review". */
function waitText(w: Wait, names: { nodes: readonly string[]; unit: string }): string {
  const long = formatDuration(w.to - w.from, names.unit);
  const at = names.nodes[w.node];
  if (w.kind === 'queue') return `waited ${long} at ${at}`;
  if (w.kind === 'room') return `blocked ${long} at ${at}`;
  return `blocked at ${at} from ${clockText(w.from, names.unit, -1)} for ${long}, waiting on the outside`;
}

/**
 * Where a followed item has waited, and where it is now (or its lead time once done):
 * "Item 57 (feature) arrived at day 12.3. Waited 1.2 days at review, blocked 0.3 days at
 * dev. Now being worked on at test." Blocked by a full node, it is "blocked" for so long;
 * stopped by a blocker, blocked from when and for how long, "waiting on the outside", and
 * while it is, whether its person waits with it or has put it aside.
 */
export function followText(
  item: FlowItem,
  names: { nodes: readonly string[]; classes: readonly string[]; unit: string },
  doneAt: number | null,
  /** The clock: how long a blocker has stopped the item so far. */
  now = Number.NaN,
): string {
  const cls = names.classes[item.demandClass];
  const who = item.whole >= 0 ? `A part of item ${item.whole + 1}` : `Item ${item.id + 1}`;
  const parts = [
    `${who}${cls && names.classes.length > 1 ? ` (${cls})` : ''} arrived at ${clockText(item.arrival, names.unit, -1)}.`,
  ];
  const waits = item.waits.filter((w) => w.to > w.from).map((w) => waitText(w, names));
  parts.push(waits.length ? `${capital(waits.join(', '))}.` : 'No wait so far.');
  if (item.failures > 0)
    parts.push(`Failed ${item.failures === 1 ? 'once' : `${item.failures} times`} and went back.`);
  if (doneAt !== null)
    parts.push(
      `Done at ${clockText(doneAt, names.unit, -1)}: lead time ${formatDuration(doneAt - item.arrival, names.unit)}.`,
    );
  else if (item.blockedSince >= 0) {
    const so =
      now >= item.blockedSince ? ` (${formatDuration(now - item.blockedSince, names.unit)} so far)` : '';
    const since = `since ${clockText(item.blockedSince, names.unit, -1)}${so}`;
    const how =
      item.phase === 'aside'
        ? 'put aside: its person has taken other work'
        : 'held: its person waits with it';
    parts.push(`Now blocked at ${names.nodes[item.node]} ${since}, waiting on the outside; ${how}.`);
  } else {
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
