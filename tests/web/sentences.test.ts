import { describe, expect, it } from 'vitest';
import type { Difference } from '../../src/index.ts';
import { finding, type Measure } from '../../src/report/comparison.ts';
import { differenceSentence } from '../../web/viewmodel/sentences.ts';

/** The page's sentence for a difference between the network and the token ring. */
function said(d: Difference, measure: Measure = 'leadTime', unit = 'days') {
  return differenceSentence(
    finding(d, { variant: 'the network', baseline: 'the token ring', measure, unit }),
  );
}

describe('differences in words', () => {
  it('says how much shorter a time is, with the interval, as a coach would', () => {
    expect(said({ diff: -20, ci95: [-22, -18], relative: -0.43, relativeCi95: [-0.48, -0.38] })).toBe(
      'The network’s mean lead time is 43% shorter than the token ring’s, 95% interval 38% to 48%.',
    );
  });

  it('says higher when a rate is higher', () => {
    expect(
      said({ diff: 0.1, ci95: [0.05, 0.15], relative: 0.12, relativeCi95: [0.06, 0.18] }, 'throughput'),
    ).toBe('The network’s throughput is 12% higher than the token ring’s, 95% interval 6% to 18%.');
  });

  it('warns when the interval includes no difference at all', () => {
    expect(said({ diff: 0.01, ci95: [-0.1, 0.12], relative: 0.003, relativeCi95: [-0.02, 0.026] })).toBe(
      'The network’s mean lead time is 0.3% longer than the token ring’s, but the 95% interval runs from 2% shorter to 2.6% longer, so this could be chance.',
    );
  });

  it('says so when an interval reaches past 100% shorter, which no time can be', () => {
    expect(said({ diff: -1200, ci95: [-1380, -1080], relative: -0.99, relativeCi95: [-1.11, -0.87] })).toBe(
      'The network’s mean lead time is 99% shorter than the token ring’s, 95% interval 87% to 111% (wider than the difference can be: run more replications).',
    );
  });

  it('explains a missing interval (one replication)', () => {
    expect(said({ diff: -1, ci95: null, relative: -0.1, relativeCi95: null })).toBe(
      'The network’s mean lead time is 10% shorter than the token ring’s (one replication, so no interval: run more replications to know how sure this is).',
    );
  });

  it('falls back to the absolute difference when the baseline is zero', () => {
    expect(
      said(
        { diff: 0.5, ci95: [0.4, 0.6], relative: null, relativeCi95: null },
        'throughput',
        'items per day',
      ),
    ).toBe('The network’s throughput is 0.5 items per day higher than the token ring’s.');
  });

  it('says the same when nothing differs', () => {
    expect(said({ diff: 0, ci95: [0, 0], relative: 0, relativeCi95: [0, 0] })).toBe(
      'The network’s mean lead time is the same as the token ring’s.',
    );
  });
});
