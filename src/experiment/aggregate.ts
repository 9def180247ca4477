/**
 * Folding replications into one result: means with t-intervals over replications,
 * percentiles from the merged histograms, time averages from time-weighted areas.
 */
import { ci95, meanOf } from '../metrics/confidence.ts';
import { QuantileHistogram } from '../metrics/histogram.ts';
import { littlesLawOff } from '../metrics/littles-law.ts';
import { RunningSummary } from '../metrics/summary.ts';
import type { Scenario } from '../model/scenario.ts';
import type { NodeLoad } from '../network/load.ts';
import { movesOver } from '../network/move-counts.ts';
import type { ReplicationOutcome, StopReason } from '../network/outcome.ts';
import { scenarioWarnings } from '../network/scenario-warnings.ts';
import { seriesPlan } from '../network/series-plan.ts';
import { forkOf, type Topology } from '../network/topology.ts';
import { blockersOf } from './blockers.ts';
import { deliveryOf } from './delivery.ts';
import { economicsOf } from './economics.ts';
import { joinsOf } from './joins.ts';
import type {
  BottleneckWindow,
  ClassResult,
  DeliveryResult,
  EconomicsResult,
  NodeResult,
  ReplicationSummary,
  SimulationResult,
  StepTime,
  TimeStatistics,
} from './result.ts';

/** The ways a replication can stop early, the gravest first: the result names the first seen. */
const EARLY_STOPS: readonly StopReason[] = ['deadlock', 'stalled', 'overflow', 'time-cap'];

const sum = (outcomes: readonly ReplicationOutcome[], f: (o: ReplicationOutcome) => number) =>
  outcomes.reduce((s, o) => s + f(o), 0);

export function aggregate(
  scenario: Scenario,
  topology: Topology,
  loads: readonly NodeLoad[],
  outcomes: readonly ReplicationOutcome[],
): SimulationResult {
  const window = scenario.run.duration - scenario.run.warmup;
  const reps = outcomes.length;
  const runs: ReplicationSummary[] = outcomes.map((o, r) => ({
    replication: r,
    seed: o.seed,
    stoppedBy: o.stoppedBy,
    endTime: o.endTime,
    events: o.events,
    arrived: o.arrived,
    rejected: o.rejected,
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
  const completed = sum(outcomes, (o) => o.completed);
  const arrived = sum(outcomes, (o) => o.arrived);
  const rejected = sum(outcomes, (o) => o.rejected);
  const leadTotal = sum(outcomes, (o) => o.leadTimeTotal);
  const perItem = (x: number) => (completed > 0 ? x / completed : 0);
  const littleRhs = throughput * leadTime.mean;

  const nodes: Record<string, NodeResult> = {};
  topology.nodeIds.forEach((id, n) => {
    const waitTotal = sum(outcomes, (o) => o.nodes.waitTotal[n]);
    const waits = sum(outcomes, (o) => o.nodes.waitCount[n]);
    const served = sum(outcomes, (o) => o.nodes.served[n]);
    const capacityArea = sum(outcomes, (o) => o.nodes.capacityArea[n]);
    nodes[id] = {
      kind: scenario.nodes[n].kind,
      capacity: topology.capacity[n],
      utilization: capacityArea > 0 ? sum(outcomes, (o) => o.nodes.busyArea[n]) / capacityArea : 0,
      // A result holds finite numbers only: an unbounded load (no servers in some phase while
      // work arrives) is the largest a double holds, which still reads as overloaded.
      offeredLoad: Number.isFinite(loads[n].load) ? loads[n].load : Number.MAX_VALUE,
      ...(loads[n].window ? { offeredLoadWindow: loads[n].window } : {}),
      queue: {
        mean: sum(outcomes, (o) => o.nodes.queueArea[n]) / (window * reps),
        max: Math.max(...outcomes.map((o) => o.nodes.queueMax[n])),
      },
      wait: { mean: waits > 0 ? waitTotal / waits : 0 },
      served: served / reps,
      blocked: sum(outcomes, (o) => o.nodes.blockedArea[n]) / (window * reps),
      failureRate: served > 0 ? sum(outcomes, (o) => o.nodes.failures[n]) / served : 0,
      outages: sum(outcomes, (o) => o.nodes.outages[n]) / reps,
      timeDown: sum(outcomes, (o) => o.nodes.downArea[n]) / reps,
      waitShareOfLeadTime: leadTotal > 0 ? waitTotal / leadTotal : 0,
    };
  });
  const bottleneck = topology.nodeIds.reduce((best, id) =>
    nodes[id].utilization > nodes[best].utilization ? id : best,
  );

  const deadlocked = outcomes.findIndex((o) => o.deadlock);
  const stalled = outcomes.findIndex((o) => o.stalled);
  const overflowed = outcomes.findIndex((o) => o.overflow);
  const result: SimulationResult = {
    scenario: scenario.name,
    seed: scenario.run.seed,
    replications: reps,
    timeUnit: scenario.timeUnit,
    routing: scenario.routing,
    window: {
      warmup: scenario.run.warmup,
      duration: scenario.run.duration,
      warmupChosenBy: scenario.run.autoWarmup ? 'MSER-5' : 'scenario',
    },
    stoppedBy: EARLY_STOPS.find((reason) => outcomes.some((o) => o.stoppedBy === reason)) ?? 'drained',
    ...(deadlocked >= 0 ? { deadlock: { replication: deadlocked, ...outcomes[deadlocked].deadlock! } } : {}),
    ...(stalled >= 0 ? { stalled: { replication: stalled, ...outcomes[stalled].stalled! } } : {}),
    ...(overflowed >= 0 ? { overflow: { replication: overflowed, ...outcomes[overflowed].overflow! } } : {}),
    completed,
    leadTime,
    cycleTime,
    throughput,
    throughputCi95: ci95(throughputs),
    wip: { mean: wipMean, ci95: ci95(wips), max: Math.max(...outcomes.map((o) => o.wipMax)) },
    flowEfficiency: leadTotal > 0 ? sum(outcomes, (o) => o.touchTime) / leadTotal : 0,
    timeInSteps: {
      backlog: perItem(sum(outcomes, (o) => o.backlogTime)),
      steps: stepTimes(topology, outcomes, perItem),
    },
    classes: classesOf(topology, outcomes),
    rejected,
    rejectionRate: arrived > 0 ? rejected / arrived : 0,
    reworkRate: perItem(sum(outcomes, (o) => o.reworks)),
    reworkPerFailure: reworkPerFailure(scenario, outcomes),
    escalationRate: perItem(sum(outcomes, (o) => o.escalations)),
    firstTimeRight: perItem(sum(outcomes, (o) => o.firstTimeRight)),
    handoffsPerItem: perItem(sum(outcomes, (o) => o.handoffs)),
    timeLostToOutages: sum(outcomes, (o) => o.nodes.downArea.reduce((s, x) => s + x, 0)) / reps,
    backlog: { mean: sum(outcomes, (o) => o.backlogArea) / (window * reps) },
    workItemAge: workItemAge(outcomes),
    bottlenecks: bottlenecksOf(scenario, topology, outcomes),
    littlesLaw: {
      wip: wipMean,
      throughputTimesLeadTime: littleRhs,
      relativeDifference: wipMean > 0 ? (littleRhs - wipMean) / wipMean : 0,
    },
    bottleneck,
    nodes,
    ...(topology.forks.length > 0 && { joins: joinsOf(topology, outcomes) }),
    ...(outcomes[0].blockers && { blockers: blockersOf(scenario, topology, outcomes) }),
    flow: flowOf(topology, outcomes),
    leadTimeHistogram: mergedHistogram(outcomes.map((o) => o.leadTimeHistogram)).bins(40),
    series: seriesOf(scenario, topology, outcomes[0]),
    cycleTimes: outcomes[0].cycleTimes.toJSON(),
    agingWip: agingWipOf(scenario, topology, outcomes[0]),
    runs,
    ...economicsField(scenario, topology, outcomes),
    ...deliveryField(scenario, outcomes),
    warnings: [],
  };
  result.warnings = warningsFor(scenario, loads, result);
  return result;
}

function deliveryField(
  scenario: Scenario,
  outcomes: readonly ReplicationOutcome[],
): { delivery?: DeliveryResult } {
  const delivery = deliveryOf(scenario, outcomes);
  return delivery ? { delivery } : {};
}

function economicsField(
  scenario: Scenario,
  topology: Topology,
  outcomes: readonly ReplicationOutcome[],
): { economics?: EconomicsResult } {
  const economics = economicsOf(scenario, topology, outcomes);
  return economics ? { economics } : {};
}

function timeStatistics(
  parts: [RunningSummary, QuantileHistogram][],
  replicationMeans: number[],
): TimeStatistics {
  const all = new RunningSummary();
  for (const [summary] of parts) all.merge(summary);
  const histogram = mergedHistogram(parts.map(([, h]) => h));
  if (all.count === 0) return { mean: 0, ci95: null, sd: 0, p50: 0, p85: 0, p85ci95: null, p95: 0, max: 0 };
  // Each replication's own p85 is one independent estimate: their t-interval says how
  // much the pooled p85 could move with another set of replications.
  const replicationP85s = parts.filter(([summary]) => summary.count > 0).map(([, h]) => h.quantile(0.85));
  return {
    mean: meanOf(replicationMeans),
    ci95: ci95(replicationMeans),
    sd: all.count > 1 ? all.sd : 0,
    p50: histogram.quantile(0.5),
    p85: histogram.quantile(0.85),
    p85ci95: ci95(replicationP85s),
    p95: histogram.quantile(0.95),
    max: all.max,
  };
}

function mergedHistogram(histograms: QuantileHistogram[]): QuantileHistogram {
  const merged = new QuantileHistogram();
  for (const h of histograms) merged.merge(h);
  return merged;
}

function classesOf(topology: Topology, outcomes: readonly ReplicationOutcome[]): Record<string, ClassResult> {
  const classes: Record<string, ClassResult> = {};
  const single = topology.classIds.length === 1;
  topology.classIds.forEach((id, c) => {
    // With one class the engine keeps only the overall statistics, which are the class's.
    const parts = outcomes.map((o) =>
      single
        ? { leadTime: o.leadTime, leadTimeHistogram: o.leadTimeHistogram, cycleTime: o.cycleTime }
        : o.classes[c],
    );
    const done = parts.filter((p) => p.leadTime.count > 0);
    const cycleMeans = done.map((p) => p.cycleTime.mean);
    classes[id] = {
      completed: parts.reduce((s, p) => s + p.leadTime.count, 0),
      leadTime: timeStatistics(
        parts.map((p) => [p.leadTime, p.leadTimeHistogram]),
        done.map((p) => p.leadTime.mean),
      ),
      cycleTime: { mean: cycleMeans.length > 0 ? meanOf(cycleMeans) : 0, ci95: ci95(cycleMeans) },
    };
  });
  return classes;
}

/** Pooled over replications, weighting each by the number of items it had in progress. */
function workItemAge(outcomes: readonly ReplicationOutcome[]): SimulationResult['workItemAge'] {
  const with_ = outcomes.map((o) => o.agesAtEnd).filter((a) => a.count > 0);
  const count = with_.reduce((s, a) => s + a.count, 0);
  if (count === 0) return { count: 0, mean: 0, p50: 0, p85: 0, max: 0 };
  const weighted = (f: (a: (typeof with_)[number]) => number) =>
    with_.reduce((s, a) => s + f(a) * a.count, 0) / count;
  return {
    count: count / outcomes.length,
    mean: weighted((a) => a.mean),
    p50: weighted((a) => a.p50),
    p85: weighted((a) => a.p85),
    max: Math.max(...with_.map((a) => a.max)),
  };
}

/**
 * Each step's share of the lead time, per completed item, in the order the demand needs the
 * steps (a parallel step as one, named by its branches: "frontend + backend"), then any step
 * only an escalation reaches; steps no item spent time in are left out. A parallel step with
 * no wait can come out a hair below zero from rounding (its span less its longest branch's
 * work): it is held at 0.
 */
function stepTimes(
  topology: Topology,
  outcomes: readonly ReplicationOutcome[],
  perItem: (x: number) => number,
): StepTime[] {
  const nc = topology.capabilities.length;
  const order = new Set<number>();
  for (const steps of topology.steps) for (const s of steps) order.add(s >= 0 ? s : nc + forkOf(s));
  for (let i = 0; i < nc + topology.forks.length; i++) order.add(i);
  const name = (i: number) =>
    i < nc
      ? topology.capabilities[i]
      : Array.from(topology.forks[i - nc], (c) => topology.capabilities[c]).join(' + ');
  return [...order].flatMap((i) => {
    const wait = perItem(sum(outcomes, (o) => o.stepWait[i]));
    const work = perItem(sum(outcomes, (o) => o.stepWork[i]));
    const time = wait + work;
    if (!(time > 0)) return [];
    return [{ step: name(i), wait: Math.max(0, wait), work, flowEfficiency: Math.min(1, work / time) }];
  });
}

function agingWipOf(
  scenario: Scenario,
  topology: Topology,
  outcome: ReplicationOutcome,
): SimulationResult['agingWip'] {
  const { t, value } = outcome.agingWip.toJSON();
  return {
    at: scenario.run.duration,
    count: outcome.agesAtEnd.count,
    step: t.map((c) => (c < 0 ? null : topology.capabilities[c])),
    age: value,
    ...(outcome.agingBlocked && {
      blocked: outcome.agingBlocked.toJSON().value.map((b) => (b < 0 ? null : b)),
    }),
  };
}

function bottlenecksOf(
  scenario: Scenario,
  topology: Topology,
  outcomes: readonly ReplicationOutcome[],
): BottleneckWindow[] {
  const { count, width } = outcomes[0].windows;
  const n = topology.nodeIds.length;
  const windows: BottleneckWindow[] = [];
  for (let w = 0; w < count; w++) {
    let best = -1;
    let bestUtilization = -1;
    let bestQueue = -1;
    for (let i = 0; i < n; i++) {
      const at = w * n + i;
      const capacity = sum(outcomes, (o) => o.windows.capacity[at]);
      const utilization = capacity > 0 ? sum(outcomes, (o) => o.windows.busy[at]) / capacity : 0;
      const queue = sum(outcomes, (o) => o.windows.queue[at]) / (width * outcomes.length);
      if (utilization > bestUtilization || (utilization === bestUtilization && queue > bestQueue)) {
        best = i;
        bestUtilization = utilization;
        bestQueue = queue;
      }
    }
    const from = scenario.run.warmup + w * width;
    windows.push({
      from,
      to: from + width,
      node: topology.nodeIds[best],
      utilization: bestUtilization,
      queue: bestQueue,
    });
  }
  return windows;
}

function flowOf(topology: Topology, outcomes: readonly ReplicationOutcome[]): SimulationResult['flow'] {
  const n = topology.nodeIds.length;
  const name = (i: number, end: string) => (i === n ? end : topology.nodeIds[i]);
  return movesOver(
    n,
    outcomes.map((o) => o.moves),
  ).map(({ key, items }) => ({
    from: name(Math.floor(key / (n + 1)), 'arrival'),
    to: name(key % (n + 1), 'done'),
    items,
  }));
}

function seriesOf(
  scenario: Scenario,
  topology: Topology,
  outcome: ReplicationOutcome,
): SimulationResult['series'] {
  const { t, channels } = outcome.series.toJSON();
  const { nodes, capabilities, at } = seriesPlan(scenario, topology);
  const queues: Record<string, number[]> = {};
  const utilization: Record<string, number[]> = {};
  nodes.forEach((node, k) => {
    queues[topology.nodeIds[node]] = channels[at.queue + k];
    utilization[topology.nodeIds[node]] = channels[at.utilization + k];
  });
  const steps: Record<string, number[]> = {};
  capabilities.forEach((c, k) => {
    steps[topology.capabilities[c]] = channels[at.entered + k];
  });
  return {
    t,
    wip: channels[at.wip],
    queues,
    utilization,
    cumulative: { arrived: channels[at.arrived], steps, done: channels[at.done] },
  };
}

function warningsFor(scenario: Scenario, loads: readonly NodeLoad[], result: SimulationResult): string[] {
  const warnings = scenarioWarnings(scenario, loads);
  const capped = result.runs.filter((r) => r.stoppedBy === 'time-cap');
  if (capped.length > 0)
    warnings.push(
      `${capped.length} of ${result.runs.length} replications stopped at run.maxTime ` +
        `(${scenario.run.maxTime ?? 10 * scenario.run.duration}) with work still in progress; ` +
        'lead times leave out the unfinished items',
    );
  if (result.deadlock)
    warnings.push(
      `deadlock in replication ${result.deadlock.replication} at time ${result.deadlock.time.toFixed(1)}: ` +
        `${result.deadlock.detail}; full nodes wait on each other and nothing can move (raise a wipLimit)`,
    );
  if (result.stalled)
    warnings.push(
      `stalled in replication ${result.stalled.replication} at time ${result.stalled.time}: ` +
        `${result.stalled.detail}; the run was stopped there`,
    );
  if (result.overflow)
    warnings.push(
      `too much work in replication ${result.overflow.replication} at time ${result.overflow.time}: ` +
        `${result.overflow.detail}; the run was stopped there`,
    );
  if (result.completed === 0) warnings.push('no item that arrived after warm-up was completed');
  else if (
    !result.deadlock &&
    !result.stalled &&
    !result.overflow &&
    littlesLawOff(result.littlesLaw.relativeDifference)
  )
    warnings.push(
      `Little's law is off by ${pct(Math.abs(result.littlesLaw.relativeDifference))}: ` +
        'the run is too short for steady state, or the system is not stable',
    );
  return warnings;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(0)}%`;
}

/**
 * Items sent back for rework per item that failed, at the nodes that send work back rather
 * than escalate it: 1 where failures are per item, the batch size where one failed item
 * sends its whole batch back (the blast radius). 0 when nothing failed.
 */
function reworkPerFailure(scenario: Scenario, outcomes: readonly ReplicationOutcome[]): number {
  let failures = 0;
  scenario.nodes.forEach((node, n) => {
    if (node.failure && node.failure.escalateTo === undefined)
      failures += sum(outcomes, (o) => o.nodes.failures[n]);
  });
  return failures > 0 ? sum(outcomes, (o) => o.reworks) / failures : 0;
}
