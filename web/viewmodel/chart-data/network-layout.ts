/**
 * Where the network chart puts each node: left to right in the order work reaches it. A node's
 * column is the average position (in its demand's steps) of the steps it serves, so a token
 * ring reads as a line of stages and a network as a few broad nodes that work flows between.
 * Arrivals enter on the left and leave on the right ("done").
 */
import { type Scenario, type SimulationResult, stepCapabilities } from '../../../src/index.ts';
import { type RouteKind, structureRoutes } from './structure-routes.ts';

export interface LaidOutNode {
  id: string;
  kind: string;
  /** 0 (arrivals) to 1 (done). */
  x: number;
  /** 0 (top) to 1 (bottom). */
  y: number;
  column: number;
  capacity: number;
  utilization: number;
  offeredLoad: number;
  queue: number;
  served: number;
  bottleneck: boolean;
  /** Capabilities it serves, for the tooltip. */
  serves: string[];
}

export interface NetworkEdge {
  from: string;
  to: string;
  items: number;
  /** Items per replication, which is what a coach compares with `served`. */
  perReplication: number;
  /** What the route is for, in the structure preview: the next step, rework or an escalation. */
  kind?: RouteKind;
}

export interface NetworkLayout {
  nodes: LaidOutNode[];
  ends: { arrival: { x: number; y: number }; done: { x: number; y: number } };
  edges: NetworkEdge[];
  maxItems: number;
  /** How many node widths fit across: the columns plus the margins for arrivals and done. */
  columns: number;
  /** Nodes stacked top to bottom at the tallest point, over all rows: what sets the chart's height. */
  height: number;
}

export function networkLayout(
  scenario: Scenario,
  r: SimulationResult,
  maxColumns = Number.POSITIVE_INFINITY,
): NetworkLayout {
  const edges = r.flow.map((f) => ({ ...f, perReplication: f.items / Math.max(1, r.replications) }));
  return layOut(scenario, edges, maxColumns, (id) => {
    const n = r.nodes[id];
    return {
      utilization: n?.utilization ?? 0,
      offeredLoad: n?.offeredLoad ?? 0,
      queue: n?.queue.mean ?? 0,
      served: n?.served ?? 0,
      bottleneck: id === r.bottleneck,
    };
  });
}

/**
 * The same layout from the scenario alone, before any run: every route work can take (see
 * structureRoutes) and nodes with no measures, for the diagram drawn while editing.
 */
export function structureLayout(scenario: Scenario, maxColumns = Number.POSITIVE_INFINITY): NetworkLayout {
  const idle = { utilization: 0, offeredLoad: 0, queue: 0, served: 0, bottleneck: false };
  return layOut(scenario, structureRoutes(scenario), maxColumns, () => idle);
}

type Measures = Pick<LaidOutNode, 'utilization' | 'offeredLoad' | 'queue' | 'served' | 'bottleneck'>;

function layOut(
  scenario: Scenario,
  edges: NetworkEdge[],
  maxColumns: number,
  measures: (id: string) => Measures,
): NetworkLayout {
  const position = (nodeServes: Record<string, unknown>) => {
    const places: number[] = [];
    for (const d of scenario.demand)
      d.steps.forEach((step, j) => {
        if (stepCapabilities(step).some((cap) => cap in nodeServes))
          places.push(d.steps.length > 1 ? j / (d.steps.length - 1) : 0.5);
      });
    return places.length ? places.reduce((a, b) => a + b, 0) / places.length : 1;
  };
  const placed = scenario.nodes.map((n, i) => ({ node: n, index: i, at: position(n.serves) }));
  // Nodes whose positions are close share a column, stacked top to bottom in file order.
  const sorted = [...placed].sort((a, b) => a.at - b.at || a.index - b.index);
  const columns: (typeof placed)[] = [];
  for (const p of sorted) {
    const last = columns[columns.length - 1];
    if (last && p.at - last[0].at < 0.12) last.push(p);
    else columns.push([p]);
  }
  // A long chain wraps onto further rows so nodes keep a readable size (on a projector in
  // large type, say). Rows snake (the second runs right to left), so the step from one row to
  // the next is a short drop rather than a line across the chart. Arrivals and done need less
  // room than a column of nodes: a little over half a column each.
  const rows = Math.max(1, Math.ceil(columns.length / Math.max(1, maxColumns)));
  const perRow = Math.ceil(columns.length / rows);
  const span = perRow + 0.6;
  const stackOf = (row: number) =>
    Math.max(...columns.slice(row * perRow, (row + 1) * perRow).map((c) => c.length));
  const stacks = Array.from({ length: rows }, (_, row) => stackOf(row));
  const height = stacks.reduce((a, b) => a + b, 0);
  const offsets = stacks.map((_, row) => stacks.slice(0, row).reduce((a, b) => a + b, 0));
  const nodes: LaidOutNode[] = [];
  columns.forEach((column, c) => {
    const row = Math.floor(c / perRow);
    column.sort((a, b) => a.index - b.index);
    column.forEach((p, k) => {
      nodes.push({
        id: p.node.id,
        kind: p.node.kind,
        x: ((row % 2 === 0 ? c % perRow : perRow - 1 - (c % perRow)) + 0.8) / span,
        y: (offsets[row] + ((k + 0.5) * stacks[row]) / column.length) / height,
        column: c + 1,
        capacity: p.node.capacity,
        ...measures(p.node.id),
        serves: Object.keys(p.node.serves),
      });
    });
  });
  const rowMiddle = (row: number) => (offsets[row] + stacks[row] / 2) / height;
  nodes.sort(
    (a, b) => scenario.nodes.findIndex((n) => n.id === a.id) - scenario.nodes.findIndex((n) => n.id === b.id),
  );
  return {
    nodes,
    ends: {
      arrival: { x: 0, y: rowMiddle(0) },
      done: { x: (rows - 1) % 2 === 0 ? 1 : 0, y: rowMiddle(rows - 1) },
    },
    edges,
    maxItems: Math.max(1, ...edges.map((e) => e.items)),
    columns: span,
    height,
  };
}
