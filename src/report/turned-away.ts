/**
 * Work turned away, in a comparison of money. The cost of delay and the value count only work
 * done (experiment/economics.ts), so of two variants the one that turns more work away at a
 * full first node pays less delay for the work it did not do: a coach reading the totals alone
 * would pick it. Said once here for the terminal and the page.
 */
import type { SimulationResult } from '../experiment/result.ts';
import { number, percent } from './numbers.ts';

/** The name of the work turned away, in a run's lines and a sweep's column. */
export const TURNED_AWAY = 'turned away';

interface Named {
  name: string;
  result: SimulationResult;
}

/** Items turned away per replication, as every table and sentence says them (`rejected` is their total over replications). */
export function turnedAwayPerReplication(r: SimulationResult): number {
  return r.replications > 0 ? r.rejected / r.replications : 0;
}

/**
 * Where both have economics and one turned more work away than the other: which, how much of
 * each, and what that does to its money. "reject turned away more work than wait: 107 items
 * per replication (23% of arrivals) against none; its lower cost of delay is partly work not
 * done, and the work it turned away was worth about 107,400 per replication (an estimate)".
 * Where both turned the same number away but not the same work, which turned away the more
 * valuable (sameCountComparison).
 */
export function turnedAwayComparison(baseline: Named, variant: Named): string | undefined {
  const a = baseline.result.economics;
  const b = variant.result.economics;
  if (!a || !b) return undefined;
  const variantMore = turnedAwayPerReplication(variant.result) > turnedAwayPerReplication(baseline.result);
  const [more, less] = variantMore
    ? [
        { ...variant, e: b },
        { ...baseline, e: a },
      ]
    : [
        { ...baseline, e: a },
        { ...variant, e: b },
      ];
  const turned = turnedAwayPerReplication(more.result);
  const fewer = turnedAwayPerReplication(less.result);
  if (turned === fewer) return sameCountComparison(baseline, variant);
  const items = `${number(turned)} items per replication (${percent(more.result.rejectionRate)} of arrivals) against ${fewer === 0 ? 'none' : `${number(fewer)} (${percent(less.result.rejectionRate)})`}`;
  const money =
    more.e.costOfDelay.total < less.e.costOfDelay.total
      ? 'its lower cost of delay is partly work not done'
      : 'its cost of delay and value count only the work it did';
  const worth = more.e.turnedAway?.value;
  const other = less.e.turnedAway?.value ?? 0;
  const value =
    worth === undefined
      ? ''
      : `, and the work it turned away was worth about ${number(worth)} per replication${other > 0 ? ` against ${number(other)}` : ''} (an estimate)`;
  return `${more.name} turned away more work than ${less.name}: ${items}; ${money}${value}`;
}

/**
 * Both turned the same number of items away, but a different mix of classes: the totals of
 * items say nothing, yet the one that turned away the more valuable work pays no delay for
 * it. "reject turned away more valuable work than wait: the same 62 items per replication
 * (14% of arrivals), worth about 411,800 against 168,800 (an estimate); its lower cost of
 * delay is partly that". Nothing where none was turned away, or the worths are the same.
 */
function sameCountComparison(baseline: Named, variant: Named): string | undefined {
  const worthOf = (n: Named) => n.result.economics?.turnedAway?.value ?? 0;
  if (turnedAwayPerReplication(baseline.result) === 0 || worthOf(baseline) === worthOf(variant))
    return undefined;
  const [more, less] = worthOf(variant) > worthOf(baseline) ? [variant, baseline] : [baseline, variant];
  const delay = (n: Named) => n.result.economics?.costOfDelay.total ?? 0;
  const money =
    delay(more) < delay(less)
      ? 'its lower cost of delay is partly that'
      : 'its cost of delay and value count only the work it did';
  // Of arrivals that differ, the same count is a different share of each.
  const share = percent(more.result.rejectionRate);
  const otherShare = percent(less.result.rejectionRate);
  return (
    `${more.name} turned away more valuable work than ${less.name}: the same ${number(turnedAwayPerReplication(more.result))} items per replication ` +
    `(${share} of arrivals${otherShare === share ? '' : ` against ${otherShare}`}), worth about ${number(worthOf(more))} against ${number(worthOf(less))} (an estimate); ${money}`
  );
}
