/**
 * The network as index tables: the scenario's ids and maps compiled once into arrays,
 * so the run loop works with small integers (node 3, capability 1) instead of strings.
 */
import { makeSampler, type Sampler } from '../engine/distributions.ts';
import { distributionMean } from '../model/distribution.ts';
import type { Scenario } from '../model/scenario.ts';
import { isParallel, stepCapabilities } from '../model/step.ts';

export interface Topology {
  nodeIds: string[];
  capabilities: string[];
  classIds: string[];
  capacity: Int32Array;
  /**
   * Steps of each demand class, as capability indices; a parallel step as `forkStep(f)`, a
   * negative number below -1 (-1 stands for "no step left" where the run reads steps).
   */
  steps: Int32Array[];
  /** Each parallel step of every class, in class and step order: its branches' capabilities. */
  forks: Int32Array[];
  /** For each fork f, the class and the index of its step in that class's steps. */
  forkClass: Int32Array;
  forkStepIndex: Int32Array;
  interarrival: Sampler[];
  /**
   * What each node serves, as lists rather than a node x capability table (which a network of
   * thousands of single-step nodes would fill with hundreds of millions of empty cells): node
   * n serves `servedCapability[serveStart[n] .. serveStart[n + 1])`, and `serviceSampler` and
   * `serviceMean` hold its service time for each at the same index (see `serveIndex`).
   */
  serveStart: Int32Array;
  servedCapability: Int32Array;
  serviceSampler: Sampler[];
  serviceMean: Float64Array;
  /** Nodes that serve capability c are `candidates[candidateStart[c] .. candidateStart[c + 1])`, in file order. */
  candidates: Int32Array;
  candidateStart: Int32Array;
}

export function compileTopology(scenario: Scenario): Topology {
  const nodeIds = scenario.nodes.map((n) => n.id);
  const capabilities: string[] = [];
  const capIndex = new Map<string, number>();
  const capOf = (name: string) => {
    let c = capIndex.get(name);
    if (c === undefined) {
      c = capabilities.length;
      capabilities.push(name);
      capIndex.set(name, c);
    }
    return c;
  };
  // Capabilities in the order the demand first needs them, then any others nodes offer.
  for (const d of scenario.demand) for (const s of d.steps) for (const c of stepCapabilities(s)) capOf(c);
  for (const n of scenario.nodes) for (const s of Object.keys(n.serves)) capOf(s);

  const nc = capabilities.length;
  const serveStart = new Int32Array(nodeIds.length + 1);
  const servedCapability: number[] = [];
  const serviceSampler: Sampler[] = [];
  const serviceMean: number[] = [];
  // The nodes serving each capability, in file order.
  const servers: number[][] = Array.from({ length: nc }, () => []);
  scenario.nodes.forEach((node, n) => {
    serveStart[n] = servedCapability.length;
    for (const [cap, dist] of Object.entries(node.serves)) {
      const c = capOf(cap);
      servedCapability.push(c);
      serviceSampler.push(makeSampler(dist));
      serviceMean.push(distributionMean(dist));
      servers[c].push(n);
    }
  });
  serveStart[nodeIds.length] = servedCapability.length;

  const candidateStart = new Int32Array(nc + 1);
  const list: number[] = [];
  for (let c = 0; c < nc; c++) {
    candidateStart[c] = list.length;
    for (const n of servers[c]) list.push(n);
  }
  candidateStart[nc] = list.length;

  const forks: Int32Array[] = [];
  const forkClass: number[] = [];
  const forkStepIndex: number[] = [];
  const steps = scenario.demand.map((d, c) =>
    Int32Array.from(d.steps, (s, j) => {
      if (!isParallel(s)) return capOf(s);
      forkClass.push(c);
      forkStepIndex.push(j);
      return forkStep(forks.push(Int32Array.from(s.all, capOf)) - 1);
    }),
  );

  return {
    nodeIds,
    capabilities,
    classIds: scenario.demand.map((d) => d.id),
    capacity: Int32Array.from(scenario.nodes, (n) => n.capacity),
    steps,
    forks,
    forkClass: Int32Array.from(forkClass),
    forkStepIndex: Int32Array.from(forkStepIndex),
    interarrival: scenario.demand.map((d) => makeSampler(d.interarrival)),
    serveStart,
    servedCapability: Int32Array.from(servedCapability),
    serviceSampler,
    serviceMean: Float64Array.from(serviceMean),
    candidates: Int32Array.from(list),
    candidateStart,
  };
}

/** Where a node's service of a capability is listed, from `serveStart` and `servedCapability`. */
export interface ServeTable {
  readonly serveStart: Int32Array;
  readonly servedCapability: Int32Array;
}

/**
 * The index of node n's service of capability c in `serviceSampler` and `serviceMean`, or
 * -1 if n does not serve c. A node serves a few capabilities, so a scan is quick.
 */
export function serveIndex(t: ServeTable, n: number, c: number): number {
  const end = t.serveStart[n + 1];
  for (let i = t.serveStart[n]; i < end; i++) if (t.servedCapability[i] === c) return i;
  return -1;
}

/** In a list of steps: parallel step f (a fork), below -1, which stands for no step left. */
export function forkStep(f: number): number {
  return -2 - f;
}

/** The fork a step below -1 stands for (the inverse of `forkStep`). */
export function forkOf(step: number): number {
  return -2 - step;
}
