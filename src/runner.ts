/**
 * What the sandbox (web/) needs beyond the public API (src/index.ts) and the report model
 * (src/report/): the messages a job travels in to a worker and back, the scheduler that
 * shares jobs out over workers, the parts of a comparison it runs in slices for its progress
 * bar, the routing strategies' help texts, and a few helpers of its form, its exports and its share links. It imports these from
 * here rather than from the modules inside, so this list is what it depends on; they are not
 * for library users and may change in any release.
 */

export { comparisonOf, comparisonPlan } from './experiment/compare.ts';
export { toCsv } from './experiment/csv.ts';
export {
  type JobReply,
  type JobRequest,
  jobAnswerer,
  jobRequests,
  outcomeOfReply,
} from './experiment/jobs.ts';
export { type RunOnLane, shareOut } from './experiment/share-out.ts';
export { distributionMean } from './model/distribution.ts';
export { deeperThan } from './model/json-depth.ts';
export { stability } from './network/stability.ts';
export { STRATEGIES as routingStrategies } from './network/strategies/index.ts';
