/**
 * Each lean mechanism on a small system whose behaviour can be worked out by hand
 * (constant times where possible), read from the trace or the result.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { parseScenario } from '../../src/model/parse.ts';
import type { TraceEvent } from '../../src/network/events.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

function trace(input: unknown) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const scenario = parsed.scenario;
  const log: { event: TraceEvent; time: number; item: number; node: string }[] = [];
  const replication = new Replication(scenario, compileTopology(scenario), 1, {
    trace: (event, time, item, node) => log.push({ event, time, item, node: scenario.nodes[node]?.id ?? '' }),
  });
  replication.advance();
  return { log, outcome: replication.outcome() };
}

const starts = (log: ReturnType<typeof trace>['log'], node: string) =>
  log.filter((s) => s.event === 'start' && s.node === node).map((s) => s.time);

describe('gates on a schedule', () => {
  it('a change board that meets one day in every five starts work only while it meets', () => {
    const { log } = trace({
      name: 'board',
      run: { duration: 100 },
      demand: [{ id: 'change', interarrival: 1.3, steps: ['approve'] }],
      nodes: [
        { id: 'board', kind: 'gate', capacity: 1, schedule: { every: 5, open: 1 }, serves: { approve: 0.1 } },
      ],
    });
    const times = starts(log, 'board');
    expect(times.length).toBeGreaterThan(50);
    for (const t of times) expect(t % 5).toBeLessThan(1);
  });

  it('with batch: true it takes everything waiting at an opening as one batch', () => {
    const { log } = trace({
      name: 'board',
      run: { duration: 20 },
      demand: [{ id: 'change', interarrival: 1, steps: ['approve'] }],
      nodes: [
        {
          id: 'board',
          kind: 'gate',
          capacity: 1,
          schedule: { every: 10, open: 2, offset: 9.5, batch: true },
          serves: { approve: 1 },
        },
      ],
    });
    // Opening at 9.5: the nine changes that arrived at 1..9 start together.
    expect(starts(log, 'board').filter((t) => t === 9.5)).toHaveLength(9);
  });
  it('with batch: true, what arrives during a meeting waits for the next one', () => {
    const { log } = trace({
      name: 'board',
      run: { duration: 60 },
      demand: [{ id: 'change', interarrival: { dist: 'exponential', mean: 0.5 }, steps: ['approve'] }],
      nodes: [
        {
          id: 'board',
          kind: 'gate',
          capacity: 1,
          schedule: { every: 7, open: 1, batch: true },
          serves: { approve: 0.2 },
        },
      ],
    });
    // Every start is at an opening, never later in the meeting.
    const times = starts(log, 'board');
    expect(times.length).toBeGreaterThan(50);
    for (const t of times) expect(t % 7).toBe(0);
  });
});

describe('batches', () => {
  it('start when the batch is full, all items together', () => {
    const { log } = trace({
      name: 'release train',
      run: { duration: 10 },
      demand: [{ id: 'feature', interarrival: 1, steps: ['release'] }],
      nodes: [{ id: 'release', capacity: 1, batch: { size: 3 }, serves: { release: 0.5 } }],
    });
    expect(starts(log, 'release')).toEqual([3, 3, 3, 6, 6, 6, 9, 9, 9]);
  });

  it('start smaller once the oldest item has waited the timeout', () => {
    const { log } = trace({
      name: 'release train',
      run: { duration: 35 },
      demand: [{ id: 'feature', interarrival: 10, steps: ['release'] }],
      nodes: [{ id: 'release', capacity: 1, batch: { size: 5, timeout: 2 }, serves: { release: 0.5 } }],
    });
    expect(starts(log, 'release')).toEqual([12, 22, 32]);
  });
});

describe('failures', () => {
  it('send work back to the named earlier step, as often as the probability says (geometric retries)', () => {
    const p = 0.3;
    const result = simulate({
      name: 'rework loop',
      run: { duration: 20_000, warmup: 100, seed: 4, replications: 5 },
      demand: [{ id: 'feature', interarrival: exponential(2), steps: ['build', 'review'] }],
      nodes: [
        { id: 'devs', capacity: 2, serves: { build: exponential(0.5) } },
        {
          id: 'reviewers',
          capacity: 2,
          serves: { review: exponential(0.3) },
          failure: { probability: p, reworkTo: 'build' },
        },
      ],
    });
    // Each review fails with probability p, so an item fails p / (1 - p) times on average.
    expect(result.reworkRate).toBeCloseTo(p / (1 - p), 1);
    expect(result.firstTimeRight).toBeCloseTo(1 - p, 1);
    // Every failure means one more build and one more review.
    expect(result.nodes.devs.served).toBeCloseTo(result.nodes.reviewers.served, -1);
    expect(result.nodes.reviewers.failureRate).toBeCloseTo(p, 1);
  });

  /** Changes built by three developers, released in full batches of 5 by one pipeline. */
  const releaseTrain = (failure: object, duration: number, replications: number) => ({
    name: 'release train',
    run: { duration, warmup: 100, seed: 3, replications },
    demand: [{ id: 'change', interarrival: exponential(1), steps: ['build', 'release'] }],
    nodes: [
      { id: 'devs', capacity: 3, serves: { build: exponential(1) } },
      { id: 'pipeline', capacity: 1, batch: { size: 5, timeout: 1000 }, serves: { release: 1 }, failure },
    ],
  });

  it('with batch scope, one failed item sends its whole batch back: the blast radius', () => {
    // Each item fails with q = 0.04, so a batch of 5 fails with 1 - 0.96^5 = 0.185 and every
    // failure sends all 5 back.
    const q = 0.04;
    const batchFails = 1 - (1 - q) ** 5;
    const result = simulate(releaseTrain({ probability: q, reworkTo: 'build', scope: 'batch' }, 20_000, 4));
    // Items fail together: about 5 go back per failed item (a little less when two items of
    // one batch fail together), and each item is sent back p / (1 - p) times with p the
    // batch's chance of failing. Tolerances: 4 replications of ~20,000 items, sd of the
    // rework rate ~0.02.
    expect(result.reworkPerFailure).toBeGreaterThan(4.5);
    expect(result.reworkPerFailure).toBeLessThanOrEqual(5);
    expect(result.reworkRate).toBeCloseTo(batchFails / (1 - batchFails), 1);
    expect(result.nodes.pipeline.failureRate).toBeCloseTo(q, 2);
  });

  it('with item scope, a failure sends back only the item that failed', () => {
    const result = simulate(releaseTrain({ probability: 0.04, reworkTo: 'build' }, 5_000, 2));
    expect(result.reworkPerFailure).toBe(1);
  });

  it('at an agent with escalateTo go to a person, then carry on', () => {
    const result = simulate({
      name: 'agent with a human in the loop',
      run: { duration: 20_000, warmup: 100, seed: 4, replications: 5 },
      demand: [{ id: 'ticket', interarrival: exponential(1), steps: ['triage', 'fix'] }],
      nodes: [
        {
          id: 'agent',
          kind: 'agent',
          capacity: 8,
          serves: { triage: 0.05 },
          failure: { probability: 0.2, escalateTo: 'judgement' },
        },
        { id: 'lead', capacity: 1, serves: { judgement: exponential(0.5) } },
        { id: 'team', capacity: 3, serves: { fix: exponential(1.5) } },
      ],
    });
    expect(result.escalationRate).toBeCloseTo(0.2, 1);
    expect(result.reworkRate).toBe(0);
    expect(result.nodes.lead.served / result.nodes.team.served).toBeCloseTo(0.2, 1);
  });
});

describe('classes of service', () => {
  const base = (preemption: boolean) => ({
    name: 'expedite lane',
    run: { duration: 20_000, warmup: 200, seed: 3, replications: 3 },
    preemption,
    demand: [
      { id: 'expedite', priority: 1, interarrival: exponential(10), steps: ['work'] },
      { id: 'standard', interarrival: exponential(1.4), steps: ['work'] },
    ],
    nodes: [{ id: 'team', capacity: 1, serves: { work: exponential(1) } }],
  });

  it('expedite items are served first and wait far less than standard ones', () => {
    const { classes } = simulate(base(false));
    expect(classes.expedite.leadTime.mean).toBeLessThan(classes.standard.leadTime.mean / 2);
  });

  it('with preemption an expedite item interrupts standard work, which resumes where it stopped', () => {
    const { log } = trace({ ...base(true), run: { duration: 300 } });
    expect(log.some((s) => s.event === 'preempt')).toBe(true);
    const { classes } = simulate(base(true));
    const withoutPreemption = simulate(base(false)).classes;
    expect(classes.expedite.leadTime.mean).toBeLessThan(withoutPreemption.expedite.leadTime.mean);
  });
});

describe('handoffs and affinity', () => {
  const twoSteps = (affinity: boolean) => ({
    name: 'handoffs',
    run: { duration: 100 },
    affinity,
    routing: 'fixed',
    handoff: 1,
    demand: [{ id: 'feature', interarrival: 10, steps: ['build', 'test'] }],
    nodes: [
      { id: 'devs', capacity: 1, serves: { build: 2 } },
      { id: 'stream-team', capacity: 1, serves: { build: 2, test: 3 } },
      { id: 'testers', capacity: 1, serves: { test: 3 } },
    ],
  });

  it('a move between two nodes costs the handoff delay', () => {
    const result = simulate(twoSteps(false));
    // devs (2) -> handoff (1) -> stream-team, the first that serves test (3): 6, no queueing.
    expect(result.leadTime.mean).toBeCloseTo(6, 10);
    expect(result.handoffsPerItem).toBe(1);
  });

  it('with affinity the team that built it also tests it when it can: no handoff', () => {
    const noAffinity = simulate({ ...twoSteps(false), nodes: twoSteps(false).nodes.slice(1) });
    const withAffinity = simulate({ ...twoSteps(true), nodes: twoSteps(true).nodes.slice(1) });
    expect(noAffinity.handoffsPerItem).toBe(0); // stream-team is first for both steps anyway
    expect(withAffinity.handoffsPerItem).toBe(0);
    const routed = simulate({
      ...twoSteps(true),
      nodes: [twoSteps(true).nodes[1], twoSteps(true).nodes[2]].reverse(),
    });
    // testers listed first for test, but affinity keeps the item with stream-team.
    expect(routed.handoffsPerItem).toBe(0);
    expect(routed.leadTime.mean).toBeCloseTo(5, 10);
  });
});

describe('capacity and demand over time', () => {
  it('a capacity schedule of 0 stops work for that period', () => {
    const { log } = trace({
      name: 'holiday',
      run: { duration: 60 },
      demand: [{ id: 'feature', interarrival: 1, steps: ['build'] }],
      nodes: [
        {
          id: 'devs',
          capacity: 2,
          capacitySchedule: [
            { from: 20, capacity: 0 },
            { from: 30, capacity: 2 },
          ],
          serves: { build: 0.5 },
        },
      ],
    });
    const times = starts(log, 'devs');
    expect(times.filter((t) => t >= 20 && t < 30)).toEqual([]);
    // At 30 both servers start on the backlog at once.
    expect(times.filter((t) => t === 30)).toHaveLength(2);
  });

  it('a demand schedule changes the arrival rate from its time on', () => {
    const { log } = trace({
      name: 'surge',
      run: { duration: 300 },
      demand: [
        { id: 'feature', interarrival: 2, schedule: [{ from: 100, interarrival: 0.5 }], steps: ['build'] },
      ],
      nodes: [{ id: 'devs', capacity: 10, serves: { build: 0.1 } }],
    });
    const arrivals = log.filter((s) => s.event === 'arrive').map((s) => s.time);
    expect(arrivals.filter((t) => t < 100)).toHaveLength(49);
    // From 100 the next arrival is drawn afresh: 100.5, 101, ..., 299.5.
    expect(arrivals.filter((t) => t >= 100)).toHaveLength(399);
  });
});

describe('CONWIP and multitasking', () => {
  it('a system WIP limit keeps items in a backlog before commitment', () => {
    const result = simulate({
      name: 'conwip',
      run: { duration: 5000, warmup: 200, seed: 2, replications: 2 },
      wipLimit: 3,
      demand: [{ id: 'feature', interarrival: exponential(1.2), steps: ['build', 'test'] }],
      nodes: [
        { id: 'devs', capacity: 1, serves: { build: exponential(0.5) } },
        { id: 'testers', capacity: 1, serves: { test: exponential(0.5) } },
      ],
    });
    expect(result.backlog.mean).toBeGreaterThan(0.1);
    expect(result.wip.mean - result.backlog.mean).toBeLessThanOrEqual(3);
    expect(result.cycleTime.mean).toBeLessThan(result.leadTime.mean);
  });

  it('people who start everything at once finish each item later than if they took one at a time', () => {
    const team = (multitasking?: { switchCost: number }) => ({
      name: 'multitasking',
      run: { duration: 5000, warmup: 200, seed: 2, replications: 2 },
      demand: [{ id: 'feature', interarrival: exponential(1.25), steps: ['build'] }],
      nodes: [
        {
          id: 'devs',
          capacity: 1,
          serves: { build: exponential(1) },
          ...(multitasking ? { multitasking } : {}),
        },
      ],
    });
    const focused = simulate(team());
    const juggling = simulate(team({ switchCost: 0.05 }));
    expect(juggling.leadTime.mean).toBeGreaterThan(focused.leadTime.mean);
    expect(juggling.nodes.devs.utilization).toBeGreaterThan(0.9);
  });
});

describe('outages', () => {
  it('a node that is down a tenth of the time loses that time, and no work starts while it is down', () => {
    const { log, outcome } = trace({
      name: 'flaky platform',
      run: { duration: 1000 },
      demand: [{ id: 'deploy', interarrival: exponential(2), steps: ['deploy'] }],
      nodes: [{ id: 'platform', capacity: 1, serves: { deploy: 0.2 }, outages: { mtbf: 18, mttr: 2 } }],
    });
    // Down 2 of every 20 time units: 100 of the 1000.
    expect(outcome.nodes.downArea[0]).toBeCloseTo(100, -1);
    let down = false;
    for (const s of log) {
      if (s.event === 'unavailable') down = true;
      if (s.event === 'available') down = false;
      if (s.event === 'start') expect(down).toBe(false);
    }
  });
});
