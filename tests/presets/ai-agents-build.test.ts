import { describe, expect, it } from 'vitest';
import { edited, interval, paired, preset, runSeeds } from './paired.ts';

const withAgents = preset('ai-agents-build.json');
// The before the description gives: developers build, five times slower, and never escalate.
const withDevelopers = edited(withAgents, (d) => {
  d.nodes[1] = {
    id: 'developers',
    kind: 'team',
    capacity: 4,
    serves: { build: { dist: 'lognormal', mean: 3.6, cv: 0.6 } },
  };
});

describe('AI agents build five times faster, review stays as it was (ai-agents-build.json)', () => {
  const before = runSeeds(withDevelopers, 40);
  const after = runSeeds(withAgents, 40);

  // Had review kept up, lead time would have lost the build's queue (about 4.8 days) and most
  // of its touch time (3.6 - 0.72 days) out of about 12: some 60% shorter. "Barely moves" is
  // a change well inside that, whichever way: the whole interval within 25% either way.
  it('lead time barely moves: the 95% interval of the change lies within 25% either way', () => {
    const [lo, hi] = interval(
      paired(before, after, (r) => r.leadTime.mean),
      true,
    );
    expect(lo).toBeGreaterThan(-0.25);
    expect(hi).toBeLessThan(0.25);
  });

  it('the bottleneck moves from the developers to review', () => {
    for (const r of before) expect(r.bottleneck).toBe('developers');
    for (const r of after) expect(r.bottleneck).toBe('reviewers');
    const [lo] = interval(paired(before, after, (r) => r.nodes.reviewers.queue.mean));
    expect(lo).toBeGreaterThan(0);
  });
});
