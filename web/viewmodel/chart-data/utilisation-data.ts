/**
 * Utilisation per node: the share of its capacity that was busy, against the offered load
 * the arrivals demand. Close to 100% means queues, and above 100% a queue without end.
 * Beside it, the share of lead time items spent waiting for the node: the busiest node is
 * not always where the time goes (a weekly board can be nearly idle and hold items for days).
 */

import type { SimulationResult } from '../../../src/index.ts';
import type { Verdict } from '../../../src/report/index.ts';

export interface UtilisationBar {
  id: string;
  kind: string;
  capacity: number;
  utilization: number;
  offeredLoad: number;
  /** The worst phase, when the offered load changes over the run. */
  offeredLoadWindow?: { from: number; to: number };
  queue: number;
  /** Share of all lead time spent waiting in this node's queue. */
  waitShare: number;
  bottleneck: boolean;
  /** Where items wait longest, when that is not the busiest node. */
  constraint: boolean;
}

export function utilisationBars(r: SimulationResult, verdict?: Verdict): UtilisationBar[] {
  return Object.entries(r.nodes).map(([id, n]) => ({
    id,
    kind: n.kind,
    capacity: n.capacity,
    utilization: n.utilization,
    offeredLoad: n.offeredLoad,
    ...(n.offeredLoadWindow ? { offeredLoadWindow: n.offeredLoadWindow } : {}),
    queue: n.queue.mean,
    waitShare: n.waitShareOfLeadTime,
    bottleneck: id === r.bottleneck,
    constraint: id === verdict?.constraint?.node,
  }));
}
