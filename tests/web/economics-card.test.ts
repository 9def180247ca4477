/**
 * A comparison's economics card: each variant's money in the report's words, and under the
 * other variants' amounts the paired difference from the baseline, as the amount with its
 * interval and then the percentage (src/report/comparison.ts). The WSJF preset against its
 * queue taken first come, first served: the same people, so the same cost of capacity.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/index.ts';
import { comparisonReport, economicsLines } from '../../src/report/index.ts';
import { economicsComparison } from '../../web/viewmodel/economics-card.ts';
import { differenceSentence } from '../../web/viewmodel/sentences.ts';
import { quickDocument } from './results-fixture.ts';

const wsjf = quickDocument('wsjf-cost-of-delay') as { nodes: { discipline?: string }[] };
const fifo = structuredClone(wsjf);
fifo.nodes[0].discipline = 'fifo';

describe('the economics card of a comparison', () => {
  const c = compare([
    { name: 'wsjf', scenario: wsjf },
    { name: 'fifo', scenario: fifo },
  ]);
  const shown = economicsComparison(c);

  it("shows each variant's lines in the report's words, the baseline's without differences", () => {
    expect(shown.map((v) => [v.variant, v.baseline])).toEqual([
      ['wsjf', true],
      ['fifo', false],
    ]);
    shown.forEach((v, i) => {
      const lines = economicsLines(c.variants[i].result);
      expect(v.rows.map((r) => [r.key, r.text, r.part])).toEqual(lines.map((l) => [l.key, l.text, l.part]));
    });
    expect(shown[0].rows.map((r) => r.label)).toEqual([
      'Cost of delay',
      '· feature',
      '· improvement',
      '· upkeep',
      'Cost of capacity',
      '· product-team',
      'Total cost',
      'Value delivered',
    ]);
    expect(shown[0].rows.every((r) => r.difference === undefined)).toBe(true);
  });

  it("puts each money difference under the amount it is about, and no other's", () => {
    const findings = comparisonReport(c).variants[1].findings;
    const said = (measure: string) => {
      const f = findings.find((x) => x.measure === measure);
      if (!f) throw new Error(`fifo has a difference in ${measure}`);
      return differenceSentence(f);
    };
    expect(shown[1].rows.map((r) => [r.key, r.difference])).toEqual([
      ['cost-of-delay', said('costOfDelay')],
      ['class', undefined],
      ['class', undefined],
      ['class', undefined],
      ['capacity', said('capacityCost')],
      ['node', undefined],
      ['total', said('totalCost')],
      ['value', said('value')],
    ]);
    expect(said('costOfDelay')).toMatch(
      /^Fifo’s cost of delay is [\d,]+ (more|less) than wsjf’s, \d+% (higher|lower)/,
    );
    expect(said('capacityCost')).toBe('Fifo’s cost of capacity is the same as wsjf’s.');
  });

  it('is empty where no variant has economics', () => {
    const ring = quickDocument('token-ring');
    expect(
      economicsComparison(
        compare([
          { name: 'a', scenario: ring },
          { name: 'b', scenario: ring },
        ]),
      ),
    ).toEqual([]);
  });
});
