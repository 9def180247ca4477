/**
 * Folding replications into one result: means with t-intervals over replications,
 * percentiles from the merged histograms, time averages from time-weighted areas.
 */
import { ci95, meanOf } from '../metrics/confidence.ts';
import { QuantileHistogram } from '../metrics/histogram.ts';
import { RunningSummary } from '../metrics/summary.ts';
import type { Scenario } from '../model/scenario.ts';
import type { ReplicationOutcome } from '../network/simulation.ts';
import type { Topology } from '../network/topology.ts';
import type { NodeResult, ReplicationSummary, SimulationResult, TimeStatistics } from './result.ts';

/** Above this relative gap, Little's law is flagged: the window is too short or not steady. */
const LITTLE_TOLERANCE = 0.1;

export function aggregate(
  scenario: Scenario,
  topology: Topology,
  load: Float64Array,
  outcomes: readonly ReplicationOutcome[],
): SimulationResult {
  const window = scenario.run.duration - scenario.run.warmup;
  const runs: ReplicationSummary[] = outcomes.map((o, r) => ({
    replication: r,
    seed: o.seed,
    stoppedBy: o.stoppedBy,
    endTime: o.endTime,
    events: o.events,
    arrived: o.arrived,
    completed: o.completed,
    inProgressAtEnd: o.inProgressAtEnd,
    leadTimeMean: o.leadTime.count > 0 ? o.leadTime.mean : 0,
    throughput: o.completedInWindow / window,
    wipMean: o.wipArea / window,
  }));

  const leadTime = timeStatistics(
    outcomes.map((o) => [o.leadTime, o.leadTimeHistogram]),
    runs.filter((r) => r.completed > 0).map((r) => r.leadTimeMean),
  );
  const cycleTime = timeStatistics(
    outcomes.map((o) => [o.cycleTime, o.cycleTimeHistogram]),
    outcomes.filter((o) => o.cycleTime.count > 0).map((o) => o.cycleTime.mean),
  );
  const throughputs = runs.map((r) => r.throughput);
  const wips = runs.map((r) => r.wipMean);
  const throughput = meanOf(throughputs);
  const wipMean = meanOf(wips);
  const touch = outcomes.reduce((s, o) => s + o.touchTime, 0);
  const leadTotal = outcomes.reduce((s, o) => s + o.leadTimeTotal, 0);
  const littleRhs = throughput * leadTime.mean;

  const nodes: Record<string, NodeResult> = {};
  topology.nodeIds.forEach((id, n) => {
    const capacity = topology.capacity[n];
    const waitTotal = outcomes.reduce((s, o) => s + o.nodes.waitTotal[n], 0);
    const waits = outcomes.reduce((s, o) => s + o.nodes.waitCount[n], 0);
    nodes[id] = {
      kind: scenario.nodes[n].kind,
      capacity,
      utilization: meanOf(outcomes.map((o) => o.nodes.busyArea[n] / (capacity * window))),
      offeredLoad: load[n],
      queue: {
        mean: meanOf(outcomes.map((o) => o.nodes.queueArea[n] / window)),
        max: Math.max(...outcomes.map((o) => o.nodes.queueMax[n])),
      },
      wait: { mean: waits > 0 ? waitTotal / waits : 0 },
      served: meanOf(outcomes.map((o) => o.nodes.served[n])),
    };
  });
  const bottleneck = topology.nodeIds.reduce((best, id) =>
    nodes[id].utilization > nodes[best].utilization ? id : best,
  );

  const result: SimulationResult = {
    scenario: scenario.name,
    seed: scenario.run.seed,
    replications: outcomes.length,
    timeUnit: scenario.timeUnit,
    routing: scenario.routing,
    window: { warmup: scenario.run.warmup, duration: scenario.run.duration },
    stoppedBy: outcomes.some((o) => o.stoppedBy === 'time-cap') ? 'time-cap' : 'drained',
    completed: outcomes.reduce((s, o) => s + o.completed, 0),
    leadTime,
    cycleTime,
    throughput,
    throughputCi95: ci95(throughputs),
    wip: { mean: wipMean, ci95: ci95(wips), max: Math.max(...outcomes.map((o) => o.wipMax)) },
    flowEfficiency: leadTotal > 0 ? touch / leadTotal : 0,
    littlesLaw: {
      wip: wipMean,
      throughputTimesLeadTime: littleRhs,
      relativeDifference: wipMean > 0 ? (littleRhs - wipMean) / wipMean : 0,
    },
    bottleneck,
    nodes,
    flow: flowOf(topology, outcomes),
    leadTimeHistogram: mergedHistogram(outcomes.map((o) => o.leadTimeHistogram)).bins(40),
    series: seriesOf(topology, outcomes[0]),
    cycleTimes: outcomes[0].cycleTimes.toJSON(),
    runs,
    warnings: [],
  };
  result.warnings = warningsFor(scenario, topology, result);
  return result;
}

function timeStatistics(
  parts: [RunningSummary, QuantileHistogram][],
  replicationMeans: number[],
): TimeStatistics {
  const all = new RunningSummary();
  for (const [summary] of parts) all.merge(summary);
  const histogram = mergedHistogram(parts.map(([, h]) => h));
  if (all.count === 0) return { mean: 0, ci95: null, sd: 0, p50: 0, p85: 0, p95: 0, max: 0 };
  return {
    mean: meanOf(replicationMeans),
    ci95: ci95(replicationMeans),
    sd: all.sd,
    p50: histogram.quantile(0.5),
    p85: histogram.quantile(0.85),
    p95: histogram.quantile(0.95),
    max: all.max,
  };
}

function mergedHistogram(histograms: QuantileHistogram[]): QuantileHistogram {
  const merged = new QuantileHistogram();
  for (const h of histograms) merged.merge(h);
  return merged;
}

function flowOf(topology: Topology, outcomes: readonly ReplicationOutcome[]): SimulationResult['flow'] {
  const n = topology.nodeIds.length;
  const name = (i: number, end: string) => (i === n ? end : topology.nodeIds[i]);
  const flow: SimulationResult['flow'] = [];
  for (let from = 0; from <= n; from++)
    for (let to = 0; to <= n; to++) {
      const items = outcomes.reduce((s, o) => s + o.moves[from * (n + 1) + to], 0);
      if (items > 0) flow.push({ from: name(from, 'arrival'), to: name(to, 'done'), items });
    }
  return flow;
}

function seriesOf(topology: Topology, outcome: ReplicationOutcome): SimulationResult['series'] {
  const { t, channels } = outcome.series.toJSON();
  const n = topology.nodeIds.length;
  const nc = topology.capabilities.length;
  const queues: Record<string, number[]> = {};
  topology.nodeIds.forEach((id, i) => {
    queues[id] = channels[1 + i];
  });
  const steps: Record<string, number[]> = {};
  topology.capabilities.forEach((cap, c) => {
    steps[cap] = channels[2 + n + c];
  });
  return {
    t,
    wip: channels[0],
    queues,
    cumulative: { arrived: channels[1 + n], steps, done: channels[2 + n + nc] },
  };
}

function warningsFor(scenario: Scenario, topology: Topology, result: SimulationResult): string[] {
  const warnings: string[] = [];
  for (const id of topology.nodeIds) {
    const rho = result.nodes[id].offeredLoad;
    if (rho >= 1)
      warnings.push(
        `node "${id}" is offered ${fmt(rho * 100)}% of its capacity (utilisation >= 1): ` +
          'its queue grows without bound, so lead times depend on how long the run is, not on the system',
      );
  }
  const capped = result.runs.filter((r) => r.stoppedBy === 'time-cap');
  if (capped.length > 0)
    warnings.push(
      `${capped.length} of ${result.runs.length} replications stopped at run.maxTime ` +
        `(${scenario.run.maxTime ?? 10 * scenario.run.duration}) with work still in progress; ` +
        'lead times leave out the unfinished items',
    );
  if (result.completed === 0) warnings.push('no item that arrived after warm-up was completed');
  else if (Math.abs(result.littlesLaw.relativeDifference) > LITTLE_TOLERANCE)
    warnings.push(
      `Little's law is off by ${fmt(Math.abs(result.littlesLaw.relativeDifference) * 100)}%: ` +
        'the run is too short for steady state, or the system is not stable',
    );
  return warnings;
}

function fmt(x: number): string {
  return x.toFixed(0);
}
