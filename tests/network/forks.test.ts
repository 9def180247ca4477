/**
 * Fork and join: an item at a parallel step splits into one part per branch, each routed
 * and served on its own, and carries on when the last is done, from that part's node.
 * Example tests tell the story; a property (fast-check) checks conservation over generated
 * networks with every lean mechanism: every forked item joins exactly once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeLoads, simulate } from '../../src/index.ts';
import { parseScenario } from '../../src/model/parse.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';
import { arbitraryLeanScenario } from './arbitrary-mechanisms.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

function validated(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

type Entry = { event: string; time: number; item: number; node: number; cap: number; whole?: number };

function traced(scenario: Scenario, seed = 1) {
  const topology = compileTopology(scenario);
  const log: Entry[] = [];
  const replication = new Replication(scenario, topology, seed, {
    trace: (event, time, item, node, cap, whole) => log.push({ event, time, item, node, cap, whole }),
  });
  replication.advance();
  return { topology, log, replication, outcome: replication.outcome() };
}

const feature = (extra: Record<string, unknown> = {}) => ({
  name: 'feature teams',
  run: { duration: 400, seed: 5 },
  demand: [
    {
      id: 'feature',
      interarrival: exponential(2),
      steps: ['plan', { all: ['frontend', 'backend', 'platform'] }, 'release'],
    },
  ],
  nodes: [
    { id: 'product', capacity: 1, serves: { plan: exponential(0.8), release: exponential(0.3) } },
    { id: 'web', capacity: 1, serves: { frontend: exponential(1) } },
    { id: 'api', capacity: 1, serves: { backend: exponential(1.5) } },
    { id: 'infra', capacity: 1, serves: { platform: exponential(0.7) } },
  ],
  ...extra,
});

/**
 * Checks a traced run's conservation: each item forks into one part per branch, each part
 * joins once, and its item carries on only after the last; parts never complete or count as
 * items; with the run drained nothing is left over.
 */
function expectConserved({ log, outcome, replication, topology }: ReturnType<typeof traced>) {
  const parts = new Map<number, { whole: number; joined: boolean }>();
  const open = new Map<number, number>(); // item -> parts not yet joined
  let arrived = 0;
  let completed = 0;
  let rejected = 0;
  for (const e of log) {
    if (e.event === 'arrive') arrived++;
    else if (e.event === 'reject') rejected++;
    else if (e.event === 'fork') {
      expect(parts.has(e.item), 'a part is made once').toBe(false);
      parts.set(e.item, { whole: e.whole!, joined: false });
      open.set(e.whole!, (open.get(e.whole!) ?? 0) + 1);
    } else if (e.event === 'join') {
      const part = parts.get(e.item)!;
      expect(part.whole).toBe(e.whole);
      expect(part.joined, 'a part joins once').toBe(false);
      part.joined = true;
      open.set(e.whole!, open.get(e.whole!)! - 1);
      if (open.get(e.whole!) === 0) {
        open.delete(e.whole!);
        for (const [slot, p] of parts) if (p.whole === e.whole && p.joined) parts.delete(slot);
      }
    } else if (e.event === 'complete') {
      expect(open.has(e.item), 'an item completes only after its parts joined').toBe(false);
      expect(parts.has(e.item), 'a part never completes as an item').toBe(false);
      completed++;
    } else if (['start', 'admit'].includes(e.event) && e.item >= 0) {
      // Nothing works on or moves an item while it waits at its join.
      expect(open.has(e.item), `${e.event} of an item waiting at its join`).toBe(false);
    }
  }
  expect(arrived).toBe(completed + rejected + outcome.inProgressAtEnd);
  if (outcome.stoppedBy === 'drained') {
    expect(open.size).toBe(0);
    expect(parts.size).toBe(0);
    const items = replication.items;
    for (let slot = 0; slot < items.highWater; slot++) expect(items.live[slot]).toBe(0);
  }
  expect(topology.nodeIds.length).toBeGreaterThan(0);
}

describe('fork and join', () => {
  it('an item splits into one part per branch, each served at a node that serves it', () => {
    const run = traced(validated(feature()));
    const forks = run.log.filter((e) => e.event === 'fork');
    const first = forks[0].whole;
    // Slots are reused once given back: the first item's parts are those made at its fork.
    const itsParts = forks.filter((e) => e.whole === first && e.time === forks[0].time);
    expect(itsParts.map((e) => run.topology.capabilities[e.cap])).toEqual([
      'frontend',
      'backend',
      'platform',
    ]);
    for (const part of itsParts) {
      const start = run.log.find((e) => e.event === 'start' && e.item === part.item)!;
      expect(run.topology.nodeIds[start.node]).toBe(
        { frontend: 'web', backend: 'api', platform: 'infra' }[run.topology.capabilities[part.cap]],
      );
    }
    expectConserved(run);
  });

  it('the item carries on from the node where its last part was done, once every part is', () => {
    const run = traced(validated(feature()));
    const joins = run.log.filter((e) => e.event === 'join');
    const whole = joins[0].whole!;
    // The first item's three parts join in turn (its slot may be reused later).
    const itsJoins = joins.filter((e) => e.whole === whole).slice(0, 3);
    expect(new Set(itsJoins.map((e) => e.cap)).size).toBe(3);
    const last = itsJoins[2];
    expect(
      run.log.some(
        (e) => e.event === 'admit' && e.item === whole && e.time < last.time && e.time > itsJoins[0].time,
      ),
    ).toBe(false);
    // It is next admitted to the release step's node: the handoff is from the last part's node.
    const next = run.log.find((e) => e.event === 'admit' && e.item === whole && e.time >= last.time)!;
    expect(run.topology.nodeIds[next.node]).toBe('product');
    expect(next.time).toBe(last.time);
  });

  it('reports the wait at the join for the slowest branch, and which branch was last', () => {
    const result = simulate(feature({ run: { duration: 2000, warmup: 100, seed: 5, replications: 4 } }));
    const [join] = result.joins!;
    expect(join).toMatchObject({ class: 'feature', step: 1, branches: ['frontend', 'backend', 'platform'] });
    const shares = Object.values(join.lastShare);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The slowest and busiest team (api) is last most often; waiting is part of the span.
    expect(join.lastShare.backend).toBe(Math.max(...shares));
    expect(join.wait.mean).toBeGreaterThan(0);
    expect(join.wait.mean).toBeLessThan(join.span.mean);
    // Each item joins once per parallel step.
    expect(join.joined * result.replications).toBe(result.completed);
    // Work flows out to each branch's node, and on from each to the release step's node.
    const flow = (from: string, to: string) => result.flow.find((f) => f.from === from && f.to === to)?.items;
    for (const team of ['web', 'api', 'infra']) {
      expect(flow('product', team)).toBe(flow(team, 'product'));
      expect(flow('product', team)).toBeGreaterThanOrEqual(result.completed);
    }
  });

  it('each branch loads the nodes that serve it, every item once per pass through the fork', () => {
    const input = feature();
    // Work failed in the backend branch is done again there: 1 / (1 - 0.2) passes per item.
    (input.nodes[2] as Record<string, unknown>).failure = { probability: 0.2 };
    const loads = Object.fromEntries(nodeLoads(validated(input)).map((l) => [l.id, l.load]));
    expect(loads.product).toBeCloseTo(0.5 * (0.8 + 0.3), 12);
    expect(loads.web).toBeCloseTo(0.5 * 1, 12);
    expect(loads.api).toBeCloseTo((0.5 * 1.5) / 0.8, 12);
    expect(loads.infra).toBeCloseTo(0.5 * 0.7, 12);
  });

  it('a result has no joins when no class has a parallel step', () => {
    const plain = feature();
    plain.demand[0].steps = ['plan', 'frontend', 'backend', 'platform', 'release'];
    expect(simulate(plain).joins).toBeUndefined();
  });

  it('a parallel step may come first, last, or twice in a row', () => {
    for (const steps of [
      [{ all: ['frontend', 'backend'] }, 'release'],
      ['plan', { all: ['frontend', 'platform'] }],
      [{ all: ['frontend', 'backend'] }, { all: ['platform', 'plan'] }],
    ]) {
      const input = feature();
      input.demand[0].steps = steps as never;
      const run = traced(validated(input));
      expect(run.outcome.stoppedBy).toBe('drained');
      expect(run.outcome.completed).toBeGreaterThan(100);
      expectConserved(run);
    }
  });

  it('memory stays bounded by the work in progress: part slots are given back at the join', () => {
    const input = feature({ run: { duration: 20_000, seed: 2 } });
    const run = traced(validated(input));
    // 10,000 items with 3 parts each, through a few dozen slots.
    expect(run.outcome.completed).toBeGreaterThan(9000);
    expect(run.replication.items.highWater).toBeLessThan(4 * (run.outcome.wipMax + 1) + 4);
  });
});

/** Generated lean scenarios, with one step of each class made parallel where it can be. */
function withParallelSteps() {
  return fc.tuple(arbitraryLeanScenario(), fc.nat(), fc.boolean()).map(([input, pick, first]) => {
    const caps = [...new Set(input.nodes.flatMap((n) => Object.keys(n.serves as object)))];
    if (caps.length < 2) return input;
    const demand = input.demand.map((d, i) => {
      const steps = [...(d.steps as string[])] as unknown[];
      const at = first ? 0 : (pick + i) % steps.length;
      const own = steps[at] as string;
      const other = caps[(caps.indexOf(own) + 1 + (pick % (caps.length - 1))) % caps.length];
      steps[at] = { all: [own, other] };
      return { ...d, steps };
    });
    return { ...input, demand };
  });
}

describe('fork and join over generated networks', () => {
  it('every forked item joins exactly once, whatever the mechanisms', () => {
    fc.assert(
      fc.property(withParallelSteps(), (input) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        expectConserved(traced(parsed.scenario));
      }),
      { numRuns: 60 },
    );
  });
});
