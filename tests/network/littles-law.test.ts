/**
 * Little's law at each node's queue, L = λW: the time-average queue length equals the rate
 * of visits to the node times the mean wait per visit, under every mechanism.
 *
 * Over a window that starts and ends with the system empty it is an identity of the sample
 * path, not a limit: the area under the queue-length curve is the sum of every item's time
 * in the queue, counted by the item instead of by the clock. Each replication here starts
 * empty at 0 (no warm-up) and stops its arrivals early, so it is empty again by `duration`,
 * where the window ends (checked: no work is in progress then). So the result's
 * queue.mean = served per replication / duration x wait.mean holds to rounding, in every
 * replication and pooled. (With a warm-up, or arrivals up to `duration`, it holds only up
 * to the queue content at the window's two edges.) A mean wait per service start rather
 * than per visit, as preemption's resumes used to count, breaks it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { parseScenario } from '../../src/model/parse.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';
import { arbitraryLeanScenario } from './arbitrary-mechanisms.ts';

// biome-ignore lint/suspicious/noExplicitAny: scenarios are built and edited as plain JSON here.
type Doc = Record<string, any>;

const exponential = (mean: number) => ({ dist: 'exponential', mean });
const DURATION = 400;

/** No warm-up, and no arrival after 60% of the run, so every queue is empty well before the end. */
function emptyAtBothEnds(doc: Doc): Doc {
  const cutoff = 0.6 * doc.run.duration;
  return {
    ...doc,
    run: { ...doc.run, warmup: 0 },
    demand: doc.demand.map((d: Doc) => ({
      ...d,
      // A gap as long as the run: the arrival drawn at the cutoff would come after the end.
      schedule: [
        ...(d.schedule ?? []).filter((c: Doc) => c.from < cutoff),
        { from: cutoff, interarrival: doc.run.duration },
      ],
    })),
  };
}

/** Queue mean against visits per unit time times mean wait, node by node. */
function expectLittlePerNode(doc: Doc) {
  const result = simulate(doc);
  expect(result.runs.map((r) => r.stoppedBy)).toEqual(result.runs.map(() => 'drained'));
  // The identity needs the window to end empty: nothing was in progress at `duration`.
  expect(result.workItemAge.count).toBe(0);
  for (const [id, node] of Object.entries(result.nodes)) {
    const visitRate = node.served / doc.run.duration;
    // Rounding only: sums of a few thousand doubles, relative error far below 1e-9.
    expect(node.queue.mean, id).toBeCloseTo(visitRate * node.wait.mean, 9);
  }
  return result;
}

const team = (id: string, serves: Doc, extra: Doc = {}) => ({ id, capacity: 2, serves, ...extra });

const mechanisms: [string, Doc][] = [
  [
    'preemption by an expedite class (interrupted work waits again, on the same visit)',
    {
      preemption: true,
      demand: [
        { id: 'standard', interarrival: exponential(0.7), steps: ['build'] },
        { id: 'expedite', interarrival: exponential(2), steps: ['build'], priority: 1 },
      ],
      nodes: [team('builders', { build: exponential(1) })],
    },
  ],
  [
    'batches with a timeout',
    {
      demand: [{ id: 'change', interarrival: exponential(0.5), steps: ['release'] }],
      nodes: [{ id: 'pipeline', capacity: 1, batch: { size: 5, timeout: 3 }, serves: { release: 1 } }],
    },
  ],
  [
    'a gate that meets on a schedule, taking its agenda as one batch',
    {
      demand: [{ id: 'change', interarrival: exponential(1), steps: ['build', 'approve'] }],
      nodes: [
        team('builders', { build: exponential(1) }),
        {
          id: 'board',
          kind: 'gate',
          capacity: 1,
          schedule: { every: 7, open: 1, batch: true },
          serves: { approve: 0.2 },
        },
      ],
    },
  ],
  [
    'outages that pause work',
    {
      demand: [{ id: 'feature', interarrival: exponential(1), steps: ['build'] }],
      nodes: [
        team(
          'builders',
          { build: exponential(1.2) },
          { outages: { mtbf: exponential(30), mttr: exponential(3) } },
        ),
      ],
    },
  ],
  [
    'multitasking with a switch cost',
    {
      demand: [{ id: 'feature', interarrival: exponential(3), steps: ['build', 'review'] }],
      nodes: [
        team('builders', { build: exponential(1.2) }, { multitasking: { switchCost: 0.2 } }),
        team('reviewers', { review: exponential(1) }),
      ],
    },
  ],
  [
    'rework to an earlier step, and escalation to people',
    {
      demand: [{ id: 'feature', interarrival: exponential(1.5), steps: ['build', 'test'] }],
      nodes: [
        team('builders', { build: exponential(1) }),
        {
          id: 'agents',
          kind: 'agent',
          capacity: 2,
          failure: { probability: 0.2, escalateTo: 'review' },
          serves: { test: exponential(0.5) },
        },
        team('testers', { test: exponential(1) }, { failure: { probability: 0.3, reworkTo: 'build' } }),
        team('people', { review: exponential(0.5) }),
      ],
      routing: 'shortest-queue',
    },
  ],
  [
    'handoff delays between routed teams',
    {
      routing: 'shortest-queue',
      handoff: exponential(0.3),
      demand: [{ id: 'feature', interarrival: exponential(0.6), steps: ['a', 'b'] }],
      nodes: [
        team('red', { a: exponential(0.5), b: exponential(0.5) }),
        team('blue', { a: exponential(0.5), b: exponential(0.5) }),
      ],
    },
  ],
  [
    'WIP limits that block upstream, and a system WIP limit (CONWIP)',
    {
      wipLimit: 8,
      demand: [{ id: 'feature', interarrival: exponential(0.9), steps: ['build', 'review'] }],
      nodes: [
        team('builders', { build: exponential(1.2) }, { wipLimit: 3 }),
        { id: 'reviewers', capacity: 1, wipLimit: 2, serves: { review: exponential(0.8) } },
      ],
    },
  ],
  [
    'capacity that changes on a schedule',
    {
      demand: [{ id: 'feature', interarrival: exponential(0.8), steps: ['build'] }],
      nodes: [
        team(
          'builders',
          { build: exponential(1.2) },
          {
            capacitySchedule: [
              { from: 100, capacity: 1 },
              { from: 150, capacity: 3 },
            ],
          },
        ),
      ],
    },
  ],
];

describe("Little's law at every node's queue", () => {
  it.each(mechanisms)('holds as an identity with %s', (_story, parts) => {
    expectLittlePerNode(
      emptyAtBothEnds({
        name: 'little',
        run: { duration: DURATION, seed: 5, replications: 4 },
        ...parts,
      }),
    );
  });

  it('the preemption case does interrupt work, so its resumes are tested', () => {
    const scenario = parseScenario(
      emptyAtBothEnds({ name: 'little', run: { duration: DURATION, seed: 5 }, ...mechanisms[0][1] }),
    );
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.problems));
    let preempted = 0;
    new Replication(scenario.scenario, compileTopology(scenario.scenario), 5, {
      trace: (event) => {
        if (event === 'preempt') preempted++;
      },
    }).advance();
    expect(preempted).toBeGreaterThan(20);
  });

  it('holds over generated scenarios with every mechanism, whenever the window ends empty', () => {
    fc.assert(
      fc.property(arbitraryLeanScenario(), (input) => {
        const doc = emptyAtBothEnds(input as Doc);
        const result = simulate(doc);
        // Overloaded or stuck runs may still hold work at `duration`: the identity needs it empty.
        fc.pre(result.runs.every((r) => r.stoppedBy === 'drained') && result.workItemAge.count === 0);
        for (const [id, node] of Object.entries(result.nodes)) {
          const visits = node.served / doc.run.duration;
          // Relative to the larger side, with an absolute floor for nodes that never queue.
          const scale = Math.max(node.queue.mean, visits * node.wait.mean, 1e-12);
          expect(Math.abs(node.queue.mean - visits * node.wait.mean) / scale, id).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });
});
