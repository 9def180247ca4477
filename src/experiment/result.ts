/**
 * The result of simulating a scenario: the public contract shared by `simulate()`,
 * `flowlab run --json` and the sandbox. Plain JSON, with no wall-clock values, so the same
 * scenario and seed always give byte-identical output.
 */
import type { ReplicationOutcome, StopReason } from '../network/outcome.ts';

export type Interval = [number, number] | null;

export interface TimeStatistics {
  /** Mean over replications of each replication's mean. */
  mean: number;
  /** 95% t-interval for the mean over replications (null with one replication). */
  ci95: Interval;
  sd: number;
  p50: number;
  p85: number;
  /** 95% t-interval over replications of each replication's p85 (null with one replication). */
  p85ci95: Interval;
  p95: number;
  max: number;
}

export interface NodeResult {
  kind: string;
  /** Servers: the scenario's capacity (a capacity schedule may vary it over time). */
  capacity: number;
  /** Share of the node's capacity that was working in the observation window. */
  utilization: number;
  /**
   * Utilisation the arrivals demand in the long run, every pass of rework and escalation
   * counted, over the time the node is open and up (>= 1: the queue grows without bound).
   * Where demand or capacity changes over the run, the worst phase's (network/load.ts).
   * Number.MAX_VALUE where it is unbounded (a phase with no servers while work arrives).
   */
  offeredLoad: number;
  /** The worst phase [from, to), when the offered load changes over the run. */
  offeredLoadWindow?: { from: number; to: number };
  /** Time-weighted mean and the largest number of items waiting in the node's queue. */
  queue: { mean: number; max: number };
  /** Mean time items waited in the queue before this node started them. */
  wait: { mean: number };
  /** Items this node served (per replication). */
  served: number;
  /** Time-average number of finished items held here, blocked by a full node downstream. */
  blocked: number;
  /** Share of services that failed here. */
  failureRate: number;
  /** Outages started in the window, and the time the node was down (per replication). */
  outages: number;
  timeDown: number;
  /** Share of all lead time that items spent waiting in this node's queue. */
  waitShareOfLeadTime: number;
}

export interface StepTime {
  step: string;
  wait: number;
  work: number;
  flowEfficiency: number;
}

export interface ClassResult {
  completed: number;
  leadTime: TimeStatistics;
  cycleTime: { mean: number; ci95: Interval };
}

/** A parallel step's join (`{ "all": [...] }` in a class's steps), over the items that arrived in the window. */
/** What blockers held up (experiment/blockers.ts). */
export interface BlockerResult {
  /** Mean blocked time of an item done, and blocked time as a share of lead time. */
  perItem: { mean: number; ci95: Interval };
  share: { mean: number; ci95: Interval };
  /**
   * Per node with a blocker: whether the person holds a blocked item or puts it aside (and,
   * only where it is false, that an item put aside does not count against the WIP limit), the
   * share of items started there that were blocked, their mean blocked time, the share of
   * lead time.
   */
  nodes: Record<
    string,
    {
      policy: 'hold' | 'aside';
      countsAgainstWip?: false;
      blocked: number;
      time: number;
      share: { mean: number; ci95: Interval };
    }
  >;
  /** Each replication's blocked time per item done and share of lead time, in replication order (for paired comparisons; 0 where nothing was done). */
  runs: { perItem: number[]; share: number[] };
}

export interface JoinResult {
  /** The class of work, and the index of the parallel step in its steps. */
  class: string;
  step: number;
  branches: string[];
  /** Items whose parts all joined (per replication). */
  joined: number;
  /** Time from an item's first branch done to its last: waiting at the join for the slowest branch. */
  wait: { mean: number; ci95: Interval };
  /** Time from the fork to the join: the whole parallel step, set by its slowest branch. */
  span: { mean: number; ci95: Interval };
  /** Share of the joined items whose last branch to be done was each one: which branch made them wait. */
  lastShare: Record<string, number>;
}

export interface BottleneckWindow {
  from: number;
  to: number;
  /** The node with the highest utilisation in the window (the longer queue breaks a tie). */
  node: string;
  utilization: number;
  queue: number;
}

/** One replication in a line: its outcome's counts (network/outcome.ts says what each means), and its means. */
export interface ReplicationSummary
  extends Pick<
    ReplicationOutcome,
    'seed' | 'stoppedBy' | 'endTime' | 'events' | 'arrived' | 'rejected' | 'completed' | 'inProgressAtEnd'
  > {
  replication: number;
  leadTimeMean: number;
  throughput: number;
  wipMean: number;
}

/**
 * Money (when the scenario gives a cost of delay, a value or a cost of capacity): totals per
 * replication over the observation window, their mean and 95% interval over replications,
 * and the same per time unit of the window (experiment/economics.ts).
 */
export interface EconomicsResult {
  /** Cost of delay of the items that arrived in the window; per completed item; per class (total, per item, value delivered). */
  costOfDelay: {
    total: number;
    ci95: Interval;
    perTimeUnit: number;
    perItem: number;
    classes: Record<string, { total: number; perItem: number; value: number }>;
  };
  /** Cost of the nodes' capacity in the window, in all and per node that has a `capacityCost`. */
  capacityCost: { total: number; ci95: Interval; perTimeUnit: number; nodes: Record<string, number> };
  /** Cost of delay plus cost of capacity. */
  totalCost: { total: number; ci95: Interval; perTimeUnit: number };
  /** Value of the items done; of it, the value of items done after their due date. */
  value: { delivered: number; ci95: Interval; late: number };
  /** With fixed-date classes: items with a due date done (per replication), the share late, and how late the late ones were on average. */
  dueDates?: { items: number; shareLate: number; meanLateness: number };
  /**
   * Only when work was turned away (`whenFull: "reject"`), which the totals above leave out:
   * items per replication and their share of the arrivals, and per class that turned work
   * away. `value` is an estimate, each class's mean value per item (its distribution's, no
   * draw) times its items turned away; absent where no such class has a value.
   */
  turnedAway?: {
    items: number;
    share: number;
    value?: number;
    classes: Record<string, { items: number; value?: number }>;
  };
  /** Each replication's totals, in replication order (for paired comparisons). */
  runs: { costOfDelay: number[]; capacityCost: number[]; totalCost: number[]; value: number[] };
}

/**
 * DORA's four measures, read at the scenario's `release` step (experiment/delivery.ts):
 * means over what all replications saw, with 95% intervals over replications; counts are
 * per replication. A mean is null where nothing was seen (no change released, no incident).
 */
export interface DeliveryResult {
  /** The release step. */
  release: string;
  /** Deployments (services of the release step, a batch being one) per time unit of the window. */
  deploymentFrequency: { perTimeUnit: number; ci95: Interval };
  deployments: number;
  /** From a change's commitment to the end of its good release, over changes that arrived in the window. */
  leadTimeForChanges: { mean: number | null; ci95: Interval; count: number };
  /** Share of deployments in which a change failed at the release. */
  changeFailureRate: { share: number; ci95: Interval };
  /** From a failed release to the change's next good release, and each outage of a release node. */
  timeToRestore: { mean: number | null; ci95: Interval; count: number };
  /**
   * Each replication's own value of the four, in replication order (for paired comparisons);
   * null where the replication saw nothing of the measure (no deployment, no change released,
   * no incident).
   */
  runs: {
    deploymentFrequency: number[];
    leadTimeForChanges: (number | null)[];
    changeFailureRate: (number | null)[];
    timeToRestore: (number | null)[];
  };
}

export interface SimulationResult {
  scenario: string;
  seed: number;
  replications: number;
  timeUnit: string;
  routing: string;
  /** Statistics describe items arriving in [warmup, duration]; time averages cover that window. */
  /** The observation window; the warm-up as the scenario gave it, or as MSER-5 chose it for "auto". */
  window: { warmup: number; duration: number; warmupChosenBy: 'scenario' | 'MSER-5' };
  /**
   * 'drained' when every item finished; otherwise how the first replication to stop early
   * stopped, the gravest first: 'deadlock' when blocked work could never move again (see
   * `deadlock`), 'stalled' when events repeated while the clock stood still (see `stalled`),
   * 'overflow' when more items were in the system than a run may hold (see `overflow`),
   * 'time-cap' when a replication hit run.maxTime.
   */
  stoppedBy: StopReason;
  /** Where work got stuck, for the first replication that deadlocked. */
  deadlock?: { replication: number; time: number; nodes: string[]; detail: string };
  /** Where the clock stood still, for the first replication that stalled. */
  stalled?: { replication: number; time: number; nodes: string[]; detail: string };
  /** Where the items piled up, for the first replication that held too many. */
  overflow?: { replication: number; time: number; nodes: string[]; detail: string };
  /** Items that arrived in the window and were done, over all replications. */
  completed: number;
  leadTime: TimeStatistics;
  cycleTime: TimeStatistics;
  /** Items done per time unit in the window (mean over replications). */
  throughput: number;
  throughputCi95: Interval;
  wip: { mean: number; ci95: Interval; max: number };
  /** Touch time over lead time, pooled over all completed items. */
  flowEfficiency: number;
  /**
   * Where a completed item's lead time goes, per item (pooled over replications): `backlog`,
   * the time before commitment (CONWIP), then each step in value-stream order with its `wait`
   * (from the end of the item's previous step's work, or its arrival or commitment, to the
   * end of this step's, less the work: waiting for room, a handoff, the queue, and any pause
   * of the work), its `work` (service time, every pass counted) and its flow efficiency, work
   * over wait + work. backlog + every wait + work = total lead time / completed.
   */
  timeInSteps: { backlog: number; steps: StepTime[] };
  /** Lead and cycle time per demand class (e.g. expedite and standard). */
  classes: Record<string, ClassResult>;
  /** Arrivals turned away because their first node was full (demand `whenFull: "reject"`), and their share. */
  rejected: number;
  rejectionRate: number;
  /** Failures sent back for rework, and escalated to people, per completed item. */
  reworkRate: number;
  /** Items sent back per item that failed: 1 for item-scope failures, up to the batch size for batch scope. */
  reworkPerFailure: number;
  escalationRate: number;
  /** Share of completed items that never failed. */
  firstTimeRight: number;
  /** Moves between different nodes, per completed item. */
  handoffsPerItem: number;
  /** Node-time lost to outages in the window (summed over nodes, per replication). */
  timeLostToOutages: number;
  /** Time-average number of items waiting in the CONWIP backlog, before commitment. */
  backlog: { mean: number };
  /** Work-item age of what was in progress when arrivals stopped (pooled over replications). */
  workItemAge: { count: number; mean: number; p50: number; p85: number; max: number };
  /** The bottleneck in each time window between warm-up and duration, so a moving bottleneck shows. */
  bottlenecks: BottleneckWindow[];
  /** Little's law, L = lambda W: time-average WIP against throughput x mean lead time. */
  littlesLaw: { wip: number; throughputTimesLeadTime: number; relativeDifference: number };
  /** The node with the highest utilisation. */
  bottleneck: string;
  nodes: Record<string, NodeResult>;
  /** Each parallel step's join, in class and step order; absent where no class has a parallel step. */
  joins?: JoinResult[];
  /** Blocked time, in total and per node with a blocker; absent where no node has one. */
  blockers?: BlockerResult;
  /** Items moved between nodes (from "arrival", to "done"), over all replications. */
  flow: { from: string; to: string; items: number }[];
  /** Lead-time histogram over all replications, for drawing. */
  leadTimeHistogram: { from: number; to: number; count: number }[];
  /** Time series from the first replication, at most 1000 points. */
  series: {
    t: number[];
    wip: number[];
    queues: Record<string, number[]>;
    /** Share of each node's servers working at each point. */
    utilization: Record<string, number[]>;
    /** Cumulative counts for a cumulative flow diagram: arrived, entered each step, done. */
    cumulative: { arrived: number[]; steps: Record<string, number[]>; done: number[] };
  };
  /** Cycle time of completed items against the time they were done (first replication, thinned). */
  cycleTimes: { t: number[]; value: number[] };
  /**
   * The work in progress when arrivals stopped (`at`, the duration), from the first
   * replication: each item's step, the one it is at or waits for (null in the CONWIP
   * backlog, not yet committed), and its age since arrival; at most 2000 of its `count`
   * items, evenly thinned. Where a node has a blocker, `blocked` says for each how long it has
   * been blocked so far, null for one not blocked.
   */
  agingWip: {
    at: number;
    count: number;
    step: (string | null)[];
    age: number[];
    blocked?: (number | null)[];
  };
  runs: ReplicationSummary[];
  /** Only when the scenario has economics. */
  economics?: EconomicsResult;
  /** Only when the scenario names its `release` step. */
  delivery?: DeliveryResult;
  warnings: string[];
}
