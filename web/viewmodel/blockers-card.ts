/**
 * What the blockers card shows, from the report's blocker rows (src/report/blockers.ts): at
 * each node with a blocker, what its person does with a blocked item, how many items were
 * blocked there and for how long, and their blocked time's share of lead time; then the
 * total. In a comparison, each variant's, with the paired difference in the share of lead
 * time blocked (src/report/comparison.ts). Nothing is computed here.
 */
import type { Comparison } from '../../src/index.ts';
import { type BlockerReport, blockerReports, comparisonReport, unitName } from '../../src/report/index.ts';
import { differenceSentence } from './sentences.ts';

export interface BlockerRow {
  /** The node's id, or "all". */
  key: string;
  /** "review", "In all". */
  label: string;
  /** "held" or "put aside" (absent for the total). */
  policy?: string;
  text: string;
}

export interface BlockersVariant {
  variant: string;
  baseline: boolean;
  rows: BlockerRow[];
  /** How the variant's share of lead time blocked differs from the baseline's. */
  difference?: string;
}

/** A run's rows: empty without a blocker. `timeUnit` is the result's ("day"). */
export function blockerRows(reports: readonly BlockerReport[], timeUnit: string): BlockerRow[] {
  const units = unitName(timeUnit, 2);
  return reports.map((b) =>
    b.where === 'all'
      ? {
          key: 'all',
          label: 'In all',
          text: `${b.time} ${units} blocked per item done; ${b.share} of lead time`,
        }
      : {
          key: b.where,
          label: b.where,
          policy: b.policy,
          text: `${b.blocked} of items blocked and ${b.policy} while blocked, for ${b.time} ${units} on average; ${b.share} of lead time`,
        },
  );
}

/** Each variant with a blocker, its rows and (but the baseline's) its difference; empty if none has one. */
export function blockersComparison(c: Comparison): BlockersVariant[] {
  const report = comparisonReport(c);
  return c.variants.flatMap((v, i) => {
    const rows = blockerRows(blockerReports(v.result), v.result.timeUnit);
    if (rows.length === 0) return [];
    const f = report.variants[i].blockers[0];
    return [
      { variant: v.name, baseline: i === 0, rows, ...(f ? { difference: differenceSentence(f) } : {}) },
    ];
  });
}
