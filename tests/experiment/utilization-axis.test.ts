import { describe, expect, it } from 'vitest';
import { planSweep } from '../../src/experiment/sweep.ts';
import { nodeLoads, parseAxis, type SweepAxis } from '../../src/index.ts';

const axis = (text: string) => parseAxis(text) as SweepAxis;
const exp = (mean: number) => ({ dist: 'exponential', mean });

const one = (node: object, interarrival: unknown = exp(1)) => ({
  name: 'axis',
  run: { duration: 100 },
  demand: [{ id: 'item', interarrival, steps: ['work'] }],
  nodes: [{ id: 'server', capacity: 1, serves: { work: exp(1) }, ...node }],
});

/** The offered load of `node` at each point of a sweep along `text`. */
function loadsAlong(doc: object, text: string, node = 'server') {
  return planSweep(doc, [axis(text)]).points.map((p) => {
    if (!p.scenario) return p.error;
    return nodeLoads(p.scenario).find((l) => l.id === node)?.load;
  });
}

describe('the utilization.NODE axis', () => {
  it('means the offered load with every pass of rework counted: 0.9 is 0.9', () => {
    const feedback = one({ failure: { probability: 0.3 } });
    expect(loadsAlong(feedback, 'utilization.server=0.5,0.9')).toEqual([
      expect.closeTo(0.5, 12),
      expect.closeTo(0.9, 12),
    ]);
    // The arrival rate is the load times the 0.7 of services that pass.
    const [{ scenario }] = planSweep(feedback, [axis('utilization.server=0.9')]).points;
    if (!scenario) throw new Error('no scenario at 0.9');
    expect(1 / (scenario.demand[0].interarrival as { mean: number }).mean).toBeCloseTo(0.9 * 0.7, 12);
  });

  it('reaches the target where the load is not proportional to the arrival rate', () => {
    const juggling = one({ capacity: 3, multitasking: { switchCost: 0.05 }, serves: { work: exp(2) } });
    expect(loadsAlong(juggling, 'utilization.server=0.6,0.75')).toEqual([
      expect.closeTo(0.6, 6),
      expect.closeTo(0.75, 6),
    ]);
    const board = one({
      kind: 'gate',
      schedule: { every: 7, open: 0.25, batch: true },
      serves: { work: 0.2 },
    });
    expect(loadsAlong(board, 'utilization.server=0.5')).toEqual([expect.closeTo(0.5, 6)]);
  });

  it('says so when no arrival rate gives the node the asked-for load', () => {
    // However fast work arrives, a weekly board that takes everything needs 0.2 of its 0.25.
    const board = one({
      kind: 'gate',
      schedule: { every: 7, open: 0.25, batch: true },
      serves: { work: 0.2 },
    });
    expect(loadsAlong(board, 'utilization.server=0.9')).toEqual([
      'utilization.server: "server" cannot be offered 0.9: its load stays below that however fast work arrives',
    ]);
  });

  it('aims at the worst phase when demand changes over the run', () => {
    const surge = {
      ...one({}),
      demand: [
        { id: 'item', interarrival: exp(2), steps: ['work'], schedule: [{ from: 50, interarrival: exp(1) }] },
      ],
    };
    expect(loadsAlong(surge, 'utilization.server=0.8')).toEqual([expect.closeTo(0.8, 12)]);
  });
});
