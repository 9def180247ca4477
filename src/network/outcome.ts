/**
 * What one replication measured, in streaming form (sums, time-weighted areas, histograms),
 * to be folded across replications by `experiment/aggregate.ts`.
 */
import { QuantileHistogram } from '../metrics/histogram.ts';
import { SeriesRecorder } from '../metrics/series.ts';
import { RunningSummary } from '../metrics/summary.ts';
import { ThinnedPoints } from '../metrics/thinned-points.ts';
import type { Scenario } from '../model/scenario.ts';
import { type EconomicsOutcome, hasEconomics } from './economics.ts';
import { countsDense } from './move-counts.ts';
import { newReleaseOutcome, type ReleaseOutcome } from './releases.ts';
import type { Topology } from './topology.ts';

/**
 * How a replication ended: every item done; at run.maxTime with work in progress; blocked
 * work that can never move; events repeating while the clock stands still (`stalled`); or
 * more items in the system than a run may hold (`overflow`). See guards.ts for the last two.
 */
export type StopReason = 'drained' | 'time-cap' | 'deadlock' | 'stalled' | 'overflow';

/** Where a run that stopped early stopped: when, at which nodes, and what happened. */
export interface StopPlace {
  time: number;
  nodes: string[];
  detail: string;
}

export interface ClassOutcome {
  leadTime: RunningSummary;
  leadTimeHistogram: QuantileHistogram;
  cycleTime: RunningSummary;
}

export interface AgeSummary {
  count: number;
  mean: number;
  p50: number;
  p85: number;
  max: number;
}

export interface ReplicationOutcome {
  seed: number;
  stoppedBy: StopReason;
  deadlock?: StopPlace;
  /** When stoppedBy is 'stalled' or 'overflow': when, where, and what happened (guards.ts). */
  stalled?: StopPlace;
  overflow?: StopPlace;
  endTime: number;
  events: number;
  /** Items that arrived at or after warm-up (the ones statistics describe), rejected ones included. */
  arrived: number;
  /** Of those, how many were turned away because their first node was full. */
  rejected: number;
  /** Of those, how many were done by the end. */
  completed: number;
  /** Items of any arrival time still in the system at the end (non-zero only when stopped early). */
  inProgressAtEnd: number;
  /** Items done inside the observation window [warmup, duration], whatever their arrival. */
  completedInWindow: number;
  window: number;
  leadTime: RunningSummary;
  leadTimeHistogram: QuantileHistogram;
  cycleTime: RunningSummary;
  cycleTimeHistogram: QuantileHistogram;
  classes: ClassOutcome[];
  touchTime: number;
  leadTimeTotal: number;
  /**
   * Where that lead time went, per capability c: `stepWork[c]` is the service times at c, every
   * pass counted, and `stepWait[c]` the rest of the time from the end of an item's previous
   * service (or its arrival, or commitment) to the end of its service at c (observe.ts
   * `endStep`); `backlogTime` is the time before commitment (CONWIP). Summed over the items
   * that arrived at or after warm-up, so when every item is done, backlogTime + the stepWaits
   * + the stepWorks = leadTimeTotal and the stepWorks = touchTime (to rounding). A parallel step f is one, at capabilities + f, from its fork to its
   * join, its work its longest branch's.
   */
  stepWait: Float64Array;
  stepWork: Float64Array;
  backlogTime: number;
  /** Completed items that never failed anywhere. */
  firstTimeRight: number;
  /** Failures that sent work back, failures that went to a person, and handoffs, of completed items. */
  reworks: number;
  escalations: number;
  handoffs: number;
  wipArea: number;
  wipMax: number;
  /** Time-weighted number of items in the CONWIP backlog. */
  backlogArea: number;
  nodes: {
    /** Time-integrals over the window of: servers working, capacity, queue length, blocked items, downtime. */
    busyArea: Float64Array;
    capacityArea: Float64Array;
    queueArea: Float64Array;
    blockedArea: Float64Array;
    downArea: Float64Array;
    queueMax: Int32Array;
    /** Total time items waited in the node's queue, and over how many visits (a resume after preemption is the same visit). */
    waitTotal: Float64Array;
    waitCount: Float64Array;
    served: Float64Array;
    failures: Float64Array;
    outages: Float64Array;
  };
  /** Per bottleneck window w and node n, at w * N + n: areas of working servers, capacity, queue. */
  windows: { count: number; width: number; busy: Float64Array; capacity: Float64Array; queue: Float64Array };
  /**
   * Items moved from node a to node b, keyed `a * (N + 1) + b` (a = N is arrival, b = N is
   * done): the whole matrix in a small network, the pairs seen in a large one (move-counts.ts).
   */
  moves: Float64Array;
  series: SeriesRecorder;
  cycleTimes: ThinnedPoints;
  /** Ages of the items in progress when arrivals stopped (at `duration`). */
  agesAtEnd: AgeSummary;
  /**
   * The same items one by one, for an aging-WIP chart: (the capability each is at or waits
   * for, its age), -1 for an item still in the CONWIP backlog; thinned evenly to at most
   * 2000, so it is bounded however much work is in progress.
   */
  agingWip: ThinnedPoints;
  /**
   * Where a node has a blocker, for the same items in the same order (offered with them, so
   * thinned alike): (the capability, how long the item has been blocked so far), -1 for one
   * not blocked.
   */
  agingBlocked?: ThinnedPoints;
  /** At each parallel step (topology.ts `forks`), of items counted in the statistics; absent without one. */
  joins?: JoinOutcome;
  economics?: EconomicsOutcome;
  /** What blockers held up (blockers.ts), of items counted in the statistics; absent where no node has one. */
  blockers?: BlockerOutcome;
  /** Deployments, failed ones, lead time for changes and time to restore; only with a `release`. */
  releases?: ReleaseOutcome;
}

/** Blocked time per node, and of completed items, for a share of lead time. */
export interface BlockerOutcome {
  /** Total time items were blocked at each node, and how many times an item was. */
  time: Float64Array;
  count: Float64Array;
  /** Total blocked time of the items done (their lead times are `leadTimeTotal`). */
  completed: number;
}

/** What the joins of parallel steps saw: per fork f, and per branch at `branchStart[f] + k`. */
export interface JoinOutcome {
  /** Items whose parts all joined. */
  joined: Float64Array;
  /** Total time from an item's first part done to its last (waiting at the join for the slowest branch). */
  waitTotal: Float64Array;
  /** Total time from the fork to the join. */
  spanTotal: Float64Array;
  /** Items whose last part to be done was this branch's. */
  last: Float64Array;
}

export function newOutcome(
  scenario: Scenario,
  topology: Topology,
  seed: number,
  channels: number,
  seriesPoints: number,
): ReplicationOutcome {
  const n = topology.nodeIds.length;
  const windows = scenario.run.windows;
  const window = scenario.run.duration - scenario.run.warmup;
  return {
    seed,
    stoppedBy: 'drained',
    endTime: 0,
    events: 0,
    arrived: 0,
    rejected: 0,
    completed: 0,
    inProgressAtEnd: 0,
    completedInWindow: 0,
    window,
    leadTime: new RunningSummary(),
    leadTimeHistogram: new QuantileHistogram(),
    cycleTime: new RunningSummary(),
    cycleTimeHistogram: new QuantileHistogram(),
    classes: topology.classIds.map(() => ({
      leadTime: new RunningSummary(),
      leadTimeHistogram: new QuantileHistogram(),
      cycleTime: new RunningSummary(),
    })),
    touchTime: 0,
    leadTimeTotal: 0,
    stepWait: new Float64Array(topology.capabilities.length + topology.forks.length),
    stepWork: new Float64Array(topology.capabilities.length + topology.forks.length),
    backlogTime: 0,
    firstTimeRight: 0,
    reworks: 0,
    escalations: 0,
    handoffs: 0,
    wipArea: 0,
    wipMax: 0,
    backlogArea: 0,
    nodes: {
      busyArea: new Float64Array(n),
      capacityArea: new Float64Array(n),
      queueArea: new Float64Array(n),
      blockedArea: new Float64Array(n),
      downArea: new Float64Array(n),
      queueMax: new Int32Array(n),
      waitTotal: new Float64Array(n),
      waitCount: new Float64Array(n),
      served: new Float64Array(n),
      failures: new Float64Array(n),
      outages: new Float64Array(n),
    },
    windows: {
      count: windows,
      width: window / windows,
      busy: new Float64Array(windows * n),
      capacity: new Float64Array(windows * n),
      queue: new Float64Array(windows * n),
    },
    // A large network's pairs are filled in when the run finishes (move-counts.ts).
    moves: new Float64Array(countsDense(n) ? (n + 1) * (n + 1) : 0),
    series: new SeriesRecorder(0, scenario.run.duration / seriesPoints, channels, seriesPoints),
    cycleTimes: new ThinnedPoints(),
    agesAtEnd: { count: 0, mean: 0, p50: 0, p85: 0, max: 0 },
    agingWip: new ThinnedPoints(),
    ...(topology.forks.length > 0 && { joins: newJoins(topology) }),
    ...(hasEconomics(scenario)
      ? {
          economics: {
            costOfDelay: new Float64Array(topology.classIds.length),
            value: new Float64Array(topology.classIds.length),
            dated: 0,
            late: 0,
            lateness: 0,
            valueLate: 0,
            turnedAway: new Float64Array(topology.classIds.length),
          },
        }
      : {}),
    ...(scenario.nodes.some((node) => node.blocker) && {
      agingBlocked: new ThinnedPoints(),
      blockers: { time: new Float64Array(n), count: new Float64Array(n), completed: 0 },
    }),
    ...(scenario.release !== undefined && { releases: newReleaseOutcome() }),
  };
}

function newJoins(topology: Topology): JoinOutcome {
  const forks = topology.forks.length;
  const branches = topology.forks.reduce((sum, f) => sum + f.length, 0);
  return {
    joined: new Float64Array(forks),
    waitTotal: new Float64Array(forks),
    spanTotal: new Float64Array(forks),
    last: new Float64Array(branches),
  };
}
