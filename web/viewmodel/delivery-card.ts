/**
 * What the delivery card shows: DORA's four measures in the report's words
 * (src/report/delivery.ts), each with its interval; in a comparison, each variant's, and
 * under a variant's measure its paired difference from the baseline in the words of the
 * comparison's other differences (src/report/comparison.ts). Nothing is computed here.
 */
import type { Comparison } from '../../src/index.ts';
import {
  comparisonReport,
  type DeliveryLine,
  type DeliveryMeasure,
  deliveryLines,
} from '../../src/report/index.ts';
import { differenceSentence } from './sentences.ts';

export interface DeliveryRow {
  key: DeliveryLine['key'];
  /** "Deployment frequency". */
  label: string;
  /** The report's line: "1.11 ± 0.03 per day (…)". */
  text: string;
  /** In a comparison, the sentence saying how the variant's differs from the baseline's. */
  difference?: string;
}

export interface DeliveryVariant {
  variant: string;
  baseline: boolean;
  rows: DeliveryRow[];
}

/** Which difference of the comparison's goes with which line. */
const MEASURE = {
  'deployment-frequency': 'deploymentFrequency',
  'lead-time-for-changes': 'leadTimeForChanges',
  'change-failure-rate': 'changeFailureRate',
  'time-to-restore': 'timeToRestore',
} as const satisfies Record<DeliveryLine['key'], DeliveryMeasure>;

/** A run's rows: empty without a release. */
export function deliveryRows(lines: readonly DeliveryLine[]): DeliveryRow[] {
  return lines.map((line) => ({
    key: line.key,
    label: line.label.charAt(0).toUpperCase() + line.label.slice(1),
    text: line.text,
  }));
}

/** Each variant with a release, its rows and (but the baseline's) its differences; empty if none has one. */
export function deliveryComparison(c: Comparison): DeliveryVariant[] {
  const report = comparisonReport(c);
  return c.variants.flatMap((v, i) => {
    const rows = deliveryRows(deliveryLines(v.result));
    if (rows.length === 0) return [];
    const findings = report.variants[i].delivery;
    return [
      {
        variant: v.name,
        baseline: i === 0,
        rows: rows.map((row) => {
          const f = findings.find((x) => x.measure === MEASURE[row.key]);
          return f ? { ...row, difference: differenceSentence(f) } : row;
        }),
      },
    ];
  });
}
