/**
 * The frame every chart is drawn in: an SVG as wide as its card, margins that leave room for
 * the axis labels at the current type size, and axes with the unit in their title.
 */
import { type Axis, axisBottom, axisLeft, type ScaleLinear, select } from 'd3';
import { fittingTicks } from './labels.ts';
import { drawLegend, type LegendItem, legendLayout, legendRowHeight } from './legend.ts';
import { AXIS, GRID, INK, MUTED, PAPER, textWidth, typeScale } from './theme.ts';

export interface ChartContext {
  /** Pixels available. */
  width: number;
  large: boolean;
  /** The scenario's time unit, for axis titles. */
  unit: string;
}

export interface Frame {
  svg: ReturnType<typeof select<SVGSVGElement, unknown>>;
  plot: ReturnType<typeof select<SVGGElement, unknown>>;
  width: number;
  height: number;
  inner: { width: number; height: number };
  margin: { top: number; right: number; bottom: number; left: number };
  type: ReturnType<typeof typeScale>;
}

export function createFrame(
  host: HTMLElement,
  ctx: ChartContext,
  options: {
    label: string;
    aspect?: number;
    height?: number;
    /** The legend, drawn above the plot in as many rows as it needs at this width. */
    legend?: readonly LegendItem[];
    /** Rows to reserve, instead, for a legend the chart lays out itself. */
    legendRows?: number;
    left?: number;
    right?: number;
    bottom?: number;
  },
): Frame {
  host.replaceChildren();
  const type = typeScale(ctx.large);
  const width = Math.max(280, Math.floor(ctx.width));
  // Wide charts (full-width cards) get a flatter shape, so they do not tower over the page.
  const aspect = options.aspect ?? (width > 900 ? 0.34 : 0.5);
  const height = options.height ?? Math.round(Math.max(220, Math.min(440, width * aspect)));
  // Room for a y tick label of six characters ("10,000"), and the axis title turned on its side.
  const left = options.left ?? type.base * 5.4;
  const items = options.legend ?? [];
  const layout = legendLayout(
    items.map((item) => item.label),
    width,
    left,
    type,
  );
  const legend = (options.legendRows ?? layout.rows) * legendRowHeight(type);
  const margin = {
    top: 10 + legend,
    // Half of the last x tick label, which is centred on the plot's right edge.
    right: options.right ?? type.base * 2,
    bottom: options.bottom ?? type.base * 3.4,
    left,
  };
  const svg = select(host)
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', width)
    .attr('height', height + legend)
    .attr('viewBox', `0 0 ${width} ${height + legend}`)
    .attr('role', 'group')
    .attr('aria-roledescription', 'chart')
    .attr('aria-label', options.label)
    .attr('font-family', type.font)
    .attr('font-size', type.base)
    .attr('fill', INK);
  svg
    .append('rect')
    .attr('class', 'background')
    .attr('width', width)
    .attr('height', height + legend)
    .attr('fill', PAPER);
  if (items.length) drawLegend(svg, items, layout, type);
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  return {
    svg,
    plot,
    width,
    height: height + legend,
    inner: {
      width: width - margin.left - margin.right,
      height: height + legend - margin.top - margin.bottom,
    },
    margin,
    type,
  };
}

/** Bottom and left axes with light grid lines and titles such as "lead time (days)". */
export function drawAxes(
  frame: Frame,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  titles: { x: string; y: string },
  format?: { x?: (v: number) => string; y?: (v: number) => string },
) {
  const { plot, inner, type } = frame;
  const { ticks: xTicks, format: xFormat } = fittingTicks(
    x,
    Math.max(2, Math.floor(inner.width / (type.base * 7))),
    type.small,
    format?.x,
  );
  // A wide first x label (a zoomed axis starting at 150) would touch the lowest y label in the
  // corner they share: the y label gives way.
  // A date's label is wide enough to reach the corner from a tick further in.
  const firstHalf = xTicks.length > 0 ? textWidth(xFormat(xTicks[0]), type.small) / 2 : 0;
  const corner = xTicks.length > 0 && ((x(xTicks[0]) < 1 && firstHalf > 7) || x(xTicks[0]) - firstHalf < -7);
  drawYAxis(frame, y, titles.y, { format: format?.y, clearCorner: corner });
  const xAxis = axisBottom(x)
    .tickValues(xTicks)
    .tickFormat((v) => xFormat(Number(v)));
  styleAxis(
    frame,
    plot.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${inner.height})`),
    xAxis,
  );
  plot
    .append('text')
    .attr('class', 'axis-title')
    .attr('x', inner.width)
    .attr('y', inner.height + type.base * 2.7)
    .attr('text-anchor', 'end')
    .attr('fill', MUTED)
    .text(titles.x);
}

function styleAxis<D>(frame: Frame, g: ReturnType<typeof select<SVGGElement, unknown>>, axis: Axis<D>) {
  const { type } = frame;
  g.call(axis as never);
  g.attr('font-size', type.small).attr('font-family', type.font);
  g.selectAll('text').attr('fill', MUTED);
  g.selectAll('line,path').attr('stroke', AXIS);
}

/**
 * The left axis alone, with its grid lines and title turned on its side: for a chart whose x
 * is not a number (the columns of an aging-WIP chart). `clearCorner` leaves out a lowest label
 * that a wide first x label would touch.
 */
export function drawYAxis(
  frame: Frame,
  y: ScaleLinear<number, number>,
  title: string,
  options: { format?: (v: number) => string; clearCorner?: boolean } = {},
) {
  const { plot, inner, type } = frame;
  const yTicks = Math.max(2, Math.floor(inner.height / (type.base * 3.2)));
  const yValues = y.ticks(yTicks).filter((t) => !options.clearCorner || y(t) < inner.height - type.small);
  plot
    .append('g')
    .attr('class', 'grid')
    .selectAll('line')
    .data(yValues)
    .join('line')
    .attr('x1', 0)
    .attr('x2', inner.width)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d))
    .attr('stroke', GRID);
  const yFormat = options.format ?? y.tickFormat(yTicks);
  const yAxis = axisLeft(y)
    .tickValues(yValues)
    .tickFormat((v) => yFormat(Number(v)));
  styleAxis(frame, plot.append('g').attr('class', 'y-axis'), yAxis);
  plot
    .append('text')
    .attr('class', 'axis-title')
    // Turned on its side, the title's letters rise from its baseline toward the svg's edge.
    .attr('transform', `translate(${-frame.margin.left + type.base * 0.95},0) rotate(-90)`)
    .attr('text-anchor', 'end')
    .attr('fill', MUTED)
    .text(title);
}

/**
 * The value axis of a horizontal bar or interval chart: a vertical grid line and a label per
 * tick, and the axis title under them. `marked` ticks (e.g. 100% busy) get a dashed darker line.
 */
export function drawValueAxis(
  frame: Frame,
  x: ScaleLinear<number, number>,
  options: { ticks: number; format: (v: number) => string; title: string; marked?: (v: number) => boolean },
) {
  const { plot, inner, type } = frame;
  for (const t of fittingTicks(x, options.ticks, type.small, options.format).ticks) {
    const marked = options.marked?.(t) ?? false;
    plot
      .append('line')
      .attr('x1', x(t))
      .attr('x2', x(t))
      .attr('y1', 0)
      .attr('y2', inner.height)
      .attr('stroke', marked ? AXIS : GRID)
      .attr('stroke-dasharray', marked ? '4 3' : null);
    plot
      .append('text')
      .attr('x', x(t))
      .attr('y', inner.height + type.base * 1.3)
      .attr('text-anchor', 'middle')
      .attr('fill', MUTED)
      .attr('font-size', type.small)
      .text(options.format(t));
  }
  plot
    .append('text')
    .attr('x', inner.width)
    .attr('y', inner.height + type.base * 2.7)
    .attr('text-anchor', 'end')
    .attr('fill', MUTED)
    .text(options.title);
}

/** A white halo behind text drawn over data, so labels stay readable on bars and lines. */
export function halo<T extends { attr(name: string, value: string | number): T }>(text: T): T {
  return text
    .attr('stroke', PAPER)
    .attr('stroke-width', 3.5)
    .attr('stroke-linejoin', 'round')
    .attr('paint-order', 'stroke');
}
