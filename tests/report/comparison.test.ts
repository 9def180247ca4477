/**
 * A comparison's findings are worded once and laid out twice: the terminal's line and the
 * page's sentence carry the same words for every kind of difference.
 */
import { describe, expect, it } from 'vitest';
import { describeComparison } from '../../src/cli/commands/compare.ts';
import type { Comparison, Difference } from '../../src/index.ts';
import { compare } from '../../src/index.ts';
import { CHANCE, comparisonReport, finding, TOO_WIDE } from '../../src/report/comparison.ts';
import { differenceSentence } from '../../web/viewmodel/sentences.ts';
import { quickDocument } from '../web/results-fixture.ts';

const subject = { variant: 'network', baseline: 'ring', measure: 'leadTime', unit: 'days' } as const;

describe('a finding', () => {
  it('says a time is shorter or longer and a rate lower or higher', () => {
    const d: Difference = { diff: -2, ci95: [-3, -1], relative: -0.2, relativeCi95: [-0.3, -0.1] };
    expect(finding(d, subject)).toMatchObject({
      label: 'mean lead time',
      change: '20% shorter',
      interval: { kind: 'clear', range: '10% to 30%', word: 'shorter', tooWide: false },
    });
    expect(finding(d, { ...subject, measure: 'throughput' })).toMatchObject({
      label: 'throughput',
      change: '20% lower',
    });
  });

  it('says an interval across no difference could be chance, naming both sides', () => {
    const d: Difference = { diff: 0.1, ci95: [-1, 1], relative: 0.0042, relativeCi95: [-0.05, 0.06] };
    expect(finding(d, subject)).toMatchObject({
      change: '0.42% longer',
      interval: { kind: 'chance', range: 'from 5% shorter to 6% longer' },
    });
  });

  it('flags an interval past 100% shorter as too wide, and only that', () => {
    const wide: Difference = { diff: -9, ci95: [-10, -8], relative: -0.9, relativeCi95: [-1.2, -0.6] };
    const narrow: Difference = { diff: -9, ci95: [-10, -8], relative: -0.9, relativeCi95: [-1, -0.8] };
    expect(finding(wide, subject).interval).toMatchObject({ tooWide: true });
    expect(finding(narrow, subject).interval).toMatchObject({ tooWide: false });
  });
});

describe('the terminal and the page', () => {
  const differences: Difference[] = [
    { diff: -2, ci95: [-3, -1], relative: -0.2, relativeCi95: [-0.3, -0.1] },
    { diff: 0.1, ci95: [-1, 1], relative: 0.0042, relativeCi95: [-0.05, 0.06] },
    { diff: -9, ci95: [-10, -8], relative: -0.9, relativeCi95: [-1.2, -0.6] },
    { diff: -1, ci95: null, relative: -0.1, relativeCi95: null },
    { diff: 0.5, ci95: [0.4, 0.6], relative: null, relativeCi95: null },
  ];

  it('use the same words for every kind of difference', () => {
    const c = compare([
      { name: 'ring', scenario: quickDocument('token-ring') },
      { name: 'network', scenario: quickDocument('dynamic-network') },
    ]);
    for (const d of differences) {
      const variant = c.variants[1];
      const forged: Comparison = {
        ...c,
        variants: [c.variants[0], { ...variant, vsBaseline: { leadTime: d, throughput: d } }],
      };
      const terminal = describeComparison(forged);
      for (const f of comparisonReport(forged).variants[1].findings) {
        const page = differenceSentence(f);
        for (const words of [f.change ?? 'the same as', f.interval?.kind === 'chance' ? CHANCE : '']) {
          expect(terminal).toContain(words);
          expect(page).toContain(words);
        }
        const i = f.interval;
        if (i?.kind === 'clear' || i?.kind === 'chance') {
          expect(terminal).toContain(i.range);
          expect(page).toContain(i.range);
        }
        if (i?.kind === 'clear' && i.tooWide) {
          expect(terminal).toContain(TOO_WIDE);
          expect(page).toContain(TOO_WIDE);
        }
      }
    }
  });

  it('lay out a real comparison: a line per measure in the terminal', () => {
    const c = compare([
      { name: 'ring', scenario: quickDocument('token-ring') },
      { name: 'network', scenario: quickDocument('dynamic-network') },
    ]);
    const [lead, throughput] = comparisonReport(c).variants[1].findings;
    const lines = describeComparison(c).split('\n');
    expect(lines).toContain(
      `network: mean lead time ${lead.change} than ring (95% interval ${
        lead.interval?.kind === 'clear' ? `${lead.interval.range} shorter)` : ''
      }`,
    );
    expect(lines.some((l) => l.startsWith(`         throughput ${throughput.change ?? 'the same as'}`))).toBe(
      true,
    );
  });
});
