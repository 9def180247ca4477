/**
 * `npm run bench`: how fast the engine simulates, on one core.
 *
 * Two reference systems, each to about 1,000,000 completed items: an M/M/1 queue
 * (lambda 0.9, mu 1) and a 7-stage tandem of M/M/2 stations (lambda 1.6, mu 1 per server).
 * Prints wall seconds, items/s, events/s, peak heap, and the mean time in system against
 * queueing theory (10 and 19.44), so a fast-but-wrong engine is caught here too.
 * Memory must stay flat in the number of items: each system is also run to a tenth of
 * the items, and the heaps the finished runs hold are compared.
 *
 * A third system is the same tandem with the lean mechanisms switched on together (WIP
 * limits with blocking, a batch stage, failures with rework, outages): its items/s is
 * printed as a share of the plain tandem's, which should stay above one half.
 *
 * Then the tandem's speed as a ratio to a hand-written C program of it and to its JavaScript
 * twin, measured side by side (bench/limit.ts), and `flowlab run` of it end to end, start-up
 * and result included (bench/end-to-end.ts).
 *
 * Then a sweep of 20 points x 10 replications of the tandem on one worker thread and on one
 * per core, with the speed-up (bench/sweep.ts). Last, the sandbox: the time from pressing Run
 * to every chart drawn, for the default preset.
 */
import { createRun } from '../src/index.ts';
import { mm1, tandemSojourn } from '../src/metrics/theory.ts';
import { leanScenario, mm1Scenario, tandemScenario } from './systems.ts';

interface Measurement {
  seconds: number;
  items: number;
  events: number;
  peakHeapMB: number;
  retainedHeapMB: number;
  meanTimeInSystem: number;
}

function measure(scenario: unknown): Measurement {
  globalThis.gc?.();
  const run = createRun(scenario);
  let peakHeap = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  // Slices of a million events: often enough to see the heap, rare enough to cost nothing.
  while (!run.advance(1_000_000)) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const result = run.result();
  if (result.stoppedBy !== 'drained')
    throw new Error(`${result.scenario} stopped early: ${result.warnings.join('; ')}`);
  // With --expose-gc: what the finished run still holds, free of garbage-collection timing.
  globalThis.gc?.();
  const retained = process.memoryUsage().heapUsed;
  const items = result.runs.reduce((s, r) => s + r.arrived, 0);
  const events = result.runs.reduce((s, r) => s + r.events, 0);
  return {
    seconds,
    items,
    events,
    peakHeapMB: peakHeap / 2 ** 20,
    retainedHeapMB: retained / 2 ** 20,
    meanTimeInSystem: result.leadTime.mean,
  };
}

const rows: Record<string, string | number>[] = [];
function bench(label: string, make: (items: number) => unknown, theory?: number): number {
  measure(make(50_000)); // warm the JIT
  const small = measure(make(100_000));
  const full = measure(make(1_000_000));
  rows.push({
    system: label,
    items: full.items,
    'wall s': full.seconds.toFixed(2),
    'items/s': Math.round(full.items / full.seconds),
    'events/s': Math.round(full.events / full.seconds),
    'peak heap MB': full.peakHeapMB.toFixed(1),
    'heap held after run MB (100k → 1M items)': `${small.retainedHeapMB.toFixed(1)} → ${full.retainedHeapMB.toFixed(1)}`,
    'mean time in system': full.meanTimeInSystem.toFixed(3),
    theory: theory === undefined ? '-' : theory.toFixed(3),
  });
  return full.items / full.seconds;
}

bench('M/M/1 (lambda 0.9, mu 1)', mm1Scenario, mm1(0.9, 1).W);
const plain = bench(
  '7 x M/M/2 tandem (lambda 1.6, mu 1)',
  tandemScenario,
  tandemSojourn(Array.from({ length: 7 }, () => ({ lambda: 1.6, mu: 1, c: 2 }))),
);
const lean = bench('the tandem with lean mechanisms', leanScenario);
console.table(rows);
console.log(
  `lean mechanisms run at ${((lean / plain) * 100).toFixed(0)}% of the plain tandem's items/s (target: over 50%)`,
);

// The tandem against hand-written C and JavaScript (bench/limit.ts), and a user's
// `flowlab run` of it end to end, start-up and result included (bench/end-to-end.ts).
(await import('./limit.ts')).printLimitRatio();
await (await import('./end-to-end.ts')).printEndToEnd();

// Replications spread over worker threads: a sweep on one worker and on one per core.
// (Imported only now, so the browser tooling they load is not in the heaps measured above.)
const { printSweepBench } = await import('./sweep.ts');
await printSweepBench();

// The sandbox: from pressing Run to every chart drawn, for the default preset, in Chromium.
await (await import('./run-to-charts.ts')).printRunToCharts();
