/**
 * Whether a scenario's nodes can keep up, from their offered load (`nodeLoads`, load.ts):
 * a node offered a load of 1 or more cannot, so its queue grows without bound and every
 * time measured behind it says how long the run was rather than how the system works.
 * The run's headline, compare and sweep all ask this one question here, so they agree.
 */
import type { Scenario } from '../model/scenario.ts';
import { type NodeLoad, nodeLoads } from './load.ts';

export interface Stability {
  /** No node is offered a load of 1 or more. */
  stable: boolean;
  /** The most loaded node (where it breaks first). */
  peak: NodeLoad;
  /** The nodes that cannot keep up, most loaded first. */
  unstable: NodeLoad[];
}

/** The nodes offered a load of 1 or more, most loaded first. */
export function unstableNodes(scenario: Scenario): NodeLoad[] {
  return stability(scenario).unstable;
}

export function stability(scenario: Scenario): Stability {
  const loads = nodeLoads(scenario);
  // A node with a WIP limit, when every arrival that finds the way full is turned away,
  // cannot build a queue however heavily it is offered work: it rejects the excess instead
  // (and the result counts the rejections). The result's warnings make the same exception.
  const rejects = scenario.demand.every((d) => d.whenFull === 'reject');
  const bounded = (id: string) =>
    rejects && scenario.nodes.some((n) => n.id === id && n.wipLimit !== undefined);
  const unstable = loads.filter((n) => n.load >= 1 && !bounded(n.id)).sort((a, b) => b.load - a.load);
  const peak = loads.reduce((a, b) => (b.load > a.load ? b : a));
  return { stable: unstable.length === 0, peak, unstable };
}
