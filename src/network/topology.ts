/**
 * The network as index tables: the scenario's ids and maps compiled once into arrays,
 * so the run loop works with small integers (node 3, capability 1) instead of strings.
 */
import { makeSampler, type Sampler } from '../engine/distributions.ts';
import { distributionMean } from '../model/distribution.ts';
import type { Scenario } from '../model/scenario.ts';

export interface Topology {
  nodeIds: string[];
  capabilities: string[];
  classIds: string[];
  capacity: Int32Array;
  /** Steps of each demand class, as capability indices. */
  steps: Int32Array[];
  interarrival: Sampler[];
  /** Service-time sampler of node n for capability c at `n * capabilities.length + c` (undefined if n does not serve c). */
  service: (Sampler | undefined)[];
  /** Mean service time, same layout as `service` (NaN where not served). */
  meanService: Float64Array;
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
  for (const d of scenario.demand) for (const s of d.steps) capOf(s);
  for (const n of scenario.nodes) for (const s of Object.keys(n.serves)) capOf(s);

  const nc = capabilities.length;
  const service: (Sampler | undefined)[] = new Array(nodeIds.length * nc).fill(undefined);
  const meanService = new Float64Array(nodeIds.length * nc).fill(Number.NaN);
  scenario.nodes.forEach((node, n) => {
    for (const [cap, dist] of Object.entries(node.serves)) {
      const c = capOf(cap);
      service[n * nc + c] = makeSampler(dist);
      meanService[n * nc + c] = distributionMean(dist);
    }
  });

  const candidateStart = new Int32Array(nc + 1);
  const list: number[] = [];
  for (let c = 0; c < nc; c++) {
    candidateStart[c] = list.length;
    for (let n = 0; n < nodeIds.length; n++) if (service[n * nc + c]) list.push(n);
  }
  candidateStart[nc] = list.length;

  return {
    nodeIds,
    capabilities,
    classIds: scenario.demand.map((d) => d.id),
    capacity: Int32Array.from(scenario.nodes, (n) => n.capacity),
    steps: scenario.demand.map((d) => Int32Array.from(d.steps, (s) => capOf(s))),
    interarrival: scenario.demand.map((d) => makeSampler(d.interarrival)),
    service,
    meanService,
    candidates: Int32Array.from(list),
    candidateStart,
  };
}
