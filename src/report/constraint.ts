/**
 * Where the constraint is, the middle loop's question: the node that holds items longest in
 * its queue (at least 5% of their lead time; below that, waits are small everywhere). One run
 * names it, and says so when it is not the busiest node, and where the bottleneck moved
 * between time windows; a comparison names each variant's constraint and says whether it
 * moved from the baseline's. Worded once for the terminal and the page.
 */
import type { SimulationResult } from '../experiment/result.ts';
import { number, percent } from './numbers.ts';
import { CONSTRAINT_SHARE, constraintPhrase, longestWait, type Verdict } from './verdict.ts';

/** One run's constraint, after the word "constraint": "review, where items spend ...". */
export function constraintSentence(r: SimulationResult, v: Verdict): string {
  const c = v.constraint;
  if (c)
    return (
      `${constraintPhrase(c)}, ` +
      `though it is ${percent(c.utilization)} busy (the busiest node, ${c.busiest}, holds them ${percent(c.busiestWaitShare)})`
    );
  const node = longestWait(r);
  if (node === undefined)
    return `none, no node holds items for ${percent(CONSTRAINT_SHARE, 0)} of their lead time (the busiest, ${r.bottleneck}, is ${percent(r.nodes[r.bottleneck]?.utilization ?? 0)} busy)`;
  const n = r.nodes[node];
  return `${node}, where items spend ${percent(n.waitShareOfLeadTime)} of their lead time waiting; it is the busiest node too (${percent(n.utilization)} busy)`;
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

/** One line when the bottleneck moves between windows: where it was, and when. */
export function bottleneckMoves(r: SimulationResult): string | undefined {
  const runs: { node: string; from: number; to: number }[] = [];
  for (const w of r.bottlenecks) {
    const last = runs[runs.length - 1];
    if (last && last.node === w.node) last.to = w.to;
    else runs.push({ node: w.node, from: w.from, to: w.to });
  }
  if (runs.length < 2) return undefined;
  if (runs.length <= 4)
    return `the bottleneck moves: ${runs.map((x) => `${x.node} (${number(x.from)}–${number(x.to)})`).join(' → ')}`;
  // Many changes: nodes take turns, so say how often each was the bottleneck.
  const share = new Map<string, number>();
  for (const w of r.bottlenecks) share.set(w.node, (share.get(w.node) ?? 0) + 1 / r.bottlenecks.length);
  const parts = [...share].sort((a, b) => b[1] - a[1]).map(([node, s]) => `${node} ${percent(s, 0)}`);
  return `bottleneck by time window (${r.bottlenecks.length} windows): ${parts.join(', ')}`;
}
