/**
 * flowlab's Node-only API: runs and sweeps with their replications on worker threads, whole
 * or as shards. The results are the same bytes as the pure library's `simulate` and `sweep`.
 */

export {
  compareParallel,
  type ParallelOptions,
  runShard,
  simulateParallel,
  sweepParallel,
} from './parallel.ts';
export { defaultWorkers, type PoolOptions, runJobs } from './pool.ts';
