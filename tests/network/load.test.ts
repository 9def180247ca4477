import { describe, expect, it } from 'vitest';
import { type NodeLoad, nodeLoads, parseScenario, simulate } from '../../src/index.ts';
import { preset } from '../presets/paired.ts';

const exp = (mean: number) => ({ dist: 'exponential', mean });

/** The offered load of every node of a scenario, by id. */
function loads(doc: object): Record<string, NodeLoad> {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return Object.fromEntries(nodeLoads(parsed.scenario).map((l) => [l.id, l]));
}

/** A scenario with the given demand and nodes, and a run long enough for theory checks. */
function scenario(demand: object[], nodes: object[], extra: object = {}) {
  return { name: 'load', run: { duration: 2000, warmup: 200, seed: 3 }, demand, nodes, ...extra };
}

const team = (outages?: object) =>
  scenario(
    [{ id: 'item', interarrival: exp(1), steps: ['work'] }],
    [{ id: 'team', capacity: 1, serves: { work: exp(0.6) }, ...(outages ? { outages } : {}) }],
  );

describe('offered load', () => {
  it('is arrival rate x mean service time / capacity', () => {
    expect(loads(team()).team).toEqual({
      id: 'team',
      capacity: 1,
      load: expect.closeTo(0.6, 12),
      exact: true,
    });
  });

  it('counts only the time a node is up: down a third of the time, 0.6 becomes 0.9', () => {
    expect(loads(team({ mtbf: 20, mttr: 10 })).team.load).toBeCloseTo(0.9, 12);
  });

  it('so outages that leave too little time are reported as unstable', () => {
    const result = simulate({
      ...team({ mtbf: 10, mttr: 10 }),
      run: { duration: 2000, warmup: 100, seed: 2 },
    });
    expect(result.nodes.team.offeredLoad).toBeCloseTo(1.2, 12);
    expect(result.warnings.join(' ')).toMatch(/grows without bound/);
  });

  it('counts the time a blocked item holds its server: 0.6 + 0.25 x 0.8 blocked is 0.8, and nothing when put aside', () => {
    const blocked = (policy: string) =>
      loads(
        scenario(
          [{ id: 'item', interarrival: exp(1), steps: ['work'] }],
          [
            {
              id: 'team',
              capacity: 1,
              serves: { work: exp(0.6) },
              blocker: { probability: 0.25, time: exp(0.8), policy },
            },
          ],
        ),
      ).team;
    expect(blocked('hold').load).toBeCloseTo(0.8, 12);
    expect(blocked('aside').load).toBeCloseTo(0.6, 12);
  });

  it('so blockers that hold servers too long are reported as unstable before the run', () => {
    const result = simulate(
      scenario(
        [{ id: 'item', interarrival: exp(1), steps: ['work'] }],
        [
          {
            id: 'team',
            capacity: 1,
            serves: { work: exp(0.6) },
            blocker: { probability: 0.5, time: exp(1) },
          },
        ],
      ),
    );
    expect(result.nodes.team.offeredLoad).toBeCloseTo(1.1, 12);
    expect(result.warnings.join(' ')).toMatch(/grows without bound/);
  });

  it('counts one blocker per batch: a batch of 4 holds its server p x blocked time once', () => {
    const batched = loads(
      scenario(
        [{ id: 'item', interarrival: exp(1), steps: ['work'] }],
        [
          {
            id: 'team',
            capacity: 1,
            serves: { work: exp(2) },
            batch: { size: 4 },
            blocker: { probability: 0.5, time: exp(2) },
          },
        ],
      ),
    ).team;
    // 1/4 batch per time unit, each 2 of work and 0.5 x 2 blocked: (2 + 1) / 4.
    expect(batched.load).toBeCloseTo(0.75, 12);
  });

  it('counts every pass of rework: Bernoulli feedback at λ 0.8, μ 1, p 0.3 is 0.8 / 0.7', () => {
    const feedback = scenario(
      [{ id: 'item', interarrival: exp(1.25), steps: ['work'] }],
      [{ id: 'server', capacity: 1, serves: { work: exp(1) }, failure: { probability: 0.3 } }],
    );
    const server = loads(feedback).server;
    expect(server.load).toBeCloseTo(0.8 / 0.7, 12);
    expect(server.exact).toBe(true);
    const result = simulate(feedback);
    expect(result.nodes.server.offeredLoad).toBeCloseTo(1.142857, 6);
    expect(result.warnings.join(' ')).toMatch(/node "server" is offered 114% of its capacity/);
  });

  it('solves a Jackson loop back to an earlier step: every node on the loop carries 1 / (1 - p) passes', () => {
    // a -> b -> c; b repeats itself with chance 0.2, c sends work back to a with chance 0.25.
    // Passes through the loop 1 / 0.75 = 4/3; visits to b 4/3 x 1 / 0.8 = 5/3.
    const loop = scenario(
      [{ id: 'item', interarrival: exp(2), steps: ['a', 'b', 'c'] }],
      [
        { id: 'A', capacity: 1, serves: { a: exp(0.6) } },
        { id: 'B', capacity: 1, serves: { b: exp(0.3) }, failure: { probability: 0.2 } },
        { id: 'C', capacity: 2, serves: { c: exp(1.2) }, failure: { probability: 0.25, reworkTo: 'a' } },
      ],
    );
    const l = loads(loop);
    expect(l.A.load).toBeCloseTo(0.5 * (4 / 3) * 0.6, 12);
    expect(l.B.load).toBeCloseTo(0.5 * (5 / 3) * 0.3, 12);
    expect(l.C.load).toBeCloseTo((0.5 * (4 / 3) * 1.2) / 2, 12);
    expect(Object.values(l).every((n) => n.exact)).toBe(true);
  });

  it('gives a node reached only through escalations the work escalated to it', () => {
    const escalation = scenario(
      [{ id: 'item', interarrival: exp(2), steps: ['build'] }],
      [
        {
          id: 'agents',
          kind: 'agent',
          capacity: 4,
          serves: { build: exp(1) },
          failure: { probability: 0.3, escalateTo: 'senior' },
        },
        { id: 'seniors', capacity: 1, serves: { senior: exp(2) } },
      ],
    );
    const l = loads(escalation);
    expect(l.agents.load).toBeCloseTo(0.5 / 4, 12); // an escalated item is not redone here
    expect(l.seniors.load).toBeCloseTo(0.5 * 0.3 * 2, 12);
  });

  it('counts a batch once: one service time serves the whole batch of b', () => {
    const bulk = (size: number) =>
      scenario(
        [{ id: 'item', interarrival: exp(1), steps: ['deploy'] }],
        [{ id: 'pipeline', capacity: 1, batch: { size }, serves: { deploy: exp(2) } }],
      );
    expect(loads(bulk(4)).pipeline).toEqual({ id: 'pipeline', capacity: 1, load: 0.5, exact: true });
    expect(loads(bulk(1)).pipeline.load).toBe(2);
  });

  it('sends a whole batch back when one item fails: a batch of b fails with chance 1 - (1 - p)^b', () => {
    const blast = scenario(
      [{ id: 'item', interarrival: exp(1), steps: ['build', 'deploy'] }],
      [
        { id: 'developers', capacity: 2, serves: { build: exp(1) } },
        {
          id: 'pipeline',
          capacity: 1,
          batch: { size: 5 },
          failure: { probability: 0.1, reworkTo: 'build', scope: 'batch' },
          serves: { deploy: exp(2) },
        },
      ],
    );
    const passes = 1 / 0.9 ** 5;
    const l = loads(blast);
    expect(l.developers.load).toBeCloseTo(passes / 2, 12);
    expect(l.pipeline.load).toBeCloseTo((passes * 2) / 5, 12);
    expect(l.pipeline.exact).toBe(true); // no timeout: every batch is full
  });

  it('marks a batch with a timeout as an estimate: batches that time out are smaller', () => {
    const l = loads(
      scenario(
        [{ id: 'item', interarrival: exp(1), steps: ['deploy'] }],
        [{ id: 'pipeline', capacity: 1, batch: { size: 4, timeout: 3 }, serves: { deploy: exp(2) } }],
      ),
    );
    expect(l.pipeline.load).toBe(0.5);
    expect(l.pipeline.exact).toBe(false);
    expect(l.pipeline.estimateReason).toMatch(/full batches of 4/);
  });

  it('divides by the share of time a gate is open: open 2 in every 8, λ 0.1 x 1 is 0.4', () => {
    const gate = scenario(
      [{ id: 'item', interarrival: exp(10), steps: ['approve'] }],
      [{ id: 'board', kind: 'gate', capacity: 1, schedule: { every: 8, open: 2 }, serves: { approve: 1 } }],
    );
    expect(loads(gate).board).toEqual({
      id: 'board',
      capacity: 1,
      load: expect.closeTo(0.4, 12),
      exact: true,
    });
  });

  it('a board that takes everything waiting serves one batch per opening: an estimate that says so', () => {
    const board = scenario(
      [{ id: 'item', interarrival: exp(1), steps: ['approve'] }],
      [
        {
          id: 'board',
          kind: 'gate',
          capacity: 1,
          schedule: { every: 7, open: 0.25, batch: true },
          serves: { approve: 0.2 },
        },
      ],
    );
    const l = loads(board).board;
    // One meeting a week, with work waiting unless nothing came for a whole week (e^-7).
    expect(l.load).toBeCloseTo((1 - Math.exp(-7)) * (0.2 / 0.25), 12);
    expect(l.exact).toBe(false);
    expect(l.estimateReason).toMatch(/one batch per opening/);
  });

  it('reports the worst phase of a capacity schedule, with its window', () => {
    const dip = scenario(
      [{ id: 'item', interarrival: exp(1 / 0.7), steps: ['work'] }],
      [
        {
          id: 'team',
          capacity: 2,
          capacitySchedule: [
            { from: 300, capacity: 1 },
            { from: 500, capacity: 2 },
          ],
          serves: { work: 2 },
        },
      ],
    );
    const l = loads(dip).team;
    expect(l.load).toBeCloseTo(1.4, 12);
    expect(l.window).toEqual({ from: 300, to: 500 });
    expect(l.phases?.map((p) => p.load)).toEqual([
      expect.closeTo(0.7, 12),
      expect.closeTo(1.4, 12),
      expect.closeTo(0.7, 12),
    ]);
    const result = simulate(dip);
    expect(result.nodes.team.offeredLoadWindow).toEqual({ from: 300, to: 500 });
    expect(result.warnings).toContain(
      'node "team" is offered 140% of its capacity between day 300 and day 500: its queue grows for as long as that lasts, and lead times with it',
    );
  });

  it('reports the worst phase of a demand schedule: the surge that overloads the platform for 200 days', () => {
    const l = loads(preset('demand-surge.json'));
    // (features 1/day x 0.8 + incidents 1.25/day x (0.5 + 1.4)) / 3 servers
    expect(l.platform.load).toBeCloseTo((0.8 + 1.25 * 1.9) / 3, 12);
    expect(l.platform.window).toEqual({ from: 500, to: 700 });
    // Nodes the surge does not touch keep one load and no window.
    expect(l.developers.window).toBeUndefined();
  });

  it('joins a worst phase split by another node’s change into one window', () => {
    const split = scenario(
      [
        {
          id: 'item',
          interarrival: exp(1),
          steps: ['a', 'b'],
          schedule: [
            { from: 100, interarrival: exp(0.5) },
            { from: 400, interarrival: exp(1) },
          ],
        },
      ],
      [
        { id: 'A', capacity: 1, serves: { a: 0.6 } },
        { id: 'B', capacity: 4, capacitySchedule: [{ from: 250, capacity: 2 }], serves: { b: 0.5 } },
      ],
    );
    const l = loads(split);
    expect(l.A.load).toBeCloseTo(1.2, 12);
    expect(l.A.window).toEqual({ from: 100, to: 400 });
    expect(l.B.load).toBeCloseTo(0.5, 12);
    expect(l.B.window).toEqual({ from: 250, to: 400 });
  });

  it('says a node with no servers while work arrives is offered more than it can ever do', () => {
    const off = scenario(
      [{ id: 'item', interarrival: exp(1), steps: ['work'] }],
      [
        {
          id: 'team',
          capacity: 1,
          capacitySchedule: [
            { from: 100, capacity: 0 },
            { from: 110, capacity: 1 },
          ],
          serves: { work: 0.5 },
        },
      ],
    );
    const result = simulate(off);
    expect(loads(off).team.load).toBe(Number.POSITIVE_INFINITY);
    // A result holds finite numbers only: the largest a double holds.
    expect(result.nodes.team.offeredLoad).toBe(Number.MAX_VALUE);
    expect(result.warnings[0]).toMatch(
      /node "team" is offered more than it can ever do between day 100 and day 110/,
    );
  });

  it('counts work that can never leave a rework loop as unbounded', () => {
    // A file cannot say this (validation refuses probability 1 with rework), but a library
    // user can hand nodeLoads any scenario object.
    const parsed = parseScenario(
      scenario(
        [{ id: 'item', interarrival: exp(1), steps: ['a', 'b'] }],
        [
          { id: 'A', capacity: 1, serves: { a: 0.5 } },
          { id: 'B', capacity: 1, serves: { b: 0.5 }, failure: { probability: 0.9, reworkTo: 'a' } },
        ],
      ),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const failure = parsed.scenario.nodes[1].failure;
    if (failure) failure.probability = 1;
    const [a, b] = nodeLoads(parsed.scenario);
    expect(a.load).toBe(Number.POSITIVE_INFINITY);
    expect(b.load).toBe(Number.POSITIVE_INFINITY);
  });

  it('includes the time lost to multitasking as an estimate, and is exact without a switch cost', () => {
    const juggling = (switchCost: number) =>
      scenario(
        [{ id: 'item', interarrival: exp(1), steps: ['work'] }],
        [{ id: 'team', capacity: 2, multitasking: { switchCost }, serves: { work: exp(1.4) } }],
      );
    expect(loads(juggling(0)).team).toEqual({
      id: 'team',
      capacity: 2,
      load: expect.closeTo(0.7, 12),
      exact: true,
    });
    const costly = loads(juggling(0.2)).team;
    expect(costly.load).toBeGreaterThan(0.7);
    expect(costly.exact).toBe(false);
    expect(costly.estimateReason).toMatch(/switching/);
  });

  it('says a multitasking node tips into a pile-up when the run is long enough to reach the tipping point', () => {
    // 3 people, plain load 0.8: past 15 items in progress switching eats more than the 20%
    // slack. A run of 20,000 days gets there (expected within a few hundred); 20 days does not.
    const juggling = (duration: number) => ({
      ...scenario(
        [{ id: 'item', interarrival: exp(1), steps: ['work'] }],
        [{ id: 'team', capacity: 3, multitasking: { switchCost: 0.05 }, serves: { work: exp(2.4) } }],
      ),
      run: { duration },
    });
    expect(loads(juggling(20)).team.load).toBeLessThan(0.85);
    expect(loads(juggling(20_000)).team.load).toBeCloseTo(0.8 / 0.1, 12);
    // The simulation agrees: by the end of a 5,000-day run thousands of items are in
    // progress (a team that kept up would hold about 5).
    expect(
      simulate({ ...juggling(5000), run: { duration: 5000, seed: 1 } }).workItemAge.count,
    ).toBeGreaterThan(1000);
  });

  it('finds the tipping point directly, so a vanishing switch cost gives the plain load instead of a scan of 1e136 states', () => {
    // A tipping point servers x (1 + (1 - load) / switchCost) away: 1e136 states at 8e-137.
    // Scanning to it never ended, and hung validate, run and every result that shows the load.
    for (const switchCost of [8e-137, 1e-300, 1e-12]) {
      const juggling = scenario(
        [{ id: 'item', interarrival: exp(1), steps: ['work'] }],
        [{ id: 'team', capacity: 3, multitasking: { switchCost }, serves: { work: exp(2.4) } }],
      );
      expect(loads({ ...juggling, run: { duration: 20_000_000 } }).team.load).toBeCloseTo(0.8, 9);
    }
    // And where the tipping point is near, it is still found: the case above at 0.05.
    const near = scenario(
      [{ id: 'item', interarrival: exp(1), steps: ['work'] }],
      [{ id: 'team', capacity: 3, multitasking: { switchCost: 0.05 }, serves: { work: exp(2.4) } }],
    );
    expect(loads({ ...near, run: { duration: 20_000 } }).team.load).toBeCloseTo(0.8 / 0.1, 12);
  });

  it('splits a shared step evenly under round-robin, exactly, and keeps an item with its node under affinity', () => {
    // a is served by P and Q, b by Q and R. With affinity, Q keeps the items it did a for;
    // the rest of b alternates between Q and R: Q does a for half and b for 3/4 of the items.
    const shared = (affinity: boolean) =>
      scenario(
        [{ id: 'item', interarrival: exp(1), steps: ['a', 'b'] }],
        [
          { id: 'P', capacity: 1, serves: { a: 1 } },
          { id: 'Q', capacity: 2, serves: { a: 1, b: 1 } },
          { id: 'R', capacity: 1, serves: { b: 1 } },
        ],
        { routing: 'round-robin', affinity },
      );
    const plain = loads(shared(false));
    expect([plain.P.load, plain.Q.load, plain.R.load]).toEqual([0.5, 0.5, 0.5]);
    const sticky = loads(shared(true));
    expect([sticky.P.load, sticky.Q.load, sticky.R.load]).toEqual([0.5, (0.5 + 0.75) / 2, 0.25]);
    expect(Object.values(sticky).every((n) => n.exact)).toBe(true);
  });

  it('marks adaptive splits as estimates, but not a node downstream whose work they cannot change', () => {
    const l = loads({ ...preset('dynamic-network.json') });
    expect(l['stream-a'].exact).toBe(false);
    expect(l['stream-a'].estimateReason).toMatch(/shortest-queue routing/);
    expect(l['ai-agents'].exact).toBe(true);
    // With outages, random routing passes over nodes that are down, so its split is not even.
    const outages = loads({ ...preset('outages-routing.json'), routing: 'random' });
    expect(outages.builders.exact).toBe(false);
    expect(outages.builders.estimateReason).toMatch(/passes over nodes that are down/);
    expect(outages.designers.exact).toBe(true);
  });
});
