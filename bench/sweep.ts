/**
 * A sweep of 20 points x 10 replications of the 7-stage tandem (arrival rate from 1.0 to
 * 1.9 against 2 servers of rate 1 per stage), on one worker and on one per core: the
 * results must be identical, and the speed-up is printed. About 20 s on one worker of the
 * 2-core machine CI runs on: long enough that starting the threads (about half a second)
 * weighs little on the ratio. Each is timed twice, in turns, and the faster time kept, so a
 * burst of other work on a shared machine weighs less on the ratio.
 */
import { availableParallelism } from 'node:os';
import { parseAxis } from '../src/experiment/axes.ts';
import { sweepParallel } from '../src/node/parallel.ts';

const steps = ['s1', 's2', 's3', 's4', 's5', 's6', 's7'];
const tandem = {
  name: '7-stage M/M/2 tandem',
  run: { duration: 40_000, warmup: 1000, seed: 1, replications: 10 },
  demand: [{ id: 'job', interarrival: { dist: 'exponential', mean: 1 / 1.6 }, steps }],
  nodes: steps.map((s) => ({
    id: `stage-${s}`,
    capacity: 2,
    serves: { [s]: { dist: 'exponential', mean: 1 } },
  })),
};

export async function benchSweep(): Promise<{
  points: number;
  oneWorkerS: number;
  allS: number;
  workers: number;
}> {
  const axis = parseAxis('utilization.stage-s1=0.5:0.95/20');
  if (typeof axis === 'string') throw new Error(axis);
  const time = async (workers: number) => {
    const start = performance.now();
    const result = await sweepParallel(tandem, [axis], { workers });
    return { seconds: (performance.now() - start) / 1000, text: JSON.stringify(result) };
  };
  const workers = availableParallelism();
  const runs: { seconds: number; text: string }[] = [];
  for (let round = 0; round < 2; round++) runs.push(await time(1), await time(workers));
  if (runs.some((r) => r.text !== runs[0].text))
    throw new Error('the sweep gave different results on 1 worker and on all cores');
  const fastest = (parity: number) =>
    Math.min(...runs.filter((_, i) => i % 2 === parity).map((r) => r.seconds));
  return { points: axis.values.length, oneWorkerS: fastest(0), allS: fastest(1), workers };
}

export async function printSweepBench(): Promise<void> {
  const b = await benchSweep();
  console.log(
    `sweep: ${b.points} points x 10 replications of the tandem: ${b.oneWorkerS.toFixed(2)} s on 1 worker, ` +
      `${b.allS.toFixed(2)} s on ${b.workers} (one per core), speed-up ${(b.oneWorkerS / b.allS).toFixed(2)}x, identical results (faster of 2 runs each)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await printSweepBench();
