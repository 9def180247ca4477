import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/experiment/csv.ts';
import { compare, parseScenario, simulate } from '../../src/index.ts';
import { comparisonCsv, nodesCsv, seriesCsv, summaryCsv } from '../../web/viewmodel/csv.ts';
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
    // Where the time goes, beside how busy each node was.
    const [header, first] = rows(nodesCsv(r)).map((l) => l.split(','));
    const id = first[0];
    expect(Number(first[header.indexOf('wait_share_of_lead_time')])).toBe(r.nodes[id].waitShareOfLeadTime);
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

  it('a time unit or variant name from a shared link cannot become a live formula', () => {
    const formula = '=HYPERLINK("http://evil.example","open")';
    // The schema accepts only known units, but a result can come from a file someone edited.
    expect(parseScenario({ ...quickDocument('token-ring'), timeUnit: formula }).ok).toBe(false);
    const r = { ...simulate(quickDocument('token-ring')), timeUnit: formula };
    const summary = cells(summaryCsv(r));
    expect(summary.find((row) => row[0] === 'lead_time_mean')?.[4]).toBe(`'${formula}`);
    expect(summary.flat().filter(startsFormula)).toEqual([]);
    const c = compare([
      { name: '@SUM(1)', scenario: quickDocument('token-ring') },
      { name: '-1+1', scenario: quickDocument('dynamic-network') },
    ]);
    const [, base, other] = cells(comparisonCsv(c));
    expect([base[0], other[0]]).toEqual(["'@SUM(1)", "'-1+1"]);
    // Genuine negative numbers are still numbers.
    expect(other.slice(1).some((x) => x.startsWith('-') && Number.isFinite(Number(x)))).toBe(true);
  });
});

/** A cell a spreadsheet would read as a formula: it starts with = + - @ tab or CR, and is not a number. */
function startsFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !Number.isFinite(Number(cell));
}

/** CSV read back as a spreadsheet reads it (RFC 4180: quoted cells, doubled quotes). */
function cells(csv: string): string[][] {
  const out: string[][] = [[]];
  let i = 0;
  while (i < csv.length) {
    let cell = '';
    if (csv[i] === '"') {
      i++;
      while (i < csv.length && !(csv[i] === '"' && csv[i + 1] !== '"')) {
        cell += csv[i];
        i += csv[i] === '"' ? 2 : 1;
      }
      i++;
    } else while (i < csv.length && !/[,\r\n]/.test(csv[i])) cell += csv[i++];
    out[out.length - 1].push(cell);
    if (csv[i] === ',') i++;
    else if (csv.startsWith('\r\n', i)) {
      i += 2;
      if (i < csv.length) out.push([]);
    }
  }
  return out;
}
