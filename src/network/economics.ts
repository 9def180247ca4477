/**
 * The cost of delay and the value of each class of work, compiled into per-class columns,
 * and what they come to when an item is done.
 *
 * Every profile is one piecewise-linear cost of the item's age a (time since arrival): a
 * rate r0 up to a turning age t, then at t a one-off penalty and a rate r1 after it:
 *
 *   cost(a) = r0 min(a, t) + [a > t] (penalty + r1 (a - t))
 *
 * standard and expedite: r0 = rate, t = infinity; fixed date: r0 = 0, t = deadline, the
 * penalty, r1 = rate; intangible: r0 = rate, t = after, r1 = laterRate. So an item's cost of
 * delay is known in closed form from its lead time when it is done, and nothing accrues
 * per event.
 */
import { makeSampler, type Sampler } from '../engine/distributions.ts';
import type { Random } from '../engine/random.ts';
import type { CostOfDelay } from '../model/economics-fields.ts';
import type { Scenario } from '../model/scenario.ts';

/**
 * Money, over the items that arrived in the window and were done (only when the scenario
 * has a cost of delay, a value or a cost of capacity; capacity is costed from `nodes`).
 */
export interface EconomicsOutcome {
  /** Per class: cost of delay incurred, and value delivered. */
  costOfDelay: Float64Array;
  value: Float64Array;
  /** Items done that had a due date; of them, how many were late, by how long in all, and their value. */
  dated: number;
  late: number;
  lateness: number;
  valueLate: number;
  /**
   * Per class: items that arrived in the window and were turned away at a full first node
   * (`whenFull: "reject"`). They cost no delay and deliver no value, so the sums above leave
   * them out; the report says so, and what they would have been worth.
   */
  turnedAway: Float64Array;
}

export interface Economics {
  /** Per class: the rate before the turning age, the turning age, the penalty there and the rate after. */
  rateBefore: Float64Array;
  turn: Float64Array;
  penalty: Float64Array;
  rateAfter: Float64Array;
  /** 1 for a class with a due date (a fixed-date profile): the turning age is its deadline. */
  dated: Uint8Array;
  /** Each class's value per item, or undefined for none. */
  value: (Sampler | undefined)[];
}

/** Whether the scenario says anything about money: a cost of delay, a value or a cost of capacity. */
export function hasEconomics(scenario: Scenario): boolean {
  return (
    scenario.demand.some((d) => d.costOfDelay !== undefined || d.value !== undefined) ||
    scenario.nodes.some((n) => n.capacityCost !== undefined)
  );
}

interface Piecewise {
  rateBefore: number;
  turn: number;
  penalty: number;
  rateAfter: number;
}

/** A profile as the piecewise-linear cost above. */
export function piecewise(cod: CostOfDelay | undefined): Piecewise {
  if (!cod) return { rateBefore: 0, turn: Number.POSITIVE_INFINITY, penalty: 0, rateAfter: 0 };
  switch (cod.profile) {
    case 'standard':
    case 'expedite':
      return { rateBefore: cod.rate, turn: Number.POSITIVE_INFINITY, penalty: 0, rateAfter: cod.rate };
    case 'fixed-date':
      return { rateBefore: 0, turn: cod.deadline, penalty: cod.penalty ?? 0, rateAfter: cod.rate ?? 0 };
    case 'intangible':
      return { rateBefore: cod.rate, turn: cod.after, penalty: 0, rateAfter: cod.laterRate };
  }
}

export function compileEconomics(scenario: Scenario): Economics {
  const parts = scenario.demand.map((d) => piecewise(d.costOfDelay));
  return {
    rateBefore: Float64Array.from(parts, (p) => p.rateBefore),
    turn: Float64Array.from(parts, (p) => p.turn),
    penalty: Float64Array.from(parts, (p) => p.penalty),
    rateAfter: Float64Array.from(parts, (p) => p.rateAfter),
    dated: Uint8Array.from(scenario.demand, (d) => (d.costOfDelay?.profile === 'fixed-date' ? 1 : 0)),
    value: scenario.demand.map((d) => (d.value === undefined ? undefined : makeSampler(d.value))),
  };
}

/** The cost of delay of an item of class c done at age a (its lead time). */
export function delayCost(e: Economics, c: number, a: number): number {
  const turn = e.turn[c];
  if (!(a > turn)) return e.rateBefore[c] * a;
  return e.rateBefore[c] * turn + e.penalty[c] + e.rateAfter[c] * (a - turn);
}

/** The cost of delay per time unit an item of class c incurs at age a (WSJF's numerator). */
export function delayRate(e: Economics, c: number, a: number): number {
  return a < e.turn[c] ? e.rateBefore[c] : e.rateAfter[c];
}

/**
 * An item of class c that arrived in the window is done at age `lead`: its cost of delay, its
 * value (drawn from the class's own stream) and, for a dated class, whether it was late.
 */
export function recordEconomics(
  e: Economics,
  out: EconomicsOutcome,
  c: number,
  lead: number,
  valueStream: Random | undefined,
): void {
  out.costOfDelay[c] += delayCost(e, c, lead);
  const sampler = e.value[c];
  const value = sampler && valueStream ? sampler(valueStream) : 0;
  out.value[c] += value;
  if (e.dated[c] === 0) return;
  out.dated++;
  const late = lead - e.turn[c];
  if (late > 0) {
    out.late++;
    out.lateness += late;
    out.valueLate += value;
  }
}
