import { describe, expect, it } from 'vitest';
import { compare } from '../../src/index.ts';
import { comparisonCsv, nodesCsv, seriesCsv, summaryCsv, toCsv } from '../../web/viewmodel/csv.ts';
import { quickDocument, quickResult } from './results-fixture.ts';

const rows = (csv: string) => csv.trimEnd().split('\r\n');

describe('CSV exports', () => {
  it('quote what needs quoting and leave missing numbers empty', () => {
    expect(toCsv([['a,b', 'say "hi"', null, Number.NaN, 1.5]])).toBe('"a,b","say ""hi""",,,1.5\r\n');
  });

  it('summary: one metric per row, in full precision, with its interval', () => {
    const r = quickResult('token-ring');
    const lead = rows(summaryCsv(r)).find((l) => l.startsWith('lead_time_mean,'));
    expect(lead).toBe(
      `lead_time_mean,${r.leadTime.mean},${r.leadTime.ci95?.[0]},${r.leadTime.ci95?.[1]},day`,
    );
  });

  it('nodes and series: one row per node, one per sample', () => {
    const r = quickResult('token-ring');
    expect(rows(nodesCsv(r))).toHaveLength(1 + Object.keys(r.nodes).length);
    const series = rows(seriesCsv(r));
    expect(series).toHaveLength(1 + r.series.t.length);
    expect(series[0].split(',')).toContain('queue:developers');
  });

  it('comparison: one row per variant, the baseline without differences', () => {
    const c = compare([
      { name: 'ring', scenario: quickDocument('token-ring') },
      { name: 'network', scenario: quickDocument('dynamic-network') },
    ]);
    const [, base, other] = rows(comparisonCsv(c));
    expect(
      base
        .split(',')
        .slice(8)
        .every((x) => x === ''),
    ).toBe(true);
    expect(Number(other.split(',')[9])).toBe(c.variants[1].vsBaseline?.leadTime.relative);
  });
});
