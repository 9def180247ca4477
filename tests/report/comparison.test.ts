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

describe('a difference in money', () => {
  const money = { ...subject, measure: 'costOfDelay' } as const;

  it('is said as the amount with its interval, then as a percentage', () => {
    const d: Difference = {
      diff: 1250928,
      ci95: [749783, 1752073],
      relative: 0.984,
      relativeCi95: [0.71, 1.31],
    };
    expect(finding(d, money)).toEqual({
      variant: 'network',
      baseline: 'ring',
      measure: 'costOfDelay',
      label: 'cost of delay',
      section: 'economics',
      change: '1,250,928 more',
      interval: { kind: 'clear', range: '749,783 to 1,752,073', word: 'more', tooWide: false },
      percent: '98% higher',
    });
    expect(
      finding(
        { diff: -400, ci95: [-900, -150], relative: -0.2, relativeCi95: [-0.45, -0.07] },
        {
          ...money,
          measure: 'value',
        },
      ),
    ).toMatchObject({
      label: 'value delivered',
      change: '400 less',
      interval: { kind: 'clear', range: '150 to 900', word: 'less', tooWide: false },
      percent: '20% lower',
    });
  });

  it('says an amount whose interval runs across nothing could be chance, and none is too wide', () => {
    const d: Difference = { diff: 120, ci95: [-30, 270], relative: 0.005, relativeCi95: [-0.001, 0.011] };
    expect(finding(d, { ...money, measure: 'capacityCost' })).toMatchObject({
      label: 'cost of capacity',
      change: '120 more',
      interval: { kind: 'chance', range: 'from 30 less to 270 more' },
      percent: '0.5% higher',
    });
    const far: Difference = {
      diff: -9000,
      ci95: [-15000, -3000],
      relative: -0.9,
      relativeCi95: [-1.5, -0.3],
    };
    expect(finding(far, { ...money, measure: 'totalCost' }).interval).toMatchObject({ tooWide: false });
  });

  it('has no percentage of a baseline of nothing, nor of no difference', () => {
    const fromNothing = finding({ diff: 500, ci95: [400, 600], relative: null, relativeCi95: null }, money);
    expect(fromNothing.change).toBe('500 more');
    expect(fromNothing).not.toHaveProperty('percent');
    const same = finding({ diff: 0, ci95: [0, 0], relative: 0, relativeCi95: [0, 0] }, money);
    expect(same).toMatchObject({ change: null, interval: null });
    expect(same).not.toHaveProperty('percent');
    expect(finding({ diff: 50, ci95: null, relative: 0.1, relativeCi95: null }, money)).toMatchObject({
      change: '50 more',
      interval: { kind: 'one-replication' },
      percent: '10% higher',
    });
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

  it('say a difference in money as the amount, its interval and the percentage', () => {
    const c = compare([
      { name: 'wsjf', scenario: quickDocument('wsjf-cost-of-delay') },
      { name: 'fifo', scenario: quickDocument('wsjf-cost-of-delay') },
    ]);
    const lead: Difference = { diff: 0, ci95: [0, 0], relative: 0, relativeCi95: [0, 0] };
    const costOfDelay: Difference = {
      diff: 1250928,
      ci95: [749783, 1752073],
      relative: 0.984,
      relativeCi95: [0.71, 1.31],
    };
    const capacityCost: Difference = {
      diff: 120,
      ci95: [-30, 270],
      relative: 0.005,
      relativeCi95: [-0.001, 0.011],
    };
    const forged: Comparison = {
      ...c,
      variants: [
        c.variants[0],
        {
          ...c.variants[1],
          vsBaseline: {
            leadTime: lead,
            throughput: lead,
            costOfDelay,
            capacityCost,
            totalCost: lead,
            value: lead,
          },
        },
      ],
    };
    const lines = describeComparison(forged).split('\n');
    expect(lines).toContain(
      '      cost of delay 1,250,928 more than wsjf (95% interval 749,783 to 1,752,073 more), 98% higher',
    );
    expect(lines).toContain(
      '      cost of capacity 120 more than wsjf (95% interval from 30 less to 270 more: this could be chance), 0.5% higher',
    );
    expect(lines).toContain('      total cost the same as wsjf');
    const findings = comparisonReport(forged).variants[1].findings;
    expect(findings.map((f) => f.measure)).toEqual([
      'leadTime',
      'throughput',
      'costOfDelay',
      'capacityCost',
      'totalCost',
      'value',
    ]);
    expect(findings.slice(2, 4).map(differenceSentence)).toEqual([
      'Fifo’s cost of delay is 1,250,928 more than wsjf’s, 98% higher, 95% interval 749,783 to 1,752,073 more.',
      'Fifo’s cost of capacity is 120 more than wsjf’s, 0.5% higher, but the 95% interval runs from 30 less to 270 more, so this could be chance.',
    ]);
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
