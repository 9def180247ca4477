/**
 * What flowlab's own runners need beyond the public API (src/index.ts): the messages a job
 * travels in to a worker and back, the scheduler that shares jobs out over workers, the parts
 * of a comparison the sandbox runs in slices for its progress bar, and what its form needs to
 * scale a distribution. The sandbox (web/) imports these from here rather than from the
 * modules inside; they are not for library users and may change in any release.
 */

export { comparisonOf, comparisonPlan } from './experiment/compare.ts';
export {
  type JobReply,
  type JobRequest,
  jobAnswerer,
  jobRequests,
  outcomeOfReply,
} from './experiment/jobs.ts';
export { type RunOnLane, shareOut } from './experiment/share-out.ts';
export { distributionMean } from './model/distribution.ts';
