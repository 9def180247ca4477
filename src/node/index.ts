/**
 * flowlab's Node-only API: runs, sweeps and comparisons with their replications on worker
 * threads, whole or as shards, and the thread pool as an executor for any plan. The results
 * are the same bytes as the pure library's `simulate`, `sweep` and `compare`.
 */

export {
  compareParallel,
  type ParallelOptions,
  runShard,
  simulateParallel,
  sweepParallel,
} from './parallel.ts';
export { defaultWorkers, type PoolOptions, workerThreads } from './pool.ts';
