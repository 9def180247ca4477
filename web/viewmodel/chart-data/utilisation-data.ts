/**
 * Utilisation per node: the share of its capacity that was busy, against the offered load
 * the arrivals demand. Close to 100% means queues, and above 100% a queue without end.
 */
import type { SimulationResult } from '../../../src/index.ts';

export interface UtilisationBar {
  id: string;
  kind: string;
  capacity: number;
  utilization: number;
  offeredLoad: number;
  queue: number;
  bottleneck: boolean;
}

export function utilisationBars(r: SimulationResult): UtilisationBar[] {
  return Object.entries(r.nodes).map(([id, n]) => ({
    id,
    kind: n.kind,
    capacity: n.capacity,
    utilization: n.utilization,
    offeredLoad: n.offeredLoad,
    queue: n.queue.mean,
    bottleneck: id === r.bottleneck,
  }));
}
