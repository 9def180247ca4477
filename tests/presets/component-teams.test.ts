import { describe, expect, it } from 'vitest';
import { ci95 } from '../../src/metrics/confidence.ts';
import { type Doc, interval, paired, preset, runSeeds } from './paired.ts';

// The lesson's two sides, each a file a coach can open or compare: three component teams with
// a join, and the same six people as three stream-aligned teams that each hold all three skills.
const components = preset('component-teams.json');
const streams = preset('stream-aligned-teams.json');

/** The 95% t-interval over seeds, which must exist (two seeds or more). */
const over = (values: number[]): [number, number] => {
  const ci = ci95(values);
  if (!ci) throw new Error('no interval');
  return ci;
};

const people = (doc: Doc) => doc.nodes.reduce((sum: number, n: Doc) => sum + n.capacity, 0);

describe('the pair is a fair comparison: only the organisation differs', () => {
  it('has the same run settings, seeds, routing, affinity and time unit', () => {
    for (const key of ['run', 'timeUnit', 'routing', 'affinity'])
      expect(streams[key], key).toEqual(components[key]);
  });

  it('has the same demand, the parallel step done as the same steps one after another', () => {
    const [c] = components.demand;
    const [s] = streams.demand;
    expect(streams.demand).toHaveLength(1);
    expect({ ...s, steps: undefined }).toEqual({ ...c, steps: undefined });
    expect(c.steps).toEqual([{ all: s.steps }]);
  });

  it('has the same six people, each stream team doing every part as the component team for it does', () => {
    expect(people(streams)).toBe(6);
    expect(people(streams)).toBe(people(components));
    const skills = Object.assign({}, ...components.nodes.map((n: Doc) => n.serves));
    expect(Object.keys(skills).sort()).toEqual([...streams.demand[0].steps].sort());
    for (const team of streams.nodes) {
      expect(team.kind).toBe('team');
      expect(team.serves, team.id).toEqual(skills);
    }
    for (const team of components.nodes) expect(team.capacity).toBe(2);
    for (const team of streams.nodes) expect(team.capacity).toBe(2);
  });
});

describe('component teams with a join (component-teams.json), against stream-aligned teams (stream-aligned-teams.json)', () => {
  // 30 seeds, each one replication of the files as shipped, paired by seed: both see the same
  // arrivals, so the 95% intervals of the paired changes are tight enough to hold the lesson.
  const before = runSeeds(components, 30);
  const after = runSeeds(streams, 30);

  // The README and both descriptions give these sizes: each claim is that its interval lies
  // inside the range the words allow.
  it('stream-aligned teams have the shorter lead time, by about a fifth (between 10% and 35%)', () => {
    const [lo, hi] = interval(
      paired(before, after, (r) => r.leadTime.mean),
      true,
    );
    expect(hi).toBeLessThan(-0.1);
    expect(lo).toBeGreaterThan(-0.35);
    // Seen from the stream-aligned side, the components' lead time is about a quarter longer.
    const [up, down] = interval(
      paired(after, before, (r) => r.leadTime.mean),
      true,
    );
    expect(up).toBeGreaterThan(0.1);
    expect(down).toBeLessThan(0.45);
  });

  it('and a far shorter tail: the p85 falls by about a third (between 20% and 45%)', () => {
    const [lo, hi] = interval(
      paired(before, after, (r) => r.leadTime.p85),
      true,
    );
    expect(hi).toBeLessThan(-0.2);
    expect(lo).toBeGreaterThan(-0.45);
  });

  it('for the same work: throughput within 2% either way', () => {
    const [lo, hi] = interval(
      paired(before, after, (r) => r.throughput),
      true,
    );
    expect(lo).toBeGreaterThan(-0.02);
    expect(hi).toBeLessThan(0.02);
  });

  it('the components’ lead time is set by their slowest branch, the busy back-end team', () => {
    const joins = before.map((r) => r.joins![0]);
    // The back-end part is the last to be done for most items (interval over seeds above 60%).
    expect(over(joins.map((j) => j.lastShare.backend))[0]).toBeGreaterThan(0.6);
    // Its time at the back-end team (the wait, then 1.7 days of work) is at least 85% of lead time.
    const backend = before.map((r) => (r.nodes['backend-team'].wait.mean + 1.7) / r.leadTime.mean);
    expect(over(backend)[0]).toBeGreaterThan(0.85);
  });

  it('most of the components’ parallel step is finished parts waiting at the join; the streams have no join', () => {
    const joins = before.map((r) => r.joins![0]);
    expect(over(joins.map((j) => j.wait.mean / j.span.mean))[0]).toBeGreaterThan(0.6);
    // The fork to the join is the components' whole lead time: the parallel step is all the work.
    for (const r of before) expect(r.joins![0].span.mean).toBeCloseTo(r.leadTime.mean, 9);
    for (const r of after) expect(r.joins).toBeUndefined();
  });

  it('a stream-aligned team keeps a feature from start to end: no item moves between teams', () => {
    for (const r of after) {
      const moves = r.flow.filter((m) => m.from !== 'arrival' && m.to !== 'done');
      expect(moves.length).toBeGreaterThan(0);
      for (const m of moves) expect(m.to, `${m.from} -> ${m.to}`).toBe(m.from);
    }
  });

  it('stream-aligned work waits little: flow efficiency over 80%, against under half for the components', () => {
    expect(over(after.map((r) => r.flowEfficiency))[0]).toBeGreaterThan(0.8);
    expect(over(before.map((r) => r.flowEfficiency))[1]).toBeLessThan(0.5);
  });
});
