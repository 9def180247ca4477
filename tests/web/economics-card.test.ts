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
import { turnedAwayTeam } from '../turned-away-team.ts';
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

describe('the economics card of a comparison in which one variant turns work away', () => {
  const team = (whenFull: 'wait' | 'reject') => turnedAwayTeam(whenFull, whenFull);
  const c = compare([
    { name: 'wait', scenario: team('wait') },
    { name: 'reject', scenario: team('reject') },
  ]);
  const shown = economicsComparison(c);
  const turnedAway = (v: number) => shown[v].rows.filter((r) => r.key === 'turned-away');

  it('says first, for every variant, the work it turned away: "none" for the one that turned none away', () => {
    expect(shown.map((v) => v.rows[0].key)).toEqual(['turned-away', 'turned-away']);
    expect(turnedAway(0).map((r) => [r.label, r.text])).toEqual([['Turned away', 'none']]);
    const line = economicsLines(c.variants[1].result).find((l) => l.key === 'turned-away');
    expect(turnedAway(1).map((r) => r.text)).toEqual([line?.text]);
    expect(line?.text).toMatch(/^\d+ items per replication \(\d+% of arrivals\), worth about [\d,]+/);
  });

  it('says under the variant’s line which turned more away, in the report’s words, and the money’s differences where they were', () => {
    const report = comparisonReport(c).variants[1];
    const said = report.turnedAway ?? '';
    expect(said).toMatch(
      /^reject turned away more work than wait: .+; its lower cost of delay is partly work not done/,
    );
    expect(turnedAway(1)[0].difference).toBe(`${said}.`);
    expect(turnedAway(0)[0].difference).toBeUndefined();
    const delay = report.findings.find((f) => f.measure === 'costOfDelay');
    expect(shown[1].rows.find((r) => r.key === 'cost-of-delay')?.difference).toBe(
      delay ? differenceSentence(delay) : 'a difference in cost of delay',
    );
  });

  it('keeps a variant’s name as it was written at the start of the sentence', () => {
    const teams = economicsComparison(
      compare([
        { name: 'Android team', scenario: team('wait') },
        { name: 'iOS team', scenario: team('reject') },
      ]),
    );
    const note = teams[1].rows.find((r) => r.key === 'turned-away')?.difference;
    expect(note).toMatch(/^iOS team turned away more work than Android team: .+\.$/);
  });

  it('says no work turned away where no variant turned any away', () => {
    const waits = compare([
      { name: 'wait', scenario: team('wait') },
      { name: 'wait too', scenario: team('wait') },
    ]);
    expect(economicsComparison(waits).flatMap((v) => v.rows.filter((r) => r.key === 'turned-away'))).toEqual(
      [],
    );
  });
});
