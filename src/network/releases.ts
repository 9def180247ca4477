/**
 * Releases, for DORA's four measures (Forsgren, Humble and Kim, "Accelerate", 2018), read at
 * the step the scenario names as its `release`:
 *
 * - a deployment is one service of the release step (a batch released together is one);
 * - it failed when any change in it failed there (the release's `failure`: the change is
 *   rolled back and goes back for rework, or to a person by escalation);
 * - a change's lead time runs from its commitment (the start of its first service, or its
 *   release from the CONWIP backlog) to the end of the release that puts it in production;
 * - time to restore runs from a failed release to the change's next good release (or the
 *   end of the escalation that stood in for it), and over each outage of a release node.
 *
 * Deployments count in the window [warmup, duration]; lead times those of items that arrived
 * in it, as lead times do; restores those whose failure or outage began in it.
 */
import { RunningSummary } from '../metrics/summary.ts';

export interface ReleaseOutcome {
  deployments: number;
  failedDeployments: number;
  leadTimeForChanges: RunningSummary;
  timeToRestore: RunningSummary;
}

/** What a run keeps between a failed release and the good one after it. */
export interface Releases {
  /** The release step's capability, and 1 for each node that serves it. */
  readonly capability: number;
  readonly nodes: Uint8Array;
  /** Per item slot: when its release first failed since its last good one, or -1. */
  failedAt: Float64Array;
}

export function newReleaseOutcome(): ReleaseOutcome {
  return {
    deployments: 0,
    failedDeployments: 0,
    leadTimeForChanges: new RunningSummary(),
    timeToRestore: new RunningSummary(),
  };
}

export function newReleases(capability: number, nodes: Uint8Array): Releases {
  return { capability, nodes, failedAt: new Float64Array(256).fill(-1) };
}

/** Room for slot `slot`: grown as the items' columns are, rarely, and never per event. */
function failedAt(releases: Releases, slot: number): Float64Array {
  let times = releases.failedAt;
  if (slot >= times.length) {
    const grown = new Float64Array(Math.max(slot + 1, times.length * 2)).fill(-1);
    grown.set(times);
    releases.failedAt = times = grown;
  }
  return times;
}

/**
 * An item's release step is done at `now`: by the release (`failed` or not), or by the
 * person a failed release was escalated to (then never `failed`).
 */
export function releaseDone(
  releases: Releases,
  out: ReleaseOutcome,
  slot: number,
  now: number,
  arrival: number,
  committed: number,
  warmup: number,
  failed: boolean,
): void {
  const times = failedAt(releases, slot);
  if (failed) {
    // A change that fails again before it is restored is still the one incident.
    if (times[slot] < 0) times[slot] = now;
    return;
  }
  if (times[slot] >= 0) {
    if (times[slot] >= warmup) out.timeToRestore.add(now - times[slot]);
    times[slot] = -1;
  }
  if (arrival >= warmup) out.leadTimeForChanges.add(now - committed);
}

/** A deployment (one service of the release step) finished at `now`. */
export function deployed(
  out: ReleaseOutcome,
  now: number,
  warmup: number,
  duration: number,
  failed: boolean,
): void {
  if (now < warmup || now > duration) return;
  out.deployments++;
  if (failed) out.failedDeployments++;
}

/** Release node n went down at `now` for `outage`: service is restored when it is back up. */
export function releaseNodeDown(
  out: ReleaseOutcome,
  now: number,
  warmup: number,
  duration: number,
  outage: number,
): void {
  if (now >= warmup && now <= duration) out.timeToRestore.add(outage);
}
