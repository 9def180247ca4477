/**
 * The lean findings: said when their mechanism left a trace, and printed by the terminal in
 * the words the page shows.
 */
import { describe, expect, it } from 'vitest';
import { describeResult } from '../../src/cli/commands/run.ts';
import { leanFindings } from '../../src/report/lean.ts';
import { quickResult } from '../web/results-fixture.ts';

const keys = (id: string) => leanFindings(quickResult(id)).map((f) => f.key);

describe('lean findings', () => {
  it('name each mechanism that left a trace, and only those', () => {
    expect(keys('batch-release')).toEqual(expect.arrayContaining(['rework', 'blast-radius']));
    expect(keys('wip-limits-pull')).toContain('backlog');
    expect(keys('outages-routing')).toContain('outages');
    expect(keys('token-ring')).not.toContain('rework');
    expect(keys('token-ring')).not.toContain('backlog');
  });

  it('say how many arrivals were turned away per replication, and what share', () => {
    const r = { ...quickResult('token-ring'), replications: 5, rejected: 12, rejectionRate: 0.05 };
    expect(leanFindings(r).find((f) => f.key === 'rejected')?.text).toBe(
      '2.4 arrivals per replication (5% of all arrivals) found their first node full',
    );
  });

  it('give outages as a time in the scenario’s unit', () => {
    const r = { ...quickResult('token-ring'), timeLostToOutages: 1, timeUnit: 'hours' };
    expect(leanFindings(r).find((f) => f.key === 'outages')?.text).toBe(
      '1 hour of node time lost per replication',
    );
  });

  it('give the age of work left in progress as times in the scenario’s unit', () => {
    const r = {
      ...quickResult('token-ring'),
      timeUnit: 'days',
      workItemAge: { count: 32, mean: 25, p50: 22.2, p85: 38.4, max: 61.9 },
    };
    expect(leanFindings(r).find((f) => f.key === 'work-item-age')?.text).toBe(
      '32 items in progress when arrivals stopped, aged: p50 22.2 days, p85 38.4 days, oldest 61.9 days',
    );
  });

  it('are printed by the terminal under the flow metrics, each on its own line', () => {
    for (const id of ['batch-release', 'wip-limits-pull', 'outages-routing', 'token-ring']) {
      const r = quickResult(id);
      const lines = describeResult(r).split('\n');
      const found = leanFindings(r);
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) expect(lines).toContain(`${f.label.padEnd(16)} ${f.text}`);
    }
  });
});
