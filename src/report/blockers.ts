/**
 * What a result says about blockers, worded once for the terminal and the page: at each node
 * with a blocker, what its person does with a blocked item (holds it or puts it aside), how
 * many of its items were blocked, for how long, and what share of lead time that is; and the
 * share of lead time items spent blocked in all. Empty for a result without blockers.
 */
import type { SimulationResult } from '../experiment/result.ts';
import { number, percent, shareWithInterval, withInterval } from './numbers.ts';

export interface BlockerReport {
  /** The node's id, or "all" for the total. */
  where: string;
  /**
   * "held" (the person waits with the item) or "put aside" (the person takes other work), "put
   * aside, off the WIP limit" where it frees its place meanwhile; empty for the total.
   */
  policy: string;
  /** "23.4%" of the items started there (empty for the total). */
  blocked: string;
  /** Mean blocked time of a blocked item there, or of any item done for the total. */
  time: string;
  /** Blocked time as a share of lead time, with its interval: "12.1% (11.5%–12.8%)". */
  share: string;
}

export function blockerReports(r: SimulationResult): BlockerReport[] {
  const b = r.blockers;
  if (!b) return [];
  const share = (s: { mean: number; ci95: readonly [number, number] | null }) =>
    shareWithInterval(s.mean, s.ci95);
  return [
    ...Object.entries(b.nodes).map(([node, n]) => ({
      where: node,
      policy:
        n.policy === 'hold'
          ? 'held'
          : n.countsAgainstWip === false
            ? 'put aside, off the WIP limit'
            : 'put aside',
      blocked: percent(n.blocked),
      time: number(n.time),
      share: share(n.share),
    })),
    {
      where: 'all',
      policy: '',
      blocked: '',
      time: withInterval(b.perItem.mean, b.perItem.ci95),
      share: share(b.share),
    },
  ];
}
