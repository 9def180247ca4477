/**
 * The "item counted against its own node" class of deadlock, looked for everywhere: over
 * generated scenarios with every mechanism, and over every preset with WIP limits added,
 * under every routing strategy. Under dynamic routing a finished item never waits at a node
 * that serves its next step (it holds its own place there), and no item waits for a full
 * node while another that serves its step has room; where every node serves every step,
 * nothing ever blocks and no run deadlocks; and a deadlock that remains is a circle of full
 * nodes (or a batch that can never fill), named in the result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { parseScenario } from '../../src/model/parse.ts';
import { ROUTING_STRATEGIES, type Scenario } from '../../src/model/scenario.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology, serveIndex } from '../../src/network/topology.ts';
import { arbitraryLeanScenario } from './arbitrary-mechanisms.ts';

// biome-ignore lint/suspicious/noExplicitAny: generated and preset scenarios are edited as plain JSON.
type Doc = Record<string, any>;

function validated(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 1));
  return parsed.scenario;
}

/**
 * Runs one replication and lists needless waits for room. Whenever an item leaves a node
 * (room appears only then, so every blocked item is seen before it moves on): a finished
 * item waiting at a node that serves its next step. At each arrival, before anything moves,
 * and at the end (quiet moments, between events): any item waiting for a full node while
 * another node that serves its step is up, staffed and has room.
 */
function needlessWaits(scenario: Scenario, seed: number) {
  const found: string[] = [];
  let r: Replication | undefined;
  const look = (quiet: boolean) => {
    const rep: Replication | undefined = r;
    if (!rep) return;
    const items = rep.items;
    for (let slot = 0; slot < items.highWater; slot++) {
      const at = items.node[slot];
      const next = items.target[slot];
      if (items.live[slot] === 0 || next < 0 || next === at) continue;
      const cap = items.capability[slot];
      const where = `item ${slot} at "${scenario.nodes[at]?.id ?? 'arrival'}" waits for "${scenario.nodes[next].id}" at ${rep.now}`;
      if (at >= 0 && serveIndex(rep, at, cap) >= 0) found.push(`${where}, though its node serves the step`);
      if (!quiet) continue;
      for (let i: number = rep.candidateStart[cap]; i < rep.candidateStart[cap + 1]; i++) {
        const n: number = rep.candidates[i];
        if (
          n !== next &&
          rep.available[n] === 1 &&
          rep.capacity[n] > 0 &&
          rep.nodeWip[n] < rep.rules.wipLimit[n]
        )
          found.push(`${where}, though "${scenario.nodes[n].id}" has room`);
      }
    }
  };
  r = new Replication(scenario, compileTopology(scenario), seed, {
    trace: (event) => {
      if (event === 'leave') look(false);
      if (event === 'arrive') look(true);
    },
  });
  r.advance();
  look(true);
  return { found, outcome: r.outcome() };
}

const explained = /a circle of full nodes|can never fill/;

/** Every node serves every capability any node or class names, with its first service time. */
function crossFunctional(input: Doc): Doc {
  const caps = [
    ...new Set([
      ...input.demand.flatMap((d: Doc) => d.steps),
      ...input.nodes.flatMap((n: Doc) => Object.keys(n.serves)),
    ]),
  ];
  return {
    ...input,
    nodes: input.nodes.map((n: Doc) => {
      const own = Object.values(n.serves)[0];
      const most = Math.max(n.capacity, ...(n.capacitySchedule ?? []).map((c: Doc) => c.capacity));
      return {
        ...n,
        serves: Object.fromEntries(caps.map((c) => [c, n.serves[c] ?? own])),
        // At least one place beyond the servers, as the property asks.
        wipLimit: Math.max(n.wipLimit ?? 0, most + 1),
        // A batch without a timeout can never fill at the end of a run, limits or not.
        ...(n.batch ? { batch: { size: n.batch.size, timeout: n.batch.timeout ?? 2 } } : {}),
        // Rework to an earlier step needs a node that does not serve it: the same step again.
        ...(n.failure ? { failure: { ...n.failure, reworkTo: undefined } } : {}),
      };
    }),
  };
}

describe('no deadlock where the item could stay', () => {
  it('generated cross-functional networks with wipLimit >= capacity + 1 never block or deadlock', () => {
    fc.assert(
      fc.property(arbitraryLeanScenario(), (input) => {
        const doc = crossFunctional(input);
        validated(doc);
        const result = simulate(doc);
        expect(result.runs.map((r) => r.stoppedBy)).not.toContain('deadlock');
        for (const [id, node] of Object.entries(result.nodes)) expect(node.blocked, id).toBe(0);
      }),
      { numRuns: 80 },
    );
  });

  it('under dynamic routing, generated networks never keep work waiting at a node that serves its next step, or for a full node beside one with room', () => {
    fc.assert(
      fc.property(
        arbitraryLeanScenario().filter((s) => (s as Doc).routing !== 'fixed'),
        (input) => {
          const scenario = validated(input);
          const { found, outcome } = needlessWaits(scenario, scenario.run.seed);
          expect(found).toEqual([]);
          if (outcome.stoppedBy === 'deadlock') expect(outcome.deadlock?.detail).toMatch(explained);
        },
      ),
      { numRuns: 80 },
    );
  });
});

const presets = readdirSync(join(import.meta.dirname, '../../scenarios')).filter((f) => f.endsWith('.json'));

/** The preset with a WIP limit of capacity + 1 on every node that has none, under `routing`. */
function limited(file: string, routing: string): Scenario {
  const doc: Doc = JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios', file), 'utf8'));
  doc.routing = routing;
  for (const n of doc.nodes) {
    const most = Math.max(n.capacity, ...(n.capacitySchedule ?? []).map((c: Doc) => c.capacity));
    n.wipLimit ??= Math.max(most + 1, n.batch?.timeout === undefined ? (n.batch?.size ?? 1) : 1);
  }
  return validated(doc);
}

describe('every preset with WIP limits added, under every routing strategy', () => {
  it.each(presets.flatMap((file) => ROUTING_STRATEGIES.map((routing) => [file, routing] as const)))(
    '%s under %s: no item waits where it could stay or go elsewhere, and any deadlock is a named circle',
    (file, routing) => {
      const scenario = limited(file, routing);
      const { found, outcome } = needlessWaits(scenario, scenario.run.seed);
      // Fixed routing is the token ring: it sends each step to its one node, come what may.
      if (routing !== 'fixed') expect(found).toEqual([]);
      if (outcome.stoppedBy === 'deadlock') expect(outcome.deadlock?.detail).toMatch(explained);
    },
  );
});
