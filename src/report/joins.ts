/**
 * What a result says about its parallel steps, worded once for the terminal and the page:
 * at each join, how long items waited for their slowest branch, how long the whole parallel
 * step took, and which branch made them wait (the share of items it was the last to be done
 * for, the most first). Empty for a result without parallel steps.
 */
import type { SimulationResult } from '../experiment/result.ts';
import { percent, unitName, withInterval } from './numbers.ts';

export interface JoinReport {
  /** "join-0", in the result's order. */
  key: string;
  /** "feature, step 2". */
  where: string;
  /** "frontend + backend + platform". */
  branches: string;
  /** The time from an item's first branch done to its last, with its interval: "4.11 ± 0.551". */
  wait: string;
  /** Fork to join: "4.9 ± 0.57". */
  span: string;
  /** The branch most often last to be done. */
  slowest: string;
  /** "backend 64%, frontend 23%, platform 12%". */
  last: string;
  /** "days": the unit of `wait` and `span`. */
  unit: string;
}

export function joinReports(r: SimulationResult): JoinReport[] {
  return (r.joins ?? []).map((j, i) => {
    const last = Object.entries(j.lastShare).sort((a, b) => b[1] - a[1]);
    return {
      key: `join-${i}`,
      where: `${j.class}, step ${j.step + 1}`,
      branches: j.branches.join(' + '),
      wait: withInterval(j.wait.mean, j.wait.ci95),
      span: withInterval(j.span.mean, j.span.ci95),
      slowest: last[0][0],
      last: last.map(([branch, share]) => `${branch} ${percent(share)}`).join(', '),
      unit: unitName(r.timeUnit, 2),
    };
  });
}
