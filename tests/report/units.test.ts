/**
 * A scenario may name its time unit in the singular or the plural ("day", "days"); either
 * way every report says "items per day" and "(days)", never "per days" or "(dayss)".
 */
import { describe, expect, it } from 'vitest';
import { describeComparison } from '../../src/cli/commands/compare.ts';
import { describeResult } from '../../src/cli/commands/run.ts';
import { describeSweep } from '../../src/cli/commands/sweep.ts';
import { compare, parseAxis, type SweepAxis, simulate, sweep } from '../../src/index.ts';
import { formatRate } from '../../web/viewmodel/format.ts';
import { headlines } from '../../web/viewmodel/headline.ts';
import { quickDocument } from '../web/results-fixture.ts';

const inDays = { ...quickDocument('token-ring'), timeUnit: 'days' };
const forms = /per days|dayss|\(day\)/;

describe('a time unit named in the plural', () => {
  it('reads the same in run, compare and sweep', () => {
    const run = describeResult(simulate(inDays));
    expect(run).toContain(' items per day\n');
    expect(run).toContain('time (days)');
    const comparison = describeComparison(
      compare([
        { name: 'ring', scenario: inDays },
        { name: 'network', scenario: { ...quickDocument('dynamic-network'), timeUnit: 'days' } },
      ]),
    );
    expect(comparison).toContain('throughput (per day)');
    expect(comparison).toContain('mean lead time (days)');
    const axis = parseAxis('nodes.analysts.capacity=2,3') as SweepAxis;
    const swept = describeSweep(sweep(inDays, [axis], { replications: 2 }));
    expect(swept).toContain('mean lead time (days)');
    expect(swept).toContain('throughput (per day)');
    for (const text of [run, comparison, swept]) expect(text).not.toMatch(forms);
  });

  it('reads the same on the page', () => {
    expect(formatRate(0.8, 'days')).toBe('0.8 per day');
    const r = simulate(inDays);
    const throughput = headlines(r).find((x) => x.key === 'throughput');
    expect(throughput?.value).toMatch(/ per day$/);
    expect(throughput?.note).toMatch(/^items done per day;/);
  });
});
