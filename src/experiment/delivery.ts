/**
 * DORA's four measures of delivery performance (Forsgren, Humble and Kim, "Accelerate",
 * 2018), folded over replications from what each saw at the scenario's `release` step
 * (network/releases.ts says what is counted):
 *
 * - deployment frequency: deployments per time unit of the window;
 * - lead time for changes: mean time from a change's commitment to its good release;
 * - change failure rate: failed deployments over deployments;
 * - time to restore: mean time from a failed release to the change's next good one, and of
 *   each outage of a release node.
 *
 * Each has its mean over all that the replications saw and a 95% interval over replications
 * (each replication's own value; one that saw nothing of a measure adds nothing to it). Each
 * replication's own values are kept too, null where it saw nothing, for paired comparisons.
 */
import { ci95, meanOf } from '../metrics/confidence.ts';
import { RunningSummary } from '../metrics/summary.ts';
import type { Scenario } from '../model/scenario.ts';
import type { ReplicationOutcome } from '../network/outcome.ts';
import type { ReleaseOutcome } from '../network/releases.ts';
import type { DeliveryResult } from './result.ts';

export function deliveryOf(
  scenario: Scenario,
  outcomes: readonly ReplicationOutcome[],
): DeliveryResult | undefined {
  const release = scenario.release;
  const seen = outcomes.map((o) => o.releases).filter((r): r is ReleaseOutcome => r !== undefined);
  if (release === undefined || seen.length === 0 || seen.length !== outcomes.length) return undefined;
  const window = scenario.run.duration - scenario.run.warmup;
  const frequency = seen.map((r) => r.deployments / window);
  const deployments = seen.reduce((s, r) => s + r.deployments, 0);
  const failed = seen.reduce((s, r) => s + r.failedDeployments, 0);
  const rates = seen.filter((r) => r.deployments > 0).map((r) => r.failedDeployments / r.deployments);
  const pooled = (pick: (r: ReleaseOutcome) => RunningSummary) => {
    const all = new RunningSummary();
    for (const r of seen) all.merge(pick(r));
    const means = seen.filter((r) => pick(r).count > 0).map((r) => pick(r).mean);
    return { mean: all.count > 0 ? all.mean : null, ci95: ci95(means), count: all.count / seen.length };
  };
  return {
    release,
    deploymentFrequency: { perTimeUnit: meanOf(frequency), ci95: ci95(frequency) },
    deployments: deployments / seen.length,
    leadTimeForChanges: pooled((r) => r.leadTimeForChanges),
    changeFailureRate: { share: deployments > 0 ? failed / deployments : 0, ci95: ci95(rates) },
    timeToRestore: pooled((r) => r.timeToRestore),
    runs: {
      deploymentFrequency: frequency,
      leadTimeForChanges: seen.map((r) => ownMean(r.leadTimeForChanges)),
      changeFailureRate: seen.map((r) => (r.deployments > 0 ? r.failedDeployments / r.deployments : null)),
      timeToRestore: seen.map((r) => ownMean(r.timeToRestore)),
    },
  };
}

/** A replication's own mean, or null where it saw nothing. */
function ownMean(s: RunningSummary): number | null {
  return s.count > 0 ? s.mean : null;
}
