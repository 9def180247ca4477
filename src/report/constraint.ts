/**
 * Where the constraint is, the middle loop's question: the node that holds items longest in
 * its queue (at least 5% of their lead time; below that, waits are small everywhere). One run
 * names it, and says so when it is not the busiest node; a comparison names each variant's
 * and says whether it moved from the baseline's. Worded once for the terminal and the page.
 */
import type { SimulationResult } from '../experiment/result.ts';
import { percent } from './numbers.ts';
import { CONSTRAINT_SHARE, constraintPhrase, longestWait, type Verdict } from './verdict.ts';

/** One run's constraint in a sentence: "constraint: review, where items spend ...". */
export function constraintSentence(r: SimulationResult, v: Verdict): string {
  const c = v.constraint;
  if (c)
    return (
      `constraint: ${constraintPhrase(c)}, ` +
      `though it is ${percent(c.utilization)} busy (the busiest node, ${c.busiest}, holds them ${percent(c.busiestWaitShare)})`
    );
  const node = longestWait(r);
  if (node === undefined)
    return `constraint: none, no node holds items for ${percent(CONSTRAINT_SHARE, 0)} of their lead time (the busiest, ${r.bottleneck}, is ${percent(r.nodes[r.bottleneck]?.utilization ?? 0)} busy)`;
  const n = r.nodes[node];
  return `constraint: ${node}, where items spend ${percent(n.waitShareOfLeadTime)} of their lead time waiting; it is the busiest node too (${percent(n.utilization)} busy)`;
}

/** A variant's constraint for a table's cell: "review 19%" (its wait share), or "none". */
export function constraintCell(r: SimulationResult): string {
  const node = longestWait(r);
  return node === undefined ? 'none' : `${node} ${percent(r.nodes[node].waitShareOfLeadTime)}`;
}

/**
 * Whether the constraint moved from the baseline's: "the constraint moved from review to
 * test", "the constraint stayed at review", or that there is none in one or the other.
 */
export function constraintMove(
  baseline: { name: string; result: SimulationResult },
  variant: SimulationResult,
): string {
  const before = longestWait(baseline.result);
  const after = longestWait(variant);
  const small = `items wait under ${percent(CONSTRAINT_SHARE, 0)} of their lead time at every node`;
  if (before === undefined)
    return after === undefined
      ? `no constraint, as in ${baseline.name}: ${small}`
      : `the constraint is ${after}, where ${baseline.name} had none`;
  if (after === undefined) return `no constraint left (${before} in ${baseline.name}): ${small}`;
  return before === after
    ? `the constraint stayed at ${before}, as in ${baseline.name}`
    : `the constraint moved from ${before} (in ${baseline.name}) to ${after}`;
}
