/**
 * What a result says before any of its numbers: whether they describe a system that kept up
 * and finished its work. A run that stopped early (a deadlock, the time cap, or any other
 * reason than draining) reports means over the few items that got through, which can look
 * better than a working system; a node offered more work than it can do has a queue that
 * grows without bound, so its lead times measure the length of the run. Either way the
 * numbers must not be read, or ranked, as the system's.
 *
 * One model, several renderers: the terminal (src/cli) and the page (web/) both show these
 * alerts and sentences, so the two never disagree about what a result means.
 */
import type { SimulationResult } from '../experiment/result.ts';
import type { NodeLoad } from '../network/load.ts';
import type { Stability } from '../network/stability.ts';
import { count, number, percent, unitName } from './numbers.ts';

export interface Alert {
  kind: 'stopped' | 'overloaded';
  /** Two or three words: "Stopped early", "Overloaded". */
  title: string;
  /** One plain sentence or two. */
  text: string;
}

/** The node where items wait longest, when it is not the busiest node. */
export interface Constraint {
  node: string;
  /** Share of all lead time spent waiting in its queue. */
  waitShare: number;
  utilization: number;
  busiest: string;
  busiestWaitShare: number;
}

export interface Verdict {
  /** Every replication drained and no node is overloaded: the numbers are the system's. */
  sound: boolean;
  /** Why it is not, the most serious first. */
  alerts: Alert[];
  /** A short status for a row of a table: "ok", "stopped: deadlock", "unstable: review 112%". */
  status: string;
  /** When the run stopped early: the means cover only the items that finished. */
  survivors?: { finished: number; unfinished: number };
  constraint?: Constraint;
}

/** The extra facts a node's load may carry (the phase it peaks in, why it is an estimate). */
interface LoadNotes {
  window?: { from: number; to: number };
  estimateReason?: string;
}

/** The verdict on a result; without the scenario's stability, only on how the run stopped. */
export function verdictOf(r: SimulationResult, stability: Stability | undefined): Verdict {
  const alerts: Alert[] = [];
  let survivors: Verdict['survivors'];
  // Any reason but 'drained' is a stop before the work was done, including reasons added later.
  if (r.stoppedBy !== 'drained') {
    const unfinished = r.runs.reduce((sum, run) => sum + run.inProgressAtEnd, 0);
    survivors = { finished: r.completed, unfinished };
    alerts.push({ kind: 'stopped', title: 'Stopped early', text: stoppedText(r, unfinished) });
  }
  if (stability && !stability.stable)
    alerts.push({
      kind: 'overloaded',
      title: 'Overloaded',
      text: overloadedText(stability.unstable, r.timeUnit),
    });
  const status = [
    r.stoppedBy === 'drained' ? '' : `stopped: ${r.stoppedBy}`,
    stability && !stability.stable
      ? `unstable: ${stability.unstable[0].id} ${percent(stability.unstable[0].load)}`
      : '',
  ].filter(Boolean);
  return {
    sound: alerts.length === 0,
    alerts,
    status: status.length > 0 ? status.join(', ') : 'ok',
    survivors,
    constraint: constraintOf(r),
  };
}

/** "mean over the 37 items that finished": how a mean over survivors is labelled. */
export function survivorNote(v: Verdict): string | undefined {
  if (!v.survivors) return undefined;
  const n = v.survivors.finished;
  return n === 0 ? 'no item finished' : `mean over the ${count(n, 'item')} that finished`;
}

/**
 * What to say beside a result's lead times when they are not the system's: over the items
 * that finished, when the run stopped early; growing with the run, when a node cannot keep up.
 */
export function timesCaveat(v: Verdict): string | undefined {
  const survivors = survivorNote(v);
  if (survivors) return `${survivors}: the run stopped early`;
  return v.sound ? undefined : 'a node cannot keep up, so this grows with the length of the run';
}

/**
 * Why two results must not be ranked against each other, or undefined when they may be.
 * A variant that stopped early or cannot keep up is neither better nor worse than another:
 * its means describe the run's length or its survivors, not the system.
 */
export function unranked(
  baseline: { name: string; verdict: Verdict },
  variant: { name: string; verdict: Verdict },
): string | undefined {
  const why = (x: { name: string; verdict: Verdict }) =>
    x.verdict.alerts.map((a) => `${x.name} ${a.kind === 'stopped' ? 'stopped early' : 'is overloaded'}`);
  const reasons = [...why(variant), ...why(baseline)];
  if (reasons.length === 0) return undefined;
  return `not ranked against ${baseline.name}: ${reasons.join(' and ')}, so the means do not describe the system`;
}

function stoppedText(r: SimulationResult, unfinished: number): string {
  const stopped =
    r.stoppedBy === 'deadlock' && r.deadlock
      ? `a deadlock stopped the run at time ${number(r.deadlock.time)}: ` +
        `full nodes (${r.deadlock.nodes.join(', ')}) wait on each other and nothing can move`
      : r.stoppedBy === 'stalled' && r.stalled
        ? `the run stalled at time ${number(r.stalled.time)}: events repeated while the clock all but stood still` +
          (r.stalled.nodes.length > 0 ? ` (at ${r.stalled.nodes.slice(0, 3).join(', ')})` : '') +
          ', as times of 0 or close to it do'
        : r.stoppedBy === 'overflow' && r.overflow
          ? `the run was stopped at time ${number(r.overflow.time)} holding more items at once than a run may ` +
            `(${number(r.runs[r.overflow.replication].inProgressAtEnd)})` +
            (r.overflow.nodes.length > 0 ? `, most at ${r.overflow.nodes.slice(0, 3).join(', ')}` : '')
          : r.stoppedBy === 'time-cap'
            ? 'the run reached run.maxTime with work still in progress'
            : `the run stopped before its work was done (${r.stoppedBy})`;
  const finished =
    r.completed === 0
      ? 'no item that arrived after warm-up finished'
      : `every time below is over only the ${count(r.completed, 'item')} that finished`;
  const left = unfinished > 0 ? `; ${number(unfinished)} never did` : '';
  return `${capital(stopped)}. ${capital(finished)}${left}, so they can look better than a system that works.`;
}

function overloadedText(nodes: readonly NodeLoad[], unit: string): string {
  const named = nodes.slice(0, 3).map((n) => {
    const notes = n as NodeLoad & LoadNotes;
    const units = unitName(unit);
    const when = notes.window
      ? ` from ${number(notes.window.from)} to ${number(notes.window.to)} ${units}`
      : '';
    const estimate = n.exact
      ? ''
      : ` (an estimate${notes.estimateReason ? `: ${notes.estimateReason}` : ''})`;
    return `${n.id} is offered ${percent(n.load)} of its capacity${estimate}${when}`;
  });
  const more = nodes.length > 3 ? ` and ${nodes.length - 3} more nodes` : '';
  return (
    `${named.join('; ')}${more}. ` +
    'A node offered 100% or more cannot keep up: its queue grows without bound, so lead times ' +
    'measure how long the run was, not the system.'
  );
}

/** "review, where items spend 19% of their lead time waiting": how the constraint is named. */
export function constraintPhrase(c: Constraint): string {
  return `${c.node}, where items spend ${percent(c.waitShare)} of their lead time waiting`;
}

/**
 * Below this share of lead time, waits are small everywhere and which node holds the most
 * is noise between replications, not a constraint worth naming.
 */
export const CONSTRAINT_SHARE = 0.05;

/**
 * The node where items spend the largest share of their lead time waiting, when that share is
 * at least CONSTRAINT_SHARE; undefined when waits are small everywhere.
 */
export function longestWait(r: SimulationResult): string | undefined {
  const ids = Object.keys(r.nodes);
  if (ids.length === 0) return undefined;
  const node = ids.reduce((a, b) =>
    r.nodes[b].waitShareOfLeadTime > r.nodes[a].waitShareOfLeadTime ? b : a,
  );
  return r.nodes[node].waitShareOfLeadTime >= CONSTRAINT_SHARE ? node : undefined;
}

function constraintOf(r: SimulationResult): Constraint | undefined {
  const node = longestWait(r);
  if (node === undefined || node === r.bottleneck) return undefined;
  const share = r.nodes[node].waitShareOfLeadTime;
  return {
    node,
    waitShare: share,
    utilization: r.nodes[node].utilization,
    busiest: r.bottleneck,
    busiestWaitShare: r.nodes[r.bottleneck]?.waitShareOfLeadTime ?? 0,
  };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
