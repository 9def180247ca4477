/**
 * The aging-WIP snapshot: the items in progress when arrivals stop, each with its step and its
 * age. Checked against the run's own trace, followed item by item: the snapshot holds exactly
 * the items that had arrived and were not done at `duration`, each in the step it was at.
 */
import { describe, expect, it } from 'vitest';
import { replicationSeed } from '../../src/engine/random.ts';
import { runnableScenario } from '../../src/experiment/replications.ts';
import { simulate } from '../../src/index.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

/** Three steps, one team each, busy enough that work is queued at every step. */
function tandem(extra: Record<string, unknown> = {}) {
  return {
    name: 'three steps',
    run: { duration: 300, warmup: 30, seed: 11, replications: 2 },
    demand: [{ id: 'work', interarrival: exponential(1), steps: ['analyse', 'build', 'test'] }],
    nodes: [
      { id: 'analysts', capacity: 1, serves: { analyse: exponential(0.8) } },
      { id: 'builders', capacity: 2, serves: { build: exponential(1.7) } },
      { id: 'testers', capacity: 1, serves: { test: exponential(0.85) } },
    ],
    ...extra,
  };
}

/**
 * The items in progress at `duration` in the first replication, followed through the trace:
 * an item is in the backlog from its arrival until a node admits it, then at the step that
 * node serves (each node here serves one).
 */
function tracedWip(doc: unknown): { step: string | null; age: number }[] {
  const scenario = runnableScenario(doc);
  const topology = compileTopology(scenario);
  const stepOf = scenario.nodes.map((n) => Object.keys(n.serves)[0]);
  const duration = scenario.run.duration;
  const live = new Map<number, { arrival: number; step: string | null }>();
  const run = new Replication(scenario, topology, replicationSeed(scenario.run.seed, 0), {
    trace: (event, time, item, node) => {
      if (time > duration) return;
      if (event === 'arrive') live.set(item, { arrival: time, step: null });
      else if (event === 'admit') (live.get(item) as { step: string | null }).step = stepOf[node];
      else if (event === 'complete' || event === 'reject') live.delete(item);
    },
  });
  run.advance();
  return [...live.values()].map((i) => ({ step: i.step, age: duration - i.arrival }));
}

function sorted(items: { step: string | null; age: number }[]) {
  return [...items].sort((a, b) => a.age - b.age || String(a.step).localeCompare(String(b.step)));
}

describe('the work in progress when arrivals stop', () => {
  it('holds every item arrived and not done at the duration, in the step it is at, with its age', () => {
    const doc = tandem();
    const result = simulate(doc);
    const traced = tracedWip(doc);
    expect(traced.length).toBeGreaterThan(5);
    expect(result.agingWip.at).toBe(300);
    expect(result.agingWip.count).toBe(traced.length);
    const snapshot = result.agingWip.step.map((step, i) => ({ step, age: result.agingWip.age[i] }));
    expect(sorted(snapshot)).toEqual(sorted(traced));
    // Every step holds some of it, and nothing is in a backlog without a system WIP limit.
    expect(new Set(result.agingWip.step)).toEqual(new Set(['analyse', 'build', 'test']));
  });

  it('puts the items waiting in the CONWIP backlog, not yet committed, in no step', () => {
    const doc = tandem({ wipLimit: 4 });
    const result = simulate(doc);
    const traced = tracedWip(doc);
    const snapshot = result.agingWip.step.map((step, i) => ({ step, age: result.agingWip.age[i] }));
    expect(sorted(snapshot)).toEqual(sorted(traced));
    const committed = result.agingWip.step.filter((s) => s !== null);
    expect(committed).toHaveLength(4);
    expect(result.agingWip.step.filter((s) => s === null).length).toBeGreaterThan(10);
  });

  it('keeps at most 2000 items of a pile-up, spread over all of it, and counts them all', () => {
    const doc = {
      ...tandem(),
      run: { duration: 400, warmup: 0, seed: 3, replications: 1 },
      demand: [{ id: 'work', interarrival: exponential(0.1), steps: ['analyse'] }],
      nodes: [{ id: 'analysts', capacity: 1, serves: { analyse: exponential(1) } }],
    };
    const result = simulate(doc);
    const traced = tracedWip(doc);
    expect(result.agingWip.count).toBe(traced.length);
    expect(traced.length).toBeGreaterThan(3500);
    expect(result.agingWip.age.length).toBeGreaterThanOrEqual(1000);
    expect(result.agingWip.age.length).toBeLessThanOrEqual(2000);
    // Thinned evenly over the pile: the oldest and the youngest are both still near the ends.
    const ages = traced.map((i) => i.age);
    expect(Math.max(...result.agingWip.age)).toBeGreaterThan(0.99 * Math.max(...ages));
    expect(Math.min(...result.agingWip.age)).toBeLessThan(Math.min(...ages) + 0.01 * Math.max(...ages));
  });
});
