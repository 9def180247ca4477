/**
 * The result of simulating a scenario: the public contract shared by `simulate()`,
 * `flowlab run --json` and the sandbox. Plain JSON, with no wall-clock values, so the same
 * scenario and seed always give byte-identical output.
 */
import type { StopReason } from '../network/simulation.ts';

export type Interval = [number, number] | null;

export interface TimeStatistics {
  /** Mean over replications of each replication's mean. */
  mean: number;
  /** 95% t-interval for the mean over replications (null with one replication). */
  ci95: Interval;
  sd: number;
  p50: number;
  p85: number;
  p95: number;
  max: number;
}

export interface NodeResult {
  kind: string;
  capacity: number;
  /** Share of the node's capacity that was busy in the observation window. */
  utilization: number;
  /** Utilisation the arrivals demand in the long run (>= 1 means the queue grows without bound). */
  offeredLoad: number;
  /** Time-weighted mean and the largest number of items waiting in the node's queue. */
  queue: { mean: number; max: number };
  /** Mean time items waited in the queue before this node started them. */
  wait: { mean: number };
  /** Items this node served (per replication). */
  served: number;
}

export interface ReplicationSummary {
  replication: number;
  seed: number;
  stoppedBy: StopReason;
  endTime: number;
  events: number;
  arrived: number;
  completed: number;
  inProgressAtEnd: number;
  leadTimeMean: number;
  throughput: number;
  wipMean: number;
}

export interface SimulationResult {
  scenario: string;
  seed: number;
  replications: number;
  timeUnit: string;
  routing: string;
  /** Statistics describe items arriving in [warmup, duration]; time averages cover that window. */
  window: { warmup: number; duration: number };
  /** 'drained' when every item finished; 'time-cap' when some replication hit run.maxTime first. */
  stoppedBy: StopReason;
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
  /** Little's law, L = lambda W: time-average WIP against throughput x mean lead time. */
  littlesLaw: { wip: number; throughputTimesLeadTime: number; relativeDifference: number };
  /** The node with the highest utilisation. */
  bottleneck: string;
  nodes: Record<string, NodeResult>;
  /** Items moved between nodes (from "arrival", to "done"), over all replications. */
  flow: { from: string; to: string; items: number }[];
  /** Lead-time histogram over all replications, for drawing. */
  leadTimeHistogram: { from: number; to: number; count: number }[];
  /** Time series from the first replication, at most 1000 points. */
  series: {
    t: number[];
    wip: number[];
    queues: Record<string, number[]>;
    /** Cumulative counts for a cumulative flow diagram: arrived, entered each step, done. */
    cumulative: { arrived: number[]; steps: Record<string, number[]>; done: number[] };
  };
  /** Cycle time of completed items against the time they were done (first replication, thinned). */
  cycleTimes: { t: number[]; value: number[] };
  runs: ReplicationSummary[];
  warnings: string[];
}
