/**
 * The systems `npm run bench` times, to a given number of items: an M/M/1 queue (lambda 0.9,
 * mu 1), a 7-stage tandem of M/M/2 stations (lambda 1.6, mu 1) and that tandem with the lean
 * mechanisms on. bench/profile-tandem.ts runs the same ones alone, for a profiler.
 */
const exponential = (mean: number) => ({ dist: 'exponential', mean });

export function mm1Scenario(items: number) {
  return {
    name: 'M/M/1 rho 0.9',
    run: { duration: items / 0.9, warmup: 1000, seed: 1, replications: 1 },
    demand: [{ id: 'job', interarrival: exponential(1 / 0.9), steps: ['work'] }],
    nodes: [{ id: 'server', capacity: 1, serves: { work: exponential(1) } }],
  };
}

export function tandemScenario(items: number) {
  const steps = ['s1', 's2', 's3', 's4', 's5', 's6', 's7'];
  return {
    name: '7-stage M/M/2 tandem',
    run: { duration: items / 1.6, warmup: 1000, seed: 1, replications: 1 },
    demand: [{ id: 'job', interarrival: exponential(1 / 1.6), steps }],
    nodes: steps.map((s) => ({ id: `stage-${s}`, capacity: 2, serves: { [s]: exponential(1) } })),
  };
}

/**
 * The tandem with WIP limits, a release batch, failures redone on the spot, and outages.
 * (Failures send work back to the same step: rework to an earlier, full stage can deadlock.)
 */
export function leanScenario(items: number) {
  const base = tandemScenario(items);
  return {
    ...base,
    name: 'tandem with WIP limits, batches, failures and outages',
    nodes: base.nodes.map((node, i) => ({
      ...node,
      wipLimit: 6,
      ...(i === 3 ? { failure: { probability: 0.05 }, capacity: 3, wipLimit: 8 } : {}),
      ...(i === 4
        ? { outages: { mtbf: exponential(200), mttr: exponential(2) }, capacity: 3, wipLimit: 8 }
        : {}),
      ...(i === 6 ? { batch: { size: 4, timeout: 2 }, capacity: 3, wipLimit: 16 } : {}),
    })),
  };
}
