/**
 * What a comparison's economics card shows: each variant's money in the report's words
 * (src/report/economics.ts), and under the baseline's other variants' cost of delay, cost of
 * capacity, total cost and value delivered, the paired difference from the baseline in the
 * words of the comparison (src/report/comparison.ts): the amount with its interval, then the
 * percentage. Nothing is computed here.
 */
import type { Comparison } from '../../src/index.ts';
import {
  comparisonReport,
  type EconomicsLine,
  economicsLines,
  type Measure,
} from '../../src/report/index.ts';
import { differenceSentence } from './sentences.ts';

export interface EconomicsRow {
  key: EconomicsLine['key'];
  /** "Cost of delay", or "· feature" for a class's share (a node's of the cost of capacity). */
  label: string;
  /** The report's line: "1,270,157 ± 170,942 per replication (941 per day, 941 per item)". */
  text: string;
  /** A share of the line above it (src/report/economics.ts). */
  part: boolean;
  /** Under a variant's line, the sentence saying how it differs from the baseline's. */
  difference?: string;
}

export interface EconomicsVariant {
  variant: string;
  baseline: boolean;
  rows: EconomicsRow[];
}

/** Which difference of the comparison's goes with which line; the others have none. */
const MEASURE: Partial<Record<EconomicsLine['key'], Measure>> = {
  'cost-of-delay': 'costOfDelay',
  capacity: 'capacityCost',
  total: 'totalCost',
  value: 'value',
};

/** Each variant with economics, its rows and (but the baseline's) its differences; empty if none has any. */
export function economicsComparison(c: Comparison): EconomicsVariant[] {
  const report = comparisonReport(c);
  return c.variants.flatMap((v, i) => {
    const lines = economicsLines(v.result);
    if (lines.length === 0) return [];
    const findings = report.variants[i].findings;
    return [
      {
        variant: v.name,
        baseline: i === 0,
        rows: lines.map((line) => {
          const f = findings.find((x) => x.measure === MEASURE[line.key]);
          return {
            key: line.key,
            label: line.part ? `· ${line.label}` : line.label.charAt(0).toUpperCase() + line.label.slice(1),
            text: line.text,
            part: line.part,
            ...(f ? { difference: differenceSentence(f) } : {}),
          };
        }),
      },
    ];
  });
}
