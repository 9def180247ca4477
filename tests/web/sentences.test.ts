import { describe, expect, it } from 'vitest';
import { differenceSentence } from '../../web/viewmodel/sentences.ts';

const subject = {
  variant: 'the network',
  baseline: 'the token ring',
  metric: 'mean lead time',
  unit: 'days',
};

describe('differences in words', () => {
  it('says how much lower, with the interval, as a coach would', () => {
    const s = differenceSentence(
      { diff: -20, ci95: [-22, -18], relative: -0.43, relativeCi95: [-0.48, -0.38] },
      subject,
    );
    expect(s).toBe(
      'The network’s mean lead time is 43% lower than the token ring’s, 95% interval 38% to 48%.',
    );
  });

  it('says higher when it is higher', () => {
    const s = differenceSentence(
      { diff: 0.1, ci95: [0.05, 0.15], relative: 0.12, relativeCi95: [0.06, 0.18] },
      {
        ...subject,
        metric: 'throughput',
      },
    );
    expect(s).toBe('The network’s throughput is 12% higher than the token ring’s, 95% interval 6% to 18%.');
  });

  it('warns when the interval includes no difference at all', () => {
    const s = differenceSentence(
      { diff: 0.01, ci95: [-0.1, 0.12], relative: 0.003, relativeCi95: [-0.02, 0.026] },
      subject,
    );
    expect(s).toContain('could be chance');
    expect(s).toContain('from 2% lower to 2.6% higher');
  });

  it('says so when an interval reaches past 100% lower, which no time can be', () => {
    const s = differenceSentence(
      { diff: -1200, ci95: [-1380, -1080], relative: -0.99, relativeCi95: [-1.11, -0.87] },
      subject,
    );
    expect(s).toBe(
      'The network’s mean lead time is 99% lower than the token ring’s, 95% interval 87% to 111% (wider than the difference can be: run more replications).',
    );
  });

  it('explains a missing interval (one replication)', () => {
    const s = differenceSentence({ diff: -1, ci95: null, relative: -0.1, relativeCi95: null }, subject);
    expect(s).toContain('10% lower');
    expect(s).toContain('one replication');
  });

  it('falls back to the absolute difference when the baseline is zero', () => {
    const s = differenceSentence(
      { diff: 0.5, ci95: [0.4, 0.6], relative: null, relativeCi95: null },
      {
        ...subject,
        metric: 'throughput',
        unit: 'items per day',
      },
    );
    expect(s).toBe('The network’s throughput is 0.5 items per day higher than the token ring’s.');
  });
});
