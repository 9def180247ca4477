import { describe, expect, it } from 'vitest';
import { ci95 } from '../../src/metrics/confidence.ts';
import { edited, interval, paired, preset, runSeeds } from './paired.ts';

const components = preset('component-teams.json');
// The contrast the description gives: the same six people as three stream-aligned teams that
// each hold all three skills, doing a feature's parts one after another.
const streams = edited(components, (d) => {
  const serves = Object.assign({}, ...d.nodes.map((n: { serves: object }) => n.serves));
  d.demand[0].steps = ['frontend', 'backend', 'platform'];
  d.nodes = ['a', 'b', 'c'].map((t) => ({ id: `stream-${t}`, kind: 'team', capacity: 2, serves }));
});

/** The 95% t-interval over seeds, which must exist (two seeds or more). */
const over = (values: number[]): [number, number] => {
  const ci = ci95(values);
  if (!ci) throw new Error('no interval');
  return ci;
};

describe('component teams with a join, against stream-aligned teams (component-teams.json)', () => {
  const before = runSeeds(components, 30);
  const after = runSeeds(streams, 30);

  it('stream-aligned teams have the shorter lead time: the interval of the change lies below -10%', () => {
    const [, hi] = interval(
      paired(before, after, (r) => r.leadTime.mean),
      true,
    );
    expect(hi).toBeLessThan(-0.1);
  });

  it('the components’ lead time is set by their slowest branch, the busy back-end team', () => {
    const joins = before.map((r) => r.joins![0]);
    // The back-end part is the last to be done for most items (interval over seeds above 60%).
    expect(over(joins.map((j) => j.lastShare.backend))[0]).toBeGreaterThan(0.6);
    // Its time at the back-end team (the wait, then 1.7 days of work) is at least 85% of lead time.
    const backend = before.map((r) => (r.nodes['backend-team'].wait.mean + 1.7) / r.leadTime.mean);
    expect(over(backend)[0]).toBeGreaterThan(0.85);
    // And most of the parallel step is finished parts waiting at the join for it.
    expect(over(joins.map((j) => j.wait.mean / j.span.mean))[0]).toBeGreaterThan(0.6);
  });

  it('the fork to the join is the lead time: the parallel step is the whole of the work', () => {
    for (const r of before) expect(r.joins![0].span.mean).toBeCloseTo(r.leadTime.mean, 9);
    for (const r of after) expect(r.joins).toBeUndefined();
  });
});
