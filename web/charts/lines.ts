/**
 * Lines over time with a shared cursor: WIP and each node's queue for one run, or one line per
 * variant in a comparison. Hovering (or the arrow keys) reads every line at that moment.
 */
import { line, scaleLinear } from 'd3';
import { type Line, lineExtent, valuesAt } from '../viewmodel/chart-data/series-data.ts';
import { formatNumber, pluralUnit } from '../viewmodel/format.ts';
import { type ChartContext, createFrame, drawAxes } from './frame.ts';
import { AXIS } from './theme.ts';
import { hideTooltip, showTooltip } from './tooltip.ts';

export interface LineStyle {
  colour: string;
  width?: number;
  dash?: string;
  opacity?: number;
}

export function drawLines(
  host: HTMLElement,
  lines: readonly Line[],
  style: (line: Line, i: number) => LineStyle,
  ctx: ChartContext,
  text: {
    label: string;
    y: string;
    value: (v: number) => string;
    yMax?: number;
    xMax?: number;
    aspect?: number;
  },
) {
  const styles = lines.map(style);
  const frame = createFrame(host, ctx, {
    label: text.label,
    legend: lines.map((l, i) => ({
      label: l.label,
      colour: styles[i].colour,
      kind: styles[i].dash ? 'dash' : 'line',
    })),
    aspect: text.aspect,
  });
  const { plot, inner } = frame;
  const unit = pluralUnit(ctx.unit);
  const extent = lineExtent(lines);
  const x = scaleLinear()
    .domain([0, text.xMax ?? extent.xMax])
    .range([0, inner.width])
    .nice();
  const y = scaleLinear()
    .domain([0, text.yMax ?? extent.yMax])
    .range([inner.height, 0])
    .nice();
  drawAxes(frame, x, y, { x: `time (${unit})`, y: text.y });
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  // Queues are drawn as steps would be too busy at this density; straight segments between
  // samples read the same at a glance and keep the path short.
  // Drawn last to first, so the first line (WIP, or the baseline) stays on top.
  [...lines].reverse().forEach((l, k) => {
    const i = lines.length - 1 - k;
    const s = styles[i];
    plot
      .append('path')
      .attr('class', 'series')
      .attr('data-key', l.key)
      .attr('d', path(l.points))
      .attr('fill', 'none')
      .attr('stroke', s.colour)
      .attr('stroke-width', s.width ?? 1.6)
      .attr('stroke-dasharray', s.dash ?? null)
      .attr('stroke-opacity', s.opacity ?? 1)
      .attr('stroke-linejoin', 'round');
  });
  const cursor = plot
    .append('line')
    .attr('y1', 0)
    .attr('y2', inner.height)
    .attr('stroke', AXIS)
    .attr('visibility', 'hidden');
  const overlay = plot
    .append('rect')
    .attr('class', 'overlay')
    .attr('width', inner.width)
    .attr('height', inner.height)
    .attr('fill', 'transparent')
    .attr('tabindex', 0)
    .attr('aria-label', `${text.label}; use the arrow keys to read the values over time`);
  let at = 0;
  const show = (t: number, pageX?: number, pageY?: number) => {
    at = Math.max(0, Math.min(x.domain()[1], t));
    const values = valuesAt(lines, at);
    cursor
      .attr('x1', x(values[0]?.t ?? at))
      .attr('x2', x(values[0]?.t ?? at))
      .attr('visibility', 'visible');
    const box = (overlay.node() as SVGRectElement).getBoundingClientRect();
    showTooltip(
      [
        `at ${formatNumber(values[0]?.t ?? at)} ${unit}`,
        ...values.map((v) => `${v.label}: ${text.value(v.value)}`),
      ],
      pageX ?? window.scrollX + box.left + (x(at) * box.width) / inner.width,
      pageY ?? window.scrollY + box.top + 20,
    );
  };
  overlay
    .on('pointermove', (e: PointerEvent) => {
      const box = (overlay.node() as SVGRectElement).getBoundingClientRect();
      show(x.invert(((e.clientX - box.left) * inner.width) / box.width), e.pageX, e.pageY);
    })
    .on('pointerleave blur', () => {
      cursor.attr('visibility', 'hidden');
      hideTooltip();
    })
    .on('keydown', (e: KeyboardEvent) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      e.preventDefault();
      const step = x.domain()[1] / 50;
      show(at + (e.key === 'ArrowRight' ? step : -step));
    });
  host.dataset.items = String(lines.reduce((n, l) => n + l.points.length, 0));
}
