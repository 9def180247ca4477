/**
 * Which nodes and steps the time series follows.
 *
 * The series keeps up to 1000 points of each channel, so a channel per node costs 8 KB per
 * replication, and a network of 10,000 nodes held hundreds of megabytes of lines nobody can
 * read on one chart. A network of up to SERIES_NODES nodes keeps every node's queue and
 * utilisation, as it always has; a larger one keeps the SERIES_NODES with the highest offered
 * load (the likely bottlenecks, the file's order breaking ties), plus any the scenario names
 * in `run.seriesNodes`. The cumulative counts per step, likewise: every step when there are
 * up to SERIES_STEPS, else those the kept nodes serve, up to SERIES_STEPS. WIP, arrivals and
 * completions always follow the whole system. So memory stays flat in the number of nodes.
 */
import type { Scenario } from '../model/scenario.ts';
import { offeredLoad } from './load.ts';
import type { Topology } from './topology.ts';

export const SERIES_NODES = 12;
export const SERIES_STEPS = 24;

export interface SeriesPlan {
  /** Node indices whose queue and utilisation are kept, in the file's order. */
  nodes: Int32Array;
  /** Capability indices whose cumulative counts are kept, in the topology's order. */
  capabilities: Int32Array;
  /** Where each channel is in a sample, the one layout the recorder and the result read. */
  at: SeriesLayout;
  /** Channels in a sample. */
  channels: number;
}

/**
 * A sample's channels in order: WIP; each kept node's queue, then each one's utilisation;
 * arrived so far; entered so far, per kept step; done so far. `queue + k` is the k-th kept
 * node's queue, `entered + k` the k-th kept step's count.
 */
export interface SeriesLayout {
  wip: number;
  queue: number;
  utilization: number;
  arrived: number;
  entered: number;
  done: number;
}

function layout(nodes: number, capabilities: number): SeriesLayout {
  return {
    wip: 0,
    queue: 1,
    utilization: 1 + nodes,
    arrived: 1 + 2 * nodes,
    entered: 2 + 2 * nodes,
    done: 2 + 2 * nodes + capabilities,
  };
}

const plans = new WeakMap<Topology, SeriesPlan>();

/** The plan for a scenario's topology, worked out once per topology. */
export function seriesPlan(scenario: Scenario, topology: Topology): SeriesPlan {
  let plan = plans.get(topology);
  if (!plan) {
    plan = makePlan(scenario, topology);
    plans.set(topology, plan);
  }
  return plan;
}

function makePlan(scenario: Scenario, topology: Topology): SeriesPlan {
  const { nodes, capabilities } = follow(scenario, topology);
  const at = layout(nodes.length, capabilities.length);
  return { nodes, capabilities, at, channels: at.done + 1 };
}

/** The nodes and steps the series follows. */
function follow(scenario: Scenario, topology: Topology): { nodes: Int32Array; capabilities: Int32Array } {
  const n = topology.nodeIds.length;
  const nc = topology.capabilities.length;
  const every = (count: number) => Int32Array.from({ length: count }, (_, i) => i);
  let nodes: Int32Array;
  if (n <= SERIES_NODES) nodes = every(n);
  else {
    const load = offeredLoad(scenario, topology);
    const busiest = Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => load[b] - load[a] || a - b)
      .slice(0, SERIES_NODES);
    const named = (scenario.run.seriesNodes ?? []).map((id) => topology.nodeIds.indexOf(id));
    nodes = Int32Array.from(new Set([...busiest, ...named].filter((i) => i >= 0))).sort();
  }
  if (nc <= SERIES_STEPS) return { nodes, capabilities: every(nc) };
  const served: number[] = [];
  for (let c = 0; c < nc && served.length < SERIES_STEPS; c++) {
    const first = topology.candidateStart[c];
    const end = topology.candidateStart[c + 1];
    for (let i = first; i < end; i++)
      if (nodes.includes(topology.candidates[i])) {
        served.push(c);
        break;
      }
  }
  return { nodes, capabilities: Int32Array.from(served) };
}
