/**
 * Offered load: the utilisation each node would have in the long run if it kept up. A node
 * offered 1 or more cannot keep up: its queue grows for as long as that lasts, and its
 * measured numbers then say how long the run was, not how the system behaves.
 *
 *   load = work arriving per time unit / effective capacity
 *
 * Work counts every pass an item makes through the node: the traffic equations of the whole
 * routed network (traffic.ts), with rework loops, escalations and batch-scope failures (one
 * failed item sends its whole batch back, so a batch of b fails with chance 1 - (1 - p)^b).
 * Effective capacity is servers x the share of time the node is open (a gate: open / every)
 * x the share it is up (outages: mtbf / (mtbf + mttr)); a batch node does a whole batch in
 * one service time, so its work is per batch.
 *
 * Where demand or capacity changes over time, the load is worked out for each phase and a
 * node's `load` is its worst phase, with that phase's window: a surge that overloads a node
 * for 200 days is a finding that an average over the run would hide.
 *
 * Some numbers are estimates, and say why (`estimateReason`): adaptive routing splits shared
 * steps by the moment's queues, so the estimate splits them by each node's speed; batches
 * that time out are smaller than full; a board that takes everything waiting meets some
 * agendas empty; multitasking loses time to switching in proportion to how much is in
 * progress, and can tip into a pile-up. A load counts as exact when it comes out the same under other plausible values
 * of what is unknown (lopsided splits, batches of one, no affinity), so a node downstream of
 * an estimated split keeps an exact load when the split cannot change it.
 */
import { exp, pow } from '../engine/math.ts';
import { distributionMean } from '../model/distribution.ts';
import type { NodeSpec, Scenario } from '../model/scenario.ts';
import { STRATEGIES } from './strategies/index.ts';
import { compileTopology, serveIndex, type Topology } from './topology.ts';
import { trafficRates } from './traffic.ts';

/** One node's offered load, by id, as results, the CLI and the sandbox show it. */
export interface NodeLoad {
  id: string;
  capacity: number;
  /** Offered load in the worst phase: >= 1 means the queue grows while that phase lasts. */
  load: number;
  /** False where the load is an estimate; `estimateReason` then says why. */
  exact: boolean;
  estimateReason?: string;
  /** The worst phase [from, to) in the scenario's time unit, when the load changes over the run. */
  window?: { from: number; to: number };
  /** The load in every phase, when it changes over the run. */
  phases?: { from: number; to: number; load: number }[];
}

/** Offered load per node, straight from a scenario, before anything is simulated. */
export function nodeLoads(scenario: Scenario, topology = compileTopology(scenario)): NodeLoad[] {
  const phases = phasesOf(scenario);
  // Each phase's loads under each assumption, worked out once for all nodes.
  const memo = new Map<string, { load: Float64Array; solved: boolean }>();
  const loadsAt = (i: number, assume: Assumptions) => {
    const key = `${i} ${assume.split} ${assume.affinity} ${assume.fullBatches}`;
    let loads = memo.get(key);
    if (!loads) {
      loads = loadsIn(scenario, topology, phases[i], assume);
      memo.set(key, loads);
    }
    return loads;
  };
  return scenario.nodes.map((node, n) => {
    const inPhase = phases.map((_, i) => loadsAt(i, BEST).load[n]);
    let worst = 0;
    for (let i = 1; i < phases.length; i++) if (inPhase[i] > inPhase[worst]) worst = i;
    const load = inPhase[worst];
    const reasons = estimateReasons(scenario, n, (assume) => !same(loadsAt(worst, assume).load[n], load));
    if (!loadsAt(worst, BEST).solved)
      reasons.unshift(
        'the network is too large to solve exactly, so its traffic was iterated: a lower bound',
      );
    const out: NodeLoad = { id: node.id, capacity: node.capacity, load, exact: reasons.length === 0 };
    if (reasons.length > 0) out.estimateReason = reasons.join('; ');
    if (inPhase.some((x) => !same(x, load))) {
      // The worst phase, joined with neighbours just as bad (another node's change may split it).
      let first = worst;
      let last = worst;
      while (first > 0 && same(inPhase[first - 1], load)) first--;
      while (last < phases.length - 1 && same(inPhase[last + 1], load)) last++;
      out.window = { from: phases[first].from, to: phases[last].to };
      out.phases = phases.map((p, i) => ({ from: p.from, to: p.to, load: inPhase[i] }));
    }
    return out;
  });
}

/** Equal to nine digits; an unbounded load equals only another. */
/** Each node's offered load (its worst phase's), in the topology's node order. */
export function offeredLoad(scenario: Scenario, topology: Topology): Float64Array {
  return Float64Array.from(nodeLoads(scenario, topology), (l) => l.load);
}

const same = (a: number, b: number) =>
  a === b ||
  (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)));

/** A stretch of the run with one arrival process per class and one capacity per node. */
interface Phase {
  from: number;
  to: number;
  interarrival: number[];
  capacity: number[];
}

/** The phases between 0 and run.duration (when arrivals stop), cut at every scheduled change. */
function phasesOf(scenario: Scenario): Phase[] {
  const duration = scenario.run.duration;
  const cuts = new Set<number>([0]);
  for (const d of scenario.demand) for (const c of d.schedule ?? []) if (c.from < duration) cuts.add(c.from);
  for (const n of scenario.nodes)
    for (const c of n.capacitySchedule ?? []) if (c.from < duration) cuts.add(c.from);
  const times = [...cuts].sort((a, b) => a - b);
  return times.map((from, i) => ({
    from,
    to: i + 1 < times.length ? times[i + 1] : duration,
    interarrival: scenario.demand.map((d) =>
      distributionMean(inForce(d.schedule, from)?.interarrival ?? d.interarrival),
    ),
    capacity: scenario.nodes.map((n) => inForce(n.capacitySchedule, from)?.capacity ?? n.capacity),
  }));
}

/** The last scheduled change made by time t, if any. */
function inForce<T extends { from: number }>(changes: readonly T[] | undefined, t: number): T | undefined {
  let last: T | undefined;
  for (const c of changes ?? []) if (c.from <= t) last = c;
  return last;
}

/**
 * What the computation assumes where the scenario leaves it open: `split` lopsided (+1, -1)
 * or as estimated (0), `affinity` as written or off, batch-scope failures on full batches
 * or on batches of one.
 */
interface Assumptions {
  split: -1 | 0 | 1;
  affinity: boolean;
  fullBatches: boolean;
}
const BEST: Assumptions = { split: 0, affinity: true, fullBatches: true };

const ADAPTIVE_REASON = (routing: string) =>
  `${routing} routing shares steps between nodes by their queues as it goes, so the split is estimated from each node's speed`;

/** Why node n's load is an estimate (none: it is exact); `changes` says whether another assumption moves it. */
function estimateReasons(scenario: Scenario, n: number, changes: (assume: Assumptions) => boolean): string[] {
  const reasons: string[] = [];
  if (splitIsUncertain(scenario) && (changes({ ...BEST, split: 1 }) || changes({ ...BEST, split: -1 })))
    reasons.push(
      STRATEGIES[scenario.routing].split === 'even'
        ? `${scenario.routing} routing passes over nodes that are down, closed or full, so shared steps are not split evenly`
        : ADAPTIVE_REASON(scenario.routing),
    );
  if (scenario.affinity && canBeUnavailable(scenario) && changes({ ...BEST, affinity: false }))
    reasons.push('affinity keeps an item with its previous node only when that node can take it at the time');
  if (uncertainBatchFailures(scenario) && changes({ ...BEST, fullBatches: false }))
    reasons.push('batch-scope failures depend on how big batches are, and batches that time out are smaller');
  const node = scenario.nodes[n];
  if (node.batch && node.batch.size > 1 && node.batch.timeout !== undefined && !node.schedule?.batch)
    reasons.push(
      `counts full batches of ${node.batch.size}; a batch that times out starts smaller, so at light load the node is busier than this (with a long queue batches are full, so 100% still marks the limit)`,
    );
  if (node.schedule?.batch)
    reasons.push(
      'one batch per opening, taking everything waiting; the chance that work waits at an opening is taken as for random arrivals',
    );
  if (node.multitasking && node.multitasking.switchCost > 0)
    reasons.push(
      'time lost to switching depends on how many items are in progress at once, taken from a birth-death model of the node; past a tipping point switching outruns the slack and work piles up, which counts when the run is long enough to get there',
    );
  return reasons;
}

/** Whether a shared step's split is unknown: adaptive routing, or an even split that skips nodes. */
function splitIsUncertain(scenario: Scenario): boolean {
  const split = STRATEGIES[scenario.routing].split;
  if (split === 'first') return false;
  return split !== 'even' || canBeUnavailable(scenario);
}

/** Nodes that routing may pass over at times: down, closed or full. */
function canBeUnavailable(scenario: Scenario): boolean {
  return scenario.nodes.some((n) => n.outages || n.schedule || n.wipLimit !== undefined);
}

function uncertainBatchFailures(scenario: Scenario): boolean {
  return scenario.nodes.some(
    (n) =>
      n.failure?.scope === 'batch' &&
      n.failure.probability > 0 &&
      (n.schedule?.batch || (n.batch && n.batch.size > 1 && n.batch.timeout !== undefined)),
  );
}

/** Share of the time a node can work: open (a gate's schedule) and up (outages). */
function availability(node: NodeSpec): number {
  let share = 1;
  if (node.schedule) share *= node.schedule.open / node.schedule.every;
  if (node.outages) {
    const up = distributionMean(node.outages.mtbf);
    share *= up / (up + distributionMean(node.outages.mttr));
  }
  return share;
}

/**
 * Each node's offered load in one phase, under the given assumptions; `solved` is false
 * where the traffic equations were too large to solve exactly (traffic.ts).
 */
function loadsIn(
  scenario: Scenario,
  topology: Topology,
  phase: Phase,
  assume: Assumptions,
): { load: Float64Array; solved: boolean } {
  const nodes = scenario.nodes;
  const available = nodes.map(availability);
  const batchSize = nodes.map((n) => (n.schedule?.batch ? 1 : (n.batch?.size ?? 1)));
  const arrivalRate = Float64Array.from(phase.interarrival, (mean) => 1 / mean);

  // A scheduled board's batch is whatever waited for it: about its arrivals in one period.
  let boardBatch = nodes.map(() => 1);
  let rates: Float64Array = new Float64Array(0);
  let solved = true;
  for (let round = 0; round < 100; round++) {
    const failure = Float64Array.from(nodes, (n, i) => {
      const p = n.failure?.probability ?? 0;
      if (n.failure?.scope !== 'batch' || !assume.fullBatches) return p;
      return 1 - pow(1 - p, n.schedule?.batch ? boardBatch[i] : batchSize[i]);
    });
    // The same, apart, for an item that an approval screened (traffic.ts `failureAt`).
    const probability = Float64Array.from(nodes, (n) => n.failure?.probability ?? 0);
    const draws = Float64Array.from(nodes, (n, i) =>
      n.failure?.scope !== 'batch' || !assume.fullBatches
        ? 1
        : n.schedule?.batch
          ? boardBatch[i]
          : batchSize[i],
    );
    ({ rates, solved } = trafficRates({
      topology,
      arrivalRate,
      failure,
      probability,
      draws,
      screen: Float64Array.from(nodes, (n) => 1 - (n.failureReduction ?? 0)),
      reworkTo: Int32Array.from(nodes, (n) => capabilityIndex(topology, n.failure?.reworkTo)),
      escalateTo: Int32Array.from(nodes, (n) => capabilityIndex(topology, n.failure?.escalateTo)),
      share: shares(scenario, topology, phase, available, batchSize, failure, assume.split),
      keeps:
        scenario.affinity && assume.affinity ? Uint8Array.from(phase.capacity, (c) => (c > 0 ? 1 : 0)) : null,
    }));
    const next = nodes.map((n, i) =>
      n.schedule?.batch ? Math.max(1, arrivalsAt(topology, rates, i) * n.schedule.every) : 1,
    );
    if (next.every((b, i) => same(b, boardBatch[i]))) break;
    boardBatch = next;
  }

  const load = Float64Array.from(nodes, (node, n) => {
    let items = 0;
    let work = 0;
    for (let i = topology.serveStart[n]; i < topology.serveStart[n + 1]; i++) {
      const rate = rates[i];
      if (rate > 0) {
        items += rate;
        work += rate * topology.serviceMean[i];
      }
    }
    if (!(work > 0)) return 0;
    // A blocker the person holds keeps a server for the blocked time too. It is drawn as work
    // on a unit starts, once per unit (a batch's first item), so each unit served takes p x
    // mean blocked time more; like the service time, that is divided by the batch below. Work
    // put aside holds no server and adds nothing here.
    const blocker = node.blocker;
    if (blocker && blocker.policy === 'hold' && blocker.probability > 0)
      work += items * blocker.probability * distributionMean(blocker.time);
    const servers = phase.capacity[n] * available[n];
    if (!(servers > 0)) return Number.POSITIVE_INFINITY;
    if (node.schedule?.batch) {
      // One batch at each opening where something waits; for Poisson arrivals at rate
      // `items`, that is every opening but those after an empty period, e^(-items x every).
      const every = node.schedule.every;
      const batches = (1 - exp(-items * every)) / every;
      return (batches * (work / items)) / servers;
    }
    const load = work / batchSize[n] / servers;
    if (node.multitasking && node.multitasking.switchCost > 0)
      return withSwitching(load, items, phase.capacity[n], node.multitasking.switchCost, {
        cap: wipCap(scenario, node),
        horizon: phase.to - phase.from,
      });
    return load;
  });
  return { load, solved };
}

function arrivalsAt(topology: Topology, rates: Float64Array, n: number): number {
  let sum = 0;
  for (let i = topology.serveStart[n]; i < topology.serveStart[n + 1]; i++) sum += rates[i];
  return sum;
}

function capabilityIndex(topology: Topology, name: string | undefined): number {
  return name === undefined ? -1 : topology.capabilities.indexOf(name);
}

/**
 * How routing splits each capability's work among the nodes that serve it, at each node's
 * serve index (topology.ts `serveIndex`), as the strategy's `split` says (routing.ts,
 * `LoadSplit`): all to the first, evenly among the nodes with servers, or in proportion to
 * each node's service rate for it (servers x availability x batch size / mean service time),
 * discounted by its failures for a strategy that prefers nodes that fail less. `lopsided`
 * tilts the split towards the first (+1) or last (-1) candidates, to see what depends on it.
 */
function shares(
  scenario: Scenario,
  topology: Topology,
  phase: Phase,
  available: number[],
  batchSize: number[],
  failure: Float64Array,
  lopsided: -1 | 0 | 1,
): Float64Array {
  const nc = topology.capabilities.length;
  const share = new Float64Array(topology.servedCapability.length);
  const { candidates, candidateStart, serviceMean } = topology;
  const at = (n: number, c: number) => serveIndex(topology, n, c);
  const split = STRATEGIES[scenario.routing].split;
  for (let c = 0; c < nc; c++) {
    const first = candidateStart[c];
    const count = candidateStart[c + 1] - first;
    if (split === 'first' || count === 1) {
      share[at(candidates[first], c)] = 1;
      continue;
    }
    const weights = Array.from({ length: count }, (_, i) => {
      const n = candidates[first + i];
      if (!(phase.capacity[n] > 0)) return 0;
      const tilt = pow(2, lopsided * (count - 1 - 2 * i));
      if (split === 'even') return tilt;
      const rate = (phase.capacity[n] * available[n] * batchSize[n]) / serviceMean[at(n, c)];
      return tilt * rate * (split === 'by-reliable-rate' ? 1 - failure[n] : 1);
    });
    let total = weights.reduce((a, b) => a + b, 0);
    // With no node able to work, routing chooses among them all.
    if (!(total > 0) || !Number.isFinite(total)) {
      weights.fill(1);
      total = count;
    }
    weights.forEach((w, i) => {
      share[at(candidates[first + i], c)] = w / total;
    });
  }
  return share;
}

/** Most items a node can hold at once: its WIP limit, or the scenario's (CONWIP). */
function wipCap(scenario: Scenario, node: NodeSpec): number {
  return Math.min(node.wipLimit ?? Number.POSITIVE_INFINITY, scenario.wipLimit ?? Number.POSITIVE_INFINITY);
}

/**
 * Multitasking people start every item at once; with k items on c people each person loses
 * switchCost x (k / c - 1) of their time (work.ts, floored at 10%), so capacity shrinks as
 * work piles up, and past some number in progress (the tipping point) the node finishes
 * work more slowly than it arrives: from there the pile only grows, to the WIP limit or
 * until only the floor's 10% is left.
 *
 * The node is taken as a birth-death chain (Poisson arrivals at `items` per time unit, k in
 * progress finishing at min(k, c) x efficiency(k) / mean work), an estimate, since neither
 * arrivals nor work need be exponential. If the expected time to reach the tipping point
 * from empty is within the phase, the node tips and is offered the plain load over its
 * efficiency at the pile's end; otherwise, the plain load over its efficiency at the mean
 * number in progress (the chain held below the tipping point and the WIP limit).
 */
/** States of the multitasking chain summed at the most, past the servers: a bound on the work whatever the switch cost. */
const MOST_STATES = 1_000_000;

/**
 * The first k past the servers, up to `end`, where work finishes no faster than it arrives
 * (finishing(k) <= 1), or -1. Efficiency falls linearly in k down to its floor, so k starts
 * at the root of finishing(k) = 1 and steps a few times to the exact first one, in constant
 * work however small the switch cost (a scan from the servers up took 1e136 steps at 1e-136).
 */
function tippingPoint(
  finishing: (k: number) => number,
  servers: number,
  plain: number,
  switchCost: number,
  end: number,
): number {
  let k = Math.max(servers + 1, Math.ceil(servers * (1 + (1 - plain) / switchCost)));
  if (!Number.isFinite(k) || k > end + 64) return -1;
  for (let step = 0; step < 64 && k > servers + 1 && finishing(k - 1) <= 1; step++) k--;
  for (let step = 0; k <= end && finishing(k) > 1; step++) {
    if (step >= 64) return -1;
    k++;
  }
  return k <= end ? k : -1;
}

function withSwitching(
  plain: number,
  items: number,
  servers: number,
  switchCost: number,
  { cap, horizon }: { cap: number; horizon: number },
): number {
  const efficiency = (k: number) => (k <= servers ? 1 : Math.max(0.1, 1 - switchCost * (k / servers - 1)));
  const piledUp = plain / efficiency(cap);
  if (plain >= 1) return piledUp;
  // Completions per time unit with k in progress, over arrivals: plain load = items / (servers x rate per server).
  const finishing = (k: number) => (Math.min(k, servers) * efficiency(k)) / (servers * plain);
  const floorAt = Math.ceil(servers * (1 + 0.9 / switchCost)) + 1;
  const tip = tippingPoint(finishing, servers, plain, switchCost, Math.min(cap, floorAt));
  // Unnormalised stationary weights up to the last state the chain holds, and the expected
  // time to climb from 0 to each k: sum over i < k of (sum of weights to i) / (weight i x items).
  // Past the servers the weights only fall until the tipping point; once one is below 1e-30 of
  // the total, the rest add nothing a double can hold, and climbing further takes longer than
  // any run the schema allows (total / (weight x items) > 1e30 / 1e9), so the node does not tip.
  // A switch cost of 1e-100 would otherwise put the tipping point 1e100 states away.
  const last = tip > 0 ? tip - 1 : Math.min(cap, floorAt + 1000);
  let weight = 1;
  let total = 1;
  let moments = 0;
  let climb = 1 / items;
  let reached = true;
  for (let k = 1; k <= last; k++) {
    weight /= finishing(k);
    total += weight;
    moments += k * weight;
    if (k < last) climb += total / (weight * items);
    if (k > servers && (weight < 1e-30 * total || k - servers >= MOST_STATES)) {
      reached = k === last;
      break;
    }
  }
  if (tip > 0 && reached && climb + total / (weight * items) <= horizon) return piledUp;
  return plain / efficiency(moments / total);
}
