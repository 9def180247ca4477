/**
 * Memory that stays flat in the number of nodes: a network of thousands of nodes keeps
 * nothing per pair of nodes or per node and capability, and a time series of a bounded
 * number of channels, while its numbers stay those of the whole network.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeHere } from '../../src/experiment/pipeline.ts';
import { runReplication } from '../../src/experiment/replications.ts';
import { mergePartials, planShard } from '../../src/experiment/shard.ts';
import type { PartialResult } from '../../src/experiment/shard-file.ts';
import { sweep } from '../../src/experiment/sweep.ts';
import { parseScenario, simulate } from '../../src/index.ts';
import { countsDense, DENSE_SIDE, MoveCounts, movesOver } from '../../src/network/move-counts.ts';
import { SERIES_NODES, SERIES_STEPS } from '../../src/network/series-plan.ts';
import { compileTopology, serveIndex } from '../../src/network/topology.ts';

const exponential = (mean: number) => ({ dist: 'exponential' as const, mean });

/** `chains` lines of `length` single-step nodes each, one demand class per line. */
function chains(chains: number, length: number, extra: Record<string, unknown> = {}) {
  const nodes = [];
  const demand = [];
  for (let c = 0; c < chains; c++) {
    const steps = [];
    for (let i = 0; i < length; i++) {
      const id = `n${c * length + i}`;
      steps.push(`s${c * length + i}`);
      // Every line's middle node is the slowest: those are the busiest nodes.
      const mean = i === Math.floor(length / 2) ? 0.8 : 0.2 + (i % 5) * 0.05;
      nodes.push({ id, capacity: 1, serves: { [`s${c * length + i}`]: exponential(mean) } });
    }
    demand.push({ id: `line${c}`, interarrival: exponential(chains), steps });
  }
  return { name: 'long lines', run: { duration: 60, seed: 3, ...extra }, demand, nodes };
}

describe('moves between nodes are counted for the pairs used, not for every pair', () => {
  it('past DENSE_SIDE nodes the outcome holds the pairs seen, and the flow is the same as counted densely', () => {
    const scenario = chains(1, 400);
    const parsed = parseScenario(scenario);
    if (!parsed.ok) throw new Error('valid');
    const outcome = runReplication(parsed.scenario, 0);
    // 401 pairs (arrival -> n0, n0 -> n1, ..., n399 -> done) as [key, count], not 401^2 cells.
    expect(outcome.moves.length).toBe(2 * 401);
    const flow = simulate(scenario).flow;
    expect(flow).toHaveLength(401);
    // In the dense matrix's order: node by node, the arrival row (numbered after the nodes) last.
    expect(flow[0]).toMatchObject({ from: 'n0', to: 'n1' });
    expect(flow[399]).toMatchObject({ from: 'n399', to: 'done' });
    expect(flow[400]).toMatchObject({ from: 'arrival', to: 'n0' });
    // Every item that reached the end passed every node: the counts fall along the line.
    const line = [flow[400], ...flow.slice(0, 400)];
    for (let i = 1; i < line.length; i++) expect(line[i].items).toBeLessThanOrEqual(line[i - 1].items);
    expect(line[400].items).toBeGreaterThan(0);
  });

  it('shard files of a large network carry its pairs and merge into exactly the whole run', () => {
    const document = chains(1, 300, { replications: 2 });
    const files = [1, 2].map((index) => {
      const partial = executeHere(planShard(document, [], { index, count: 2 }));
      return JSON.parse(JSON.stringify(partial)) as PartialResult;
    });
    expect(JSON.stringify(mergePartials(files).sweep)).toBe(JSON.stringify(sweep(document, [])));
  });

  it('the hash table counts exactly what the matrix counts, in the same order', () => {
    const nodes = DENSE_SIDE + 40;
    expect(countsDense(nodes)).toBe(false);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: nodes }), fc.integer({ min: 0, max: nodes })), {
          maxLength: 3000,
        }),
        (pairs) => {
          const counts = new MoveCounts(nodes, new Float64Array(0));
          const expected = new Map<number, number>();
          for (const [from, to] of pairs) {
            const key = from * (nodes + 1) + to;
            counts.add(key);
            expected.set(key, (expected.get(key) ?? 0) + 1);
          }
          const twice = movesOver(nodes, [counts.toOutcome(), counts.toOutcome()]);
          expect(twice).toEqual(
            [...expected.entries()].sort((a, b) => a[0] - b[0]).map(([key, n]) => ({ key, items: 2 * n })),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('the topology lists what each node serves, without a node x capability table', () => {
  it('10,000 single-step nodes take 10,000 entries, and each is found', () => {
    const parsed = parseScenario(chains(10, 1000));
    if (!parsed.ok) throw new Error('valid');
    const topology = compileTopology(parsed.scenario);
    expect(topology.serviceMean.length).toBe(10_000);
    expect(topology.serviceSampler.length).toBe(10_000);
    const c = topology.capabilities.indexOf('s4321');
    expect(topology.serviceMean[serveIndex(topology, 4321, c)]).toBe(0.25);
    expect(serveIndex(topology, 4320, c)).toBe(-1);
  });
});

describe('the time series follows the whole system and a bounded number of nodes', () => {
  it(`a network of over ${SERIES_NODES} nodes keeps the busiest ${SERIES_NODES}, and those named in run.seriesNodes`, () => {
    const result = simulate(chains(20, 10, { seriesNodes: ['n1', 'n2'] }));
    const followed = Object.keys(result.series.queues);
    // The middle node of each line is the slowest, so the busiest; the first twelve lines' in file order.
    const busiest = Array.from({ length: SERIES_NODES }, (_, c) => `n${c * 10 + 5}`);
    expect(followed).toEqual(['n1', 'n2', ...busiest]);
    expect(Object.keys(result.series.utilization)).toEqual(followed);
    // One step per followed node: the steps those nodes serve.
    expect(Object.keys(result.series.cumulative.steps)).toEqual([
      's1',
      's2',
      ...busiest.map((n) => `s${n.slice(1)}`),
    ]);
    expect(result.series.wip.length).toBe(result.series.t.length);
  });

  it('the channels kept, and so the memory, do not grow with the number of nodes', () => {
    const channels = [chains(10, 20), chains(10, 200)].map((s) => {
      const parsed = parseScenario(s);
      if (!parsed.ok) throw new Error('valid');
      return runReplication(parsed.scenario, 0).series.channels;
    });
    expect(channels[0]).toBe(1 + 2 * SERIES_NODES + 1 + SERIES_NODES + 1);
    expect(channels[1]).toBe(channels[0]);
    expect(SERIES_STEPS).toBeGreaterThanOrEqual(SERIES_NODES);
  });

  it('a small network keeps every node and every step, as before', () => {
    const result = simulate(chains(2, 5));
    expect(Object.keys(result.series.queues)).toHaveLength(10);
    expect(Object.keys(result.series.cumulative.steps)).toHaveLength(10);
  });

  it('run.seriesNodes must name nodes of the scenario', () => {
    const parsed = parseScenario(chains(1, 3, { seriesNodes: ['n9'] }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.message).join()).toMatch(/no node "n9"/);
  });
});
