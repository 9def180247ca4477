/**
 * The network: every node, the routes items took between them (wider = more items), each
 * node coloured by how busy it was, its average queue beside it, and the bottleneck outlined.
 */
import { type Selection, scaleLinear } from 'd3';
import { type NetworkLayout, networkLayout } from '../viewmodel/chart-data/network-layout.ts';
import { formatNumber, formatPercent } from '../viewmodel/format.ts';
import type { RunChart } from './chart-spec.ts';
import { type ChartContext, createFrame, halo } from './frame.ts';
import {
  INK,
  inkOn,
  loadColour,
  MUTED,
  PAPER,
  SERIES,
  sizeToFit,
  type TypeScale,
  textWidth,
  typeScale,
} from './theme.ts';
import { attachTooltip, rovingFocus } from './tooltip.ts';

interface Box {
  x: number;
  y: number;
  hw: number;
  hh: number;
}

export const networkChart: RunChart = {
  id: 'chart-network',
  section: 'network',
  title: 'The network',
  explain:
    'Each box is a node: a team, agent, service or gate. Its colour shows how busy it was (darker is busier) and the small bar on its left its average queue. Lines are the routes items took, wider for more items. The outlined node is the bottleneck, the busiest one: work waits longest in front of it.',
  file: 'network',
  wide: true,
  draw: (host, { scenario, result }, ctx) =>
    drawNetwork(host, (columns) => networkLayout(scenario, result, columns), ctx),
};

/**
 * Draws the network; `layoutFor(maxColumns)` lays it out with at most that many columns a row,
 * so a long chain wraps rather than shrinking its names below reading size. A `structure`
 * drawing (while editing, before any run) has no measures to show: plain boxes, rework and
 * escalation routes dashed, no legend, and a title and description that list the nodes in place
 * of tooltips, so it adds no stops to the keyboard's way through the form.
 */
export function drawNetwork(
  host: HTMLElement,
  layoutFor: (maxColumns: number) => NetworkLayout,
  ctx: ChartContext,
  structure = false,
) {
  const { base } = typeScale(ctx.large);
  let layout = layoutFor(Number.POSITIVE_INFINITY);
  // Names are bold; a node is as wide as its longest name, with room either side.
  const longest = Math.max(6, ...layout.nodes.map((n) => n.id.length));
  const natural = textWidth(longest, base, true) + 24;
  // A node may shrink to 75% of its natural width (names stay above 9 px) before the chain wraps.
  const smallest = (natural * 0.75) / 0.84;
  const fit = Math.max(1, Math.floor((ctx.width - base * 4.8) / smallest - 0.6));
  if (layout.columns - 0.6 > fit) layout = layoutFor(fit);
  const frame = createFrame(host, ctx, {
    label: structure
      ? 'The structure: which node serves which step, and the routes work can take'
      : 'The network: nodes coloured by utilisation, routes by items moved',
    height: Math.round(Math.min(900, layout.height * base * (structure ? 5 : 7.5) + base * 5)),
    left: base * 2.4,
    right: base * 2.4,
    bottom: base * 0.8,
    legendRows: structure ? 0 : networkLegendRows(ctx.width, typeScale(ctx.large)),
  });
  const { svg, plot, inner, type } = frame;
  const spacing = inner.width / layout.columns;
  const nodeWidth = Math.min(spacing * 0.84, natural);
  // Names shrink to fit a crowded ring rather than spill over their neighbours.
  const nameSize = Math.min(type.base, sizeToFit(longest, nodeWidth - 10, true));
  const top = base * 1.6;
  const usable = inner.height - top - base * 2.2;
  const boxes = new Map<string, Box>();
  for (const n of layout.nodes)
    boxes.set(n.id, {
      x: n.x * inner.width,
      y: top + n.y * usable,
      hw: nodeWidth / 2,
      hh: Math.max(nameSize, type.small) * 1.45,
    });
  boxes.set('arrival', {
    x: layout.ends.arrival.x * inner.width,
    y: top + layout.ends.arrival.y * usable,
    hw: 4,
    hh: 4,
  });
  boxes.set('done', {
    x: layout.ends.done.x * inner.width,
    y: top + layout.ends.done.y * usable,
    hw: 4,
    hh: 4,
  });

  const markerId = `arrow-${Math.random().toString(36).slice(2, 8)}`;
  svg
    .append('defs')
    .append('marker')
    .attr('id', markerId)
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 8)
    .attr('refY', 5)
    .attr('markerWidth', base * 0.8)
    .attr('markerHeight', base * 0.8)
    .attr('orient', 'auto-start-reverse')
    .attr('markerUnits', 'userSpaceOnUse')
    .append('path')
    .attr('d', 'M0,0 L10,5 L0,10 z')
    .attr('fill', SERIES.route);

  const width = scaleLinear()
    .domain([0, layout.maxItems])
    .range([1.2, Math.min(base * 0.8, nodeWidth / 7)]);
  const pairs = new Set(layout.edges.map((e) => `${e.from}>${e.to}`));
  const edges = plot.append('g').attr('class', 'edges');
  for (const e of layout.edges) {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    if (!a || !b) continue;
    const path = edges
      .append('path')
      .attr('class', 'edge')
      .attr('fill', 'none')
      .attr('stroke', SERIES.route)
      .attr('stroke-opacity', 0.6)
      .attr('stroke-width', structure ? 1.6 : width(e.items))
      .attr('d', e.from === e.to ? selfLoop(a) : curve(a, b, bend(a, b, pairs.has(`${e.to}>${e.from}`))))
      .attr('marker-end', `url(#${markerId})`);
    if (structure) {
      path.attr('data-kind', e.kind ?? 'step');
      if (e.kind === 'rework') path.attr('stroke-dasharray', '6 4');
      if (e.kind === 'escalation') path.attr('stroke-dasharray', '2 3');
      continue;
    }
    attachTooltip(path.node() as SVGPathElement, () => [
      `${e.from} → ${e.to}`,
      `${formatNumber(e.perReplication)} items per replication`,
    ]);
  }
  // Under its dot, and under the boxes' lower edge so it never runs into a node's text; centred
  // on the dot as far as the chart's edge allows.
  const lowest = Math.max(...[...boxes.values()].map((b) => b.hh));
  for (const end of ['arrival', 'done'] as const) {
    const p = boxes.get(end) as Box;
    plot.append('circle').attr('cx', p.x).attr('cy', p.y).attr('r', 5).attr('fill', MUTED);
    const label = end === 'arrival' ? 'arrivals' : 'done';
    const half = textWidth(label, type.small) / 2 + 2;
    plot
      .append('text')
      .attr('x', Math.max(half - frame.margin.left, Math.min(inner.width + frame.margin.right - half, p.x)))
      .attr('y', p.y + lowest + type.small * 1.1)
      .attr('text-anchor', 'middle')
      .attr('fill', MUTED)
      .attr('font-size', type.small)
      .text(label);
  }

  const queueMax = Math.max(1, ...layout.nodes.map((n) => n.queue));
  const nodes = plot.append('g').attr('class', 'nodes');
  for (const n of layout.nodes) {
    const box = boxes.get(n.id) as Box;
    const g = nodes
      .append('g')
      .attr('class', 'node')
      .attr('data-id', n.id)
      .attr('transform', `translate(${box.x},${box.y})`);
    const fill = structure ? SERIES.track : loadColour(n.utilization);
    const ink = inkOn(fill);
    const rect = g
      .append('rect')
      .attr('x', -box.hw)
      .attr('y', -box.hh)
      .attr('width', box.hw * 2)
      .attr('height', box.hh * 2)
      .attr('rx', type.base * 0.45)
      .attr('fill', fill)
      .attr('stroke', n.bottleneck || structure ? INK : PAPER)
      .attr('stroke-width', n.bottleneck ? 3 : 1.5);
    g.append('text')
      .attr('y', structure ? type.base * 0.35 : -box.hh * 0.12)
      .attr('text-anchor', 'middle')
      .attr('font-weight', 650)
      .attr('font-size', nameSize)
      .attr('fill', ink)
      .attr('pointer-events', 'none')
      .text(n.id);
    if (structure) continue;
    g.append('text')
      .attr('y', box.hh * 0.62)
      .attr('text-anchor', 'middle')
      .attr('font-size', Math.min(type.small, nameSize))
      .attr('fill', ink)
      .attr('pointer-events', 'none')
      .text(`${formatPercent(n.utilization)} busy`);
    drawQueue(g, box, n.queue, queueMax, type.tiny);
    // A halo, since routes into the node and a loop over it pass under the label.
    if (n.bottleneck)
      halo(g.append('text'))
        .attr('y', -box.hh - type.base * 0.45)
        .attr('text-anchor', 'middle')
        .attr('font-size', type.tiny)
        .attr('font-weight', 700)
        .attr('letter-spacing', '0.06em')
        .attr('fill', INK)
        .text('BOTTLENECK');
    const unit = n.kind === 'agent' ? 'slot' : 'server';
    attachTooltip(rect.node() as SVGRectElement, () => [
      `${n.id} (${n.kind})${n.bottleneck ? ' — the bottleneck' : ''}`,
      `serves ${n.serves.join(', ')}`,
      `busy ${formatPercent(n.utilization)} of ${n.capacity} ${unit}${n.capacity === 1 ? '' : 's'}; offered load ${formatPercent(n.offeredLoad)}`,
      `${formatNumber(n.queue)} items waiting on average`,
      `${formatNumber(n.served)} items served per replication`,
    ]);
  }
  if (structure) {
    svg.insert('desc', ':first-child').text(structureDescription(layout));
    const count = layout.nodes.length;
    svg.insert('title', ':first-child').text(`The structure: ${count} node${count === 1 ? '' : 's'}`);
    host.dataset.items = String(layout.nodes.length + layout.edges.length);
    return;
  }
  rovingFocus(nodes.selectAll<SVGRectElement, unknown>('rect[tabindex]').nodes());
  rovingFocus(edges.selectAll<SVGPathElement, unknown>('path[tabindex]').nodes());
  drawNetworkLegend(frame, base);
  host.dataset.items = String(layout.nodes.length + layout.edges.length);
}

/** What the structure diagram shows, for a screen reader: each node, what it serves, where work goes next. */
export function structureDescription(layout: NetworkLayout): string {
  const onward = (id: string) => layout.edges.filter((e) => e.from === id);
  const name = (id: string) => (id === 'done' ? 'done' : id);
  const routes = (id: string) => {
    const out = onward(id).map((e) =>
      e.kind && e.kind !== 'step' ? `${name(e.to)} (${e.kind})` : name(e.to),
    );
    return out.length ? `, then ${out.join(', ')}` : '';
  };
  const nodes = layout.nodes.map((n) => `${n.id} (${n.kind}) serves ${n.serves.join(', ')}${routes(n.id)}.`);
  const first = onward('arrival').map((e) => e.to);
  return [`Work arrives at ${first.join(', ') || 'no node'}.`, ...nodes].join(' ');
}

/** The average queue as a bar under the node: longer = more items waiting. */
function drawQueue(
  g: Selection<SVGGElement, unknown, null, undefined>,
  box: Box,
  queue: number,
  max: number,
  size: number,
) {
  const w = box.hw * 2;
  const y = box.hh + 5;
  g.append('rect')
    .attr('x', -box.hw)
    .attr('y', y)
    .attr('width', w)
    .attr('height', 5)
    .attr('rx', 2.5)
    .attr('fill', SERIES.track);
  g.append('rect')
    .attr('class', 'queue')
    .attr('x', -box.hw)
    .attr('y', y)
    .attr('width', Math.max(2, (w * queue) / max))
    .attr('height', 5)
    .attr('rx', 2.5)
    .attr('fill', SERIES.queue);
  g.append('text')
    .attr('y', y + 5 + size * 1.15)
    .attr('text-anchor', 'middle')
    .attr('font-size', size)
    .attr('fill', MUTED)
    .text(`${formatNumber(queue)} waiting`);
}

/**
 * How far an edge bows: straight along a row or down a column (neighbours in a chain, and the
 * drop between snaking rows); bowed apart when items also flow the other way; bowed when it
 * runs backwards across other nodes.
 */
function bend(a: Box, b: Box, twin: boolean): number {
  if (twin) return Math.abs(a.x - b.x) < 1 ? 0.45 : 0.22;
  if (Math.abs(a.y - b.y) < 1 || Math.abs(a.x - b.x) < 1) return 0;
  return b.x < a.x ? 0.35 : 0.08;
}

function curve(a: Box, b: Box, k: number): string {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  // Control point off the chord's midpoint, to the chord's left: a→b and b→a bow apart.
  const cx = mx - dy * k - (Math.abs(dx) < 1 && k !== 0 ? Math.max(a.hw, 40) * 1.2 : 0);
  const cy = my + dx * k;
  const start = clip(a, cx, cy);
  const end = clip(b, cx, cy, 3);
  return `M${start.x},${start.y} Q${cx},${cy} ${end.x},${end.y}`;
}

/** Where the line from the box's centre toward (tx, ty) leaves the box, plus a gap. */
function clip(box: Box, tx: number, ty: number, gap = 1): { x: number; y: number } {
  const dx = tx - box.x;
  const dy = ty - box.y;
  if (dx === 0 && dy === 0) return { x: box.x, y: box.y };
  const t = Math.min(
    dx === 0 ? Infinity : (box.hw + gap) / Math.abs(dx),
    dy === 0 ? Infinity : (box.hh + gap) / Math.abs(dy),
  );
  return { x: box.x + dx * t, y: box.y + dy * t };
}

/** Work that stays with a node for its next step: a loop over the node. */
function selfLoop(box: Box): string {
  const x1 = box.x - box.hw * 0.35;
  const x2 = box.x + box.hw * 0.35;
  const y = box.y - box.hh - 2;
  const h = box.hh * 1.6;
  return `M${x1},${y} C${x1 - box.hw * 0.2},${y - h} ${x2 + box.hw * 0.2},${y - h} ${x2},${y - 2}`;
}

const ROUTE_LEGEND = 'route, width = items moved';

/**
 * Where the legend's items go: the colour scale (two rows high) first, then the route and the
 * queue beside it while they fit, each wrapping to a row of its own under the scale when not.
 */
function networkLegendLayout(width: number, { base, small }: TypeScale): { x: number; row: number }[] {
  const after = base * 9 + base * 1.5;
  const items = [base * 2.4 + textWidth(ROUTE_LEGEND, small), base * 2 + textWidth('average queue', small)];
  let x = after;
  let row = 0;
  return items.map((w) => {
    if (x + w > width - base * 2.4 - 8 && x > 0) {
      row = Math.max(2, row + 1);
      x = 0;
    }
    const at = { x, row };
    x += w + base * 1.5;
    return at;
  });
}

function networkLegendRows(width: number, type: TypeScale): number {
  return Math.max(2, ...networkLegendLayout(Math.max(280, Math.floor(width)), type).map((a) => a.row + 1));
}

function drawNetworkLegend(frame: ReturnType<typeof createFrame>, base: number) {
  const { svg, type } = frame;
  const [route, queue] = networkLegendLayout(frame.width, type);
  const rowY = (row: number) => base * 0.4 + row * base * 1.6;
  const g = svg
    .append('g')
    .attr('class', 'legend')
    .attr('font-size', type.small)
    .attr('transform', `translate(${frame.margin.left},${base * 1.1})`);
  const stops = 24;
  const w = base * 9;
  for (let i = 0; i < stops; i++)
    g.append('rect')
      .attr('x', (i * w) / stops)
      .attr('y', 0)
      .attr('width', w / stops + 0.5)
      .attr('height', base * 0.8)
      .attr('fill', loadColour(i / (stops - 1)));
  g.append('text')
    .attr('x', 0)
    .attr('y', base * 1.9)
    .attr('fill', MUTED)
    .text('0%');
  g.append('text')
    .attr('x', w)
    .attr('y', base * 1.9)
    .attr('text-anchor', 'end')
    .attr('fill', MUTED)
    .text('100% busy');
  g.append('line')
    .attr('x1', route.x)
    .attr('x2', route.x + base * 2)
    .attr('y1', rowY(route.row))
    .attr('y2', rowY(route.row))
    .attr('stroke', SERIES.route)
    .attr('stroke-opacity', 0.6)
    .attr('stroke-width', base * 0.9);
  g.append('text')
    .attr('x', route.x + base * 2.4)
    .attr('y', rowY(route.row))
    .attr('dy', '0.35em')
    .attr('fill', INK)
    .text(ROUTE_LEGEND);
  g.append('rect')
    .attr('x', queue.x)
    .attr('y', rowY(queue.row) - base * 0.25)
    .attr('width', base * 1.6)
    .attr('height', 5)
    .attr('rx', 2.5)
    .attr('fill', SERIES.queue);
  g.append('text')
    .attr('x', queue.x + base * 2)
    .attr('y', rowY(queue.row))
    .attr('dy', '0.35em')
    .attr('fill', INK)
    .text('average queue');
}
