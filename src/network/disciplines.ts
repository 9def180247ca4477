/**
 * Queue disciplines: the order a node takes its waiting work in, one declaration each.
 *
 * A queue keeps one line per priority level, or one line for the whole node; a ranked
 * discipline keeps that one line sorted by a rank each item gets when it joins (lower goes
 * first, ties first come first served). The rank is fixed while the item waits, so a node's
 * next item is always the head of its line, and taking it costs what FIFO costs.
 *
 * - fifo: arrival order at the node, whatever the class.
 * - priority: by the class's priority, then arrival order (a node without `discipline`).
 * - wsjf: weighted shortest job first, CD3: the item's cost of delay per time unit as it
 *   joins, divided by its expected duration here, highest first. For linear costs this is
 *   the c-mu rule, the best order a non-preemptive server can keep (Cox and Smith, 1961).
 * - edd: earliest due date (arrival + the fixed-date deadline); undated work after dated.
 *   A part of a parallel step has its whole item's arrival, class and so due date.
 * - sjf: shortest expected duration here first (the node's mean service time for the step).
 */
import type { Discipline } from '../model/economics-fields.ts';
import type { Scenario } from '../model/scenario.ts';
import { delayRate, type Economics } from './economics.ts';
import type { Items } from './items.ts';
import { type ServeTable, serveIndex } from './topology.ts';

/** What a rank reads: the clock, the item, the classes' economics and the nodes' mean service times. */
export interface RankView extends ServeTable {
  readonly now: number;
  readonly items: Items;
  readonly economics: Economics | undefined;
  readonly serviceMean: Float64Array;
}

/** Rank of `item` joining node n's queue: lower is served first. */
export type Rank = (v: RankView, item: number, n: number) => number;

export interface DisciplineSpec {
  /** Keeps one line per class priority level (else one line for the node). */
  byPriority: boolean;
  /** Keeps the line sorted by this rank (else in arrival order). */
  rank?: Rank;
}

/** The class of work an item is of: a part of a parallel step is of its whole item's class. */
function classOf(items: Items, item: number): number {
  const whole = items.whole[item];
  return items.demandClass[whole >= 0 ? whole : item];
}

function expectedDuration(v: RankView, item: number, n: number): number {
  return v.serviceMean[serveIndex(v, n, v.items.capability[item])];
}

export const DISCIPLINE_SPECS = {
  fifo: { byPriority: false },
  priority: { byPriority: true },
  wsjf: {
    byPriority: false,
    rank: (v, item, n) => {
      const c = classOf(v.items, item);
      const rate = v.economics ? delayRate(v.economics, c, v.now - v.items.arrival[item]) : 0;
      // No cost of delay, no urgency: such work ranks after any that costs, in arrival order
      // (and a duration of 0 is not allowed to make 0 / 0).
      return rate > 0 ? -rate / expectedDuration(v, item, n) : 0;
    },
  },
  edd: {
    byPriority: false,
    rank: (v, item) => {
      const c = classOf(v.items, item);
      const e = v.economics;
      return e && e.dated[c] === 1 ? v.items.arrival[item] + e.turn[c] : Number.POSITIVE_INFINITY;
    },
  },
  sjf: { byPriority: false, rank: expectedDuration },
} satisfies Record<Discipline, DisciplineSpec>;

/** How each node's queue keeps its lines (node-queue.ts). */
export const BY_PRIORITY = 0;
export const ONE_LINE = 1;
export const RANKED = 2;

/** Each node's discipline, as its queue's mode and rank; without `discipline`, by priority. */
export function compileDisciplines(scenario: Scenario): { mode: Uint8Array; ranks: (Rank | undefined)[] } {
  const specs: DisciplineSpec[] = scenario.nodes.map((n) => DISCIPLINE_SPECS[n.discipline ?? 'priority']);
  return {
    mode: Uint8Array.from(specs, (d) => (d.rank ? RANKED : d.byPriority ? BY_PRIORITY : ONE_LINE)),
    ranks: specs.map((d) => d.rank),
  };
}
