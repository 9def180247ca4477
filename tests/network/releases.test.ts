/**
 * DORA's four measures, read at the release step: exact on networks with constant times,
 * and within intervals over fixed seeds where failures are drawn.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';

type Node = Record<string, unknown>;

/** Changes arrive one a day, are built in half a day and released in a quarter. */
function pipeline(over: { nodes?: Node[]; release?: Node; run?: Record<string, unknown> } = {}) {
  return {
    name: 'pipeline',
    run: { duration: 100, warmup: 10, seed: 1, replications: 1, ...over.run },
    release: 'release',
    demand: [{ id: 'change', interarrival: 1, steps: ['build', 'approval', 'release'] }],
    nodes: [
      { id: 'dev', capacity: 1, serves: { build: 0.5 } },
      { id: 'board', kind: 'gate', capacity: 1, serves: { approval: 0.25 } },
      { id: 'pipeline', kind: 'service', capacity: 1, serves: { release: 0.25 }, ...over.release },
      // People who fix a release that failed in production (an escalation): two days each.
      { id: 'on-call', capacity: 10, serves: { fix: 2 } },
      ...(over.nodes ?? []),
    ],
  };
}

const delivery = (doc: unknown) => {
  const result = simulate(doc);
  if (!result.delivery) throw new Error('no delivery measures');
  return result.delivery;
};

describe("DORA's four measures at the release step", () => {
  it('deployment frequency counts releases done in the window, per time unit', () => {
    // Changes arriving at k = 1, 2, ... are released at k + 1: those done in [10, 100] are 9..99.
    const d = delivery(pipeline());
    expect(d.release).toBe('release');
    expect(d.deployments).toBe(91);
    expect(d.deploymentFrequency.perTimeUnit).toBe(91 / 90);
  });

  it('a batch released together is one deployment', () => {
    const d = delivery(pipeline({ release: { batch: { size: 5 } } }));
    expect(d.deployments).toBe(18);
    expect(d.deploymentFrequency.perTimeUnit).toBe(0.2);
  });

  it('lead time for changes runs from commitment to the end of the release', () => {
    expect(delivery(pipeline()).leadTimeForChanges).toMatchObject({ mean: 1, count: 90 });
  });

  it('a release that always fails and goes to the people on call: every deployment failed, restored when the fix is done', () => {
    const d = delivery(pipeline({ release: { failure: { probability: 1, escalateTo: 'fix' } } }));
    expect(d.changeFailureRate.share).toBe(1);
    // Failed at k + 1 in the window (k = 9..99), each fixed two days later.
    expect(d.timeToRestore).toMatchObject({ mean: 2, count: 91 });
    // The change is in production when its fix is: two days later.
    expect(d.leadTimeForChanges).toMatchObject({ mean: 3, count: 90 });
  });

  it('time to restore includes each outage of the release node, as long as it lasts', () => {
    const d = delivery(
      pipeline({ release: { outages: { mtbf: 9, mttr: 1 } }, run: { duration: 100, warmup: 0.5 } }),
    );
    // Down at 9, 19, ..., 99: ten outages of a day each, and no failed change.
    expect(d.timeToRestore).toMatchObject({ mean: 1, count: 10 });
    expect(d.changeFailureRate.share).toBe(0);
  });

  it('an approval that prevents every later failure leaves no failed deployment', () => {
    const d = delivery(pipeline({ release: { failure: { probability: 1, escalateTo: 'fix' } }, nodes: [] }));
    expect(d.changeFailureRate.share).toBe(1);
    const screened = pipeline({ release: { failure: { probability: 1, escalateTo: 'fix' } } });
    (screened.nodes[1] as Node).failureReduction = 1;
    const after = delivery(screened);
    expect(after.changeFailureRate.share).toBe(0);
    expect(after.timeToRestore.count).toBe(0);
  });
});

describe('the change failure rate where failures are drawn', () => {
  const drawn = (failureReduction?: number) => {
    const doc = pipeline({
      release: { failure: { probability: 0.3, escalateTo: 'fix' } },
      run: { duration: 2_000, replications: 10 },
    });
    if (failureReduction !== undefined) (doc.nodes[1] as Node).failureReduction = failureReduction;
    return delivery(doc);
  };
  // One change per deployment, each failing independently: the share of n deployments has a
  // 99.9% interval of p +/- 3.29 sqrt(p (1 - p) / n) (normal approximation to the binomial).
  const within = (share: number, p: number, n: number) =>
    expect(Math.abs(share - p)).toBeLessThan(3.29 * Math.sqrt((p * (1 - p)) / n));

  it("is the release's failure probability", () => {
    const d = drawn();
    within(d.changeFailureRate.share, 0.3, d.deployments * 10);
    expect(d.changeFailureRate.ci95).not.toBeNull();
  });

  it("an approval's failureReduction lowers it by that share: 0.3 x (1 - 0.5)", () => {
    const d = drawn(0.5);
    within(d.changeFailureRate.share, 0.15, d.deployments * 10);
  });

  it('a board that reduces nothing leaves the same failures, draw for draw', () => {
    expect(drawn(0)).toEqual(drawn());
  });
});

describe("DORA's measures against theory, within intervals over fixed seeds", () => {
  // A build then a release, each an M/M/1 (Jackson network): lambda 0.5, mu 1 at both. The
  // release node goes down now and then (mean up 50, mean down 1, exponential).
  const d = delivery({
    name: 'tandem',
    run: { duration: 20_000, warmup: 500, seed: 11, replications: 10 },
    release: 'release',
    demand: [{ id: 'change', interarrival: { dist: 'exponential', mean: 2 }, steps: ['build', 'release'] }],
    nodes: [
      { id: 'dev', capacity: 1, serves: { build: { dist: 'exponential', mean: 1 } } },
      {
        id: 'pipeline',
        capacity: 1,
        serves: { release: { dist: 'exponential', mean: 0.5 } },
        outages: { mtbf: { dist: 'exponential', mean: 50 }, mttr: { dist: 'exponential', mean: 1 } },
      },
    ],
  });
  // The result's 95% intervals use t(0.975, 9) = 2.262 over 10 replications; widened to
  // 99.9% by t(0.9995, 9) / t(0.975, 9) = 4.781 / 2.262, so a fixed seed fails 1 time in 1000.
  const holds = (ci: readonly [number, number] | null, theory: number) => {
    expect(ci).not.toBeNull();
    const [lo, hi] = ci!;
    const mid = (lo + hi) / 2;
    const half = ((hi - lo) / 2) * (4.781 / 2.262);
    expect(Math.abs(mid - theory)).toBeLessThan(half);
  };

  it('deployment frequency is the arrival rate: every change is released once', () => {
    holds(d.deploymentFrequency.ci95, 0.5);
  });

  it('time to restore is the mean outage', () => {
    holds(d.timeToRestore.ci95, 1);
  });

  it('lead time for changes exceeds the build and release service times by the release queue', () => {
    // From the build's start: its service (1), then the release's wait and service. Without
    // outages the release is M/M/1 with rho 0.25, sojourn 0.5 / (1 - 0.25) = 2/3; the outages
    // (2% of the time down, each held up a day) only add, so 1 + 2/3 is a floor.
    expect(d.leadTimeForChanges.ci95![0]).toBeGreaterThan(1 + 2 / 3);
    expect(d.changeFailureRate.share).toBe(0);
  });
});

describe('an approval a change passes again after rework screens it again, not twice over', () => {
  /** A change fails at release with probability p and goes back to build, through the board again. */
  const reworked = (p: number, boards: number[]) => ({
    name: 'reworked',
    run: { duration: 5_000, warmup: 100, seed: 3, replications: 2 },
    release: 'release',
    demand: [
      {
        id: 'change',
        interarrival: { dist: 'exponential', mean: 10 },
        steps: ['build', ...boards.map((_, k) => `approval-${k}`), 'release'],
      },
    ],
    nodes: [
      { id: 'dev', capacity: 5, serves: { build: 1 } },
      ...boards.map((failureReduction, k) => ({
        id: `board-${k}`,
        kind: 'gate',
        capacity: 5,
        failureReduction,
        serves: { [`approval-${k}`]: 0.1 },
      })),
      {
        id: 'rel',
        kind: 'service',
        capacity: 5,
        serves: { release: 0.1 },
        failure: { probability: p, reworkTo: 'build' },
      },
    ],
  });
  const failures = (doc: unknown) => {
    const r = simulate(doc);
    // Every node's numbers, the offered load included: the traffic equations screen a change
    // as the run does (traffic.ts).
    return { delivery: r.delivery, reworkRate: r.reworkRate, leadTime: r.leadTime, nodes: r.nodes };
  };

  it('a board that halves failures is, draw for draw, a release that fails half as often, however often a change comes back', () => {
    // 0.99 x 0.5 is 0.495 exactly in binary, so each failure draw falls on the same side.
    const a = failures(reworked(0.99, [0.5]));
    const b = failures(reworked(0.495, [0]));
    // Nearly half the releases fail and go back: most changes pass the board more than once.
    expect(a.nodes.rel.failureRate).toBeGreaterThan(0.45);
    expect(a).toEqual(b);
  });

  it('two different boards still multiply, pass after pass: 0.8 x 0.5 x 0.5', () => {
    expect(failures(reworked(0.8, [0.5, 0.5]))).toEqual(failures(reworked(0.2, [0, 0])));
  });

  it('a release failing 0.99 behind a board that catches half: the change failure rate is 0.495', () => {
    const doc = {
      ...reworked(0.99, [0.5]),
      run: { duration: 20_000, warmup: 100, seed: 1, replications: 4 },
    };
    const d = delivery(doc);
    // Each deployment holds one change and fails independently with 0.99 x 0.5: the share of
    // n deployments has a 99.9% interval of p +/- 3.29 sqrt(p (1 - p) / n). Compounded at each
    // pass through the board it was 0.39, far outside.
    const n = d.deployments * 4;
    expect(Math.abs(d.changeFailureRate.share - 0.495)).toBeLessThan(3.29 * Math.sqrt((0.495 * 0.505) / n));
  });
});
