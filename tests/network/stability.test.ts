/**
 * Offered load is the line between a queue that stays bounded and one that grows without
 * bound, whatever mechanism makes up the load: rework (back to the same step or an earlier
 * one), batches with batch-scope failures, a gate's closed time, outages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeLoads, parseScenario, simulate } from '../../src/index.ts';

/** Arrivals in a run of length T: the drift of an overloaded node then dwarfs the noise. */
const ARRIVALS = 20_000;

const mechanisms = fc.record({
  capacity: fc.integer({ min: 1, max: 2 }),
  service: fc.double({ min: 0.5, max: 2, noNaN: true }),
  failure: fc.option(
    fc.record({
      probability: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
      back: fc.boolean(),
      wholeBatch: fc.boolean(),
    }),
  ),
  batch: fc.option(fc.integer({ min: 2, max: 3 })),
  gate: fc.option(
    fc.record({
      every: fc.double({ min: 2, max: 6, noNaN: true }),
      open: fc.double({ min: 0.4, max: 0.9, noNaN: true }),
    }),
  ),
  mttr: fc.option(fc.double({ min: 1, max: 5, noNaN: true })),
  // Loads kept away from 1 on both sides, so the verdict is never a coin toss.
  load: fc.oneof(
    fc.double({ min: 0.3, max: 0.8, noNaN: true }),
    fc.double({ min: 1.2, max: 2, noNaN: true }),
  ),
});

type Mechanisms = typeof mechanisms extends fc.Arbitrary<infer T> ? T : never;

/** An easy first step, then the node under test with the drawn mechanisms, at arrival rate 1. */
function network(m: Mechanisms, prepare: number, rate: number, duration: number) {
  return {
    name: 'stability',
    run: { duration, seed: 7 },
    demand: [
      { id: 'item', interarrival: { dist: 'exponential', mean: 1 / rate }, steps: ['prepare', 'work'] },
    ],
    nodes: [
      { id: 'prepare', capacity: 4, serves: { prepare: { dist: 'exponential', mean: prepare } } },
      {
        id: 'node',
        capacity: m.capacity,
        serves: { work: { dist: 'exponential', mean: m.service } },
        ...(m.failure
          ? {
              failure: {
                probability: m.failure.probability,
                ...(m.failure.back ? { reworkTo: 'prepare' } : {}),
                scope: m.failure.wholeBatch && m.batch ? 'batch' : 'item',
              },
            }
          : {}),
        ...(m.batch ? { batch: { size: m.batch } } : {}),
        ...(m.gate ? { schedule: { every: m.gate.every, open: m.gate.every * m.gate.open } } : {}),
        ...(m.mttr
          ? {
              outages: {
                mtbf: { dist: 'exponential', mean: 20 },
                mttr: { dist: 'exponential', mean: m.mttr },
              },
            }
          : {}),
      },
    ],
  };
}

function loadsOf(doc: object) {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return nodeLoads(parsed.scenario);
}

describe('offered load and stability', () => {
  // Loads are linear in the arrival rate and the first step's service time here, so one
  // computation at rate 1 sets both: the node under test at the drawn load, the first step
  // at 0.3. The same seed makes the run of 2T the run of T carried on. Below 1 the mean WIP
  // of the two runs differs by the start from empty, a few dozen items at most; at 1.2 or
  // more WIP grows by at least (1 - 1/1.2) of the arrivals, so the mean over 2T exceeds the
  // mean over T by about T x that / 2 >= ARRIVALS / 12 (1,667 items), with noise of the
  // order of sqrt(ARRIVALS x 5) / 2 (about 150). The line at ARRIVALS / 48 (417) is
  // several of those from either side.
  it('a node offered below 1 keeps its work bounded; one offered 1 or more does not', () => {
    fc.assert(
      fc.property(mechanisms, (m) => {
        const [prepare, node] = loadsOf(network(m, 1, 1, 100));
        const rate = m.load / node.load;
        const T = ARRIVALS / rate;
        const doc = (duration: number) => network(m, 0.3 / (prepare.load * rate), rate, duration);
        const [first, under] = loadsOf(doc(T));
        expect(under.exact).toBe(true);
        expect(under.load).toBeCloseTo(m.load, 9);
        expect(first.load).toBeCloseTo(0.3, 9);
        const growth = simulate(doc(2 * T)).wip.mean - simulate(doc(T)).wip.mean;
        expect(growth > ARRIVALS / 48).toBe(under.load >= 1);
      }),
      { numRuns: 12, seed: 20_261_130 },
    );
  });
});
