/**
 * What a comparison's economics card shows: each variant's money in the report's words
 * (src/report/economics.ts), and under the baseline's other variants' cost of delay, cost of
 * capacity, total cost and value delivered, the paired difference from the baseline in the
 * words of the comparison (src/report/comparison.ts): the amount with its interval, then the
 * percentage; and under the work they turned away, whether it or the baseline turned more
 * away (src/report/turned-away.ts). Nothing is computed here.
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

/**
 * Each variant with economics, its rows and (but the baseline's) its differences; empty if none
 * has any. Where a variant with economics turned work away, every variant says how much it
 * turned away ("none" too), and under a variant's the report says which of it and the baseline
 * turned more away, and what that does to the money.
 */
export function economicsComparison(c: Comparison): EconomicsVariant[] {
  const report = comparisonReport(c);
  const turnedAway = c.variants.some((v) => v.result.economics?.turnedAway);
  return c.variants.flatMap((v, i) => {
    const lines = economicsLines(v.result, turnedAway);
    if (lines.length === 0) return [];
    const { findings, turnedAway: said } = report.variants[i];
    const note = (line: EconomicsLine) => {
      if (line.key === 'turned-away') return said === undefined ? undefined : sentence(said);
      const f = findings.find((x) => x.measure === MEASURE[line.key]);
      return f ? differenceSentence(f) : undefined;
    };
    return [
      {
        variant: v.name,
        baseline: i === 0,
        rows: lines.map((line) => {
          const difference = note(line);
          return {
            key: line.key,
            label: line.part ? `· ${line.label}` : line.label.charAt(0).toUpperCase() + line.label.slice(1),
            text: line.text,
            part: line.part,
            ...(difference === undefined ? {} : { difference }),
          };
        }),
      },
    ];
  });
}

/**
 * The report's words as a sentence. It starts with a variant's name, which is the user's and
 * kept as written: "iOS team turned away more work", never "IOS team".
 */
const sentence = (said: string) => `${said}.`;
