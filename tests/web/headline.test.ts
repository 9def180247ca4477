import { describe, expect, it } from 'vitest';
import { LITTLES_LAW_TOLERANCE, littlesLawOff } from '../../src/metrics/littles-law.ts';
import { loopOf } from '../../src/report/loops.ts';
import { headlines, runSummary } from '../../web/viewmodel/headline.ts';
import { quickResult } from './results-fixture.ts';

describe('the headline numbers', () => {
  const r = quickResult('token-ring');
  const byKey = Object.fromEntries(headlines(r).map((x) => [x.key, x]));

  it('are the six a coach reads out first, in order', () => {
    expect(headlines(r).map((x) => x.key)).toEqual([
      'lead-time-mean',
      'lead-time-p85',
      'throughput',
      'wip',
      'flow-efficiency',
      'littles-law',
    ]);
  });

  it('each belong to a loop of measurement: flow efficiency across teams, the rest to the outcomes', () => {
    expect(headlines(r).map((x) => [x.key, loopOf(x.section)])).toEqual([
      ['lead-time-mean', 'outer'],
      ['lead-time-p85', 'outer'],
      ['throughput', 'outer'],
      ['wip', 'outer'],
      ['flow-efficiency', 'middle'],
      ['littles-law', 'outer'],
    ]);
  });

  it('give the mean lead time with its 95% interval, in the scenario’s unit', () => {
    expect(byKey['lead-time-mean'].value).toMatch(/^\d[\d.,]* days$/);
    expect(byKey['lead-time-mean'].interval).toMatch(/^95% interval [\d.,]+ days to [\d.,]+ days$/);
    expect(byKey.throughput.value).toMatch(/ per day$/);
  });

  it('say whether Little’s law holds, within 10%', () => {
    const holds = headlines({
      ...r,
      littlesLaw: { wip: 10, throughputTimesLeadTime: 10.2, relativeDifference: -0.0196 },
    });
    expect(holds.find((x) => x.key === 'littles-law')?.value).toBe('holds (−2%)');
    const off = headlines({
      ...r,
      littlesLaw: { wip: 10, throughputTimesLeadTime: 14, relativeDifference: -0.286 },
    });
    expect(off.find((x) => x.key === 'littles-law')).toMatchObject({ value: 'off by −29%', tone: 'warn' });
  });

  it('say Little’s law is off where the result warns that it is: one tolerance for both', () => {
    const check = (relativeDifference: number) =>
      headlines({ ...r, littlesLaw: { wip: 10, throughputTimesLeadTime: 10, relativeDifference } }).find(
        (x) => x.key === 'littles-law',
      )?.tone;
    expect(check(LITTLES_LAW_TOLERANCE)).toBe('plain');
    expect(check(-LITTLES_LAW_TOLERANCE * 1.001)).toBe('warn');
    expect(littlesLawOff(LITTLES_LAW_TOLERANCE * 1.001)).toBe(true);
  });

  it('flag a low flow efficiency', () => {
    expect(headlines({ ...r, flowEfficiency: 0.08 }).find((x) => x.key === 'flow-efficiency')?.tone).toBe(
      'warn',
    );
  });

  it('summarise the run in one line', () => {
    expect(runSummary(r)).toBe(
      `Token-ring pipeline: 3 replications of 300 days (warm-up 30), seed 7, fixed routing; bottleneck ${r.bottleneck}.`,
    );
  });
});
