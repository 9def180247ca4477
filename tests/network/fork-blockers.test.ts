/**
 * Blockers on the branches of a parallel step: parts blocked at once hold their item up no
 * longer than the longest of them, so the joined item's blocked time grows by the longest any
 * part was blocked, as its touch time grows by the longest branch's work. The item's blocked
 * time is then part of its lead time, and the blocked share stays a share of lead time.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/parse.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

function outcome(doc: unknown) {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const r = new Replication(parsed.scenario, compileTopology(parsed.scenario), 1);
  while (!r.advance(1_000_000));
  return r.outcome();
}

/** One feature at 1, split to two teams; each team's blocker blocks every part for its time. */
function feature(frontendBlocked: number, backendBlocked: number, policy: 'hold' | 'aside') {
  const team = (id: string, step: string, work: number, blocked: number) => ({
    id,
    capacity: 1,
    serves: { [step]: work },
    ...(blocked > 0 && { blocker: { probability: 1, time: blocked, policy } }),
  });
  return {
    name: 'one feature, two teams',
    run: { duration: 1.5, seed: 1 },
    demand: [{ id: 'feature', interarrival: 1, steps: [{ all: ['frontend', 'backend'] }, 'release'] }],
    nodes: [
      team('web', 'frontend', 1, frontendBlocked),
      team('api', 'backend', 2, backendBlocked),
      { id: 'ops', capacity: 1, serves: { release: 0.5 } },
    ],
  };
}

describe('blockers on the branches of a parallel step', () => {
  it.each(['hold', 'aside'] as const)(
    '%s: the item is blocked as long as its longest-blocked part, and its lead time says so',
    (policy) => {
      // Frontend: blocked 3, then 1 of work, done at 5. Backend: blocked 1, then 2, done at 4.
      // The item joins at 5 and is released at 5.5: lead time 4.5, blocked 3 of it.
      const out = outcome(feature(3, 1, policy));
      expect(out.completed).toBe(1);
      expect(out.leadTimeTotal).toBeCloseTo(4.5, 12);
      expect(out.blockers?.completed).toBeCloseTo(3, 12);
      // Each team still reports its own blocked time.
      expect(out.blockers?.time[0]).toBeCloseTo(3, 12);
      expect(out.blockers?.time[1]).toBeCloseTo(1, 12);
    },
  );

  it('a part not blocked adds nothing: the item is blocked as long as the one part that was', () => {
    const out = outcome(feature(0, 2, 'hold'));
    // Backend: blocked 2, then 2, done at 5; frontend done at 2. Released at 5.5.
    expect(out.leadTimeTotal).toBeCloseTo(4.5, 12);
    expect(out.blockers?.completed).toBeCloseTo(2, 12);
  });

  it('over a long run with a blocked team, the items done are blocked for a share of lead time between 0 and 1', () => {
    const out = outcome({
      name: 'component teams, one waiting on a vendor',
      run: { duration: 3000, warmup: 100, seed: 3 },
      demand: [{ id: 'feature', interarrival: exponential(2), steps: [{ all: ['frontend', 'backend'] }] }],
      nodes: [
        { id: 'web', capacity: 2, serves: { frontend: exponential(1) } },
        {
          id: 'api',
          capacity: 2,
          serves: { backend: exponential(1) },
          blocker: { probability: 0.3, time: exponential(2), policy: 'aside' },
        },
      ],
    });
    const blocked = out.blockers!.completed;
    expect(blocked).toBeGreaterThan(0);
    expect(blocked).toBeLessThan(out.leadTimeTotal);
  });
});
