/**
 * Utilisation per node: how much of each node's capacity was busy (the bar) against what the
 * arrivals demand of it (the tick). Above about 85% queues grow fast; at 100% without end.
 */
import { scaleBand, scaleLinear, select } from 'd3';
import { type UtilisationBar, utilisationBars } from '../viewmodel/chart-data/utilisation-data.ts';
import { formatNumber, formatPercent } from '../viewmodel/format.ts';
import type { RunChart } from './chart-spec.ts';
import { type ChartContext, createFrame, drawValueAxis } from './frame.ts';
import { fitLabel } from './labels.ts';
import { INK, loadColour, textWidth, typeScale } from './theme.ts';
import { attachTooltip, rovingFocus } from './tooltip.ts';

export const utilisationChart: RunChart = {
  id: 'chart-utilisation',
  section: 'nodes',
  title: 'Utilisation per node',
  explain:
    'How much of each node’s capacity was busy (the bar) against what the arrivals demand of it (the tick, offered load). Above about 85% queues grow quickly, at 100% without end: busy people do not make fast flow. “Waits” is the share of all lead time items spent queued for the node: the busiest node is not always where the time goes, and the constraint is where items wait longest.',
  file: 'utilisation',
  draw: (host, { result, verdict }, ctx) => drawUtilisation(host, utilisationBars(result, verdict), ctx),
};

/** A row's note beside its bar: the numbers, then what the node is (the bottleneck, the constraint). */
function note(b: UtilisationBar): { numbers: string; tags: string } {
  return {
    numbers: `${formatPercent(b.utilization)}, waits ${formatPercent(b.waitShare)}`,
    tags: `${b.bottleneck ? ' ◀ bottleneck' : ''}${b.constraint ? ' ◀ constraint' : ''}`.trim(),
  };
}

export function drawUtilisation(host: HTMLElement, bars: readonly UtilisationBar[], ctx: ChartContext) {
  // The bottleneck's and the constraint's names are bold.
  const longest = Math.max(...bars.map((b) => b.id.length), 6);
  const { base, small } = typeScale(ctx.large);
  const left = Math.min(ctx.width * 0.35, textWidth(longest, base, true) + 16);
  // The notes sit right of the bars, in the chart's right margin: on one line when that leaves
  // the bars half the width, else the tags go on a second line under the numbers.
  const notes = bars.map(note);
  const room = (text: string) => textWidth(text, small) + 10;
  const oneLine = Math.max(...notes.map((n) => room(`${n.numbers} ${n.tags}`)));
  const split = ctx.width - left - oneLine < ctx.width * 0.45;
  const right = split ? Math.max(...notes.flatMap((n) => [room(n.numbers), room(n.tags)])) : oneLine;
  const rowHeight = base * (split ? 2.6 : 2.3);
  const frame = createFrame(host, ctx, {
    label: 'Utilisation per node against offered load',
    height: Math.max(160, bars.length * rowHeight + base * 5.5),
    legend: [
      { label: 'busy (colour darkens with load)', colour: loadColour(0.8) },
      { label: 'offered load', colour: INK, kind: 'line' },
    ],
    left,
    right,
  });
  const { plot, inner, type } = frame;
  // An offered load past 10 (unbounded: no servers in some phase) is drawn at the axis's end.
  const xMax = Math.max(
    1,
    ...bars.map((b) => Math.max(b.utilization, b.offeredLoad <= 10 ? b.offeredLoad : 1)),
  );
  const offeredAt = (b: UtilisationBar) => x(Math.min(b.offeredLoad, xMax));
  const x = scaleLinear().domain([0, xMax]).range([0, inner.width]);
  const y = scaleBand()
    .domain(bars.map((b) => b.id))
    .range([0, inner.height])
    .padding(0.28);
  drawValueAxis(frame, x, {
    ticks: 5,
    format: formatPercent,
    title: 'share of capacity busy',
    marked: (t) => t === 1,
  });
  const rows = plot
    .selectAll('g.row')
    .data(bars)
    .join('g')
    .attr('class', 'row')
    .attr('transform', (b) => `translate(0,${y(b.id)})`);
  rows.each(function (b) {
    const bold = b.bottleneck || b.constraint;
    const name = fitLabel(b.id, left - 10, type.base, bold);
    select(this)
      .append('text')
      .attr('x', -8)
      .attr('y', y.bandwidth() / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .attr('font-weight', bold ? 700 : 400)
      .attr('font-size', name.size)
      .attr('fill', INK)
      .text(name.text);
  });
  rows
    .append('rect')
    .attr('class', 'bar')
    .attr('width', (b) => Math.max(1, x(b.utilization)))
    .attr('height', y.bandwidth())
    .attr('rx', 3)
    .attr('fill', (b) => loadColour(b.utilization))
    .attr('stroke', (b) => (b.bottleneck ? INK : 'none'))
    .attr('stroke-width', 1.5)
    .each(function (b) {
      attachTooltip(this as SVGRectElement, () => [
        `${b.id} (${b.kind}, capacity ${b.capacity})${b.bottleneck ? ' — the bottleneck' : ''}`,
        `busy ${formatPercent(b.utilization)} of the time`,
        `offered load ${formatPercent(b.offeredLoad)} of the time it is open and up` +
          (b.offeredLoadWindow
            ? ` (at worst, from ${b.offeredLoadWindow.from} to ${b.offeredLoadWindow.to})`
            : '') +
          (b.offeredLoad >= 1 ? ' — cannot keep up' : ''),
        `${formatNumber(b.queue)} items waiting on average`,
        `items spend ${formatPercent(b.waitShare)} of their lead time waiting here${b.constraint ? ' — the constraint: they wait longest here' : ''}`,
      ]);
    });
  rovingFocus(plot.selectAll<SVGRectElement, unknown>('rect.bar').nodes());
  rows
    .append('line')
    .attr('x1', offeredAt)
    .attr('x2', offeredAt)
    .attr('y1', -3)
    .attr('y2', y.bandwidth() + 3)
    .attr('stroke', INK)
    .attr('stroke-width', 2.5);
  rows.each(function (b, i) {
    const { numbers, tags } = notes[i];
    const text = select(this)
      .append('text')
      .attr('x', Math.max(x(b.utilization), offeredAt(b)) + 6)
      .attr('y', y.bandwidth() / 2)
      .attr('dy', split && tags ? '-0.2em' : '0.35em')
      .attr('font-size', type.small)
      .attr('fill', INK);
    if (!split || !tags) text.text(tags ? `${numbers} ${tags}` : numbers);
    else {
      text.append('tspan').text(numbers);
      text
        .append('tspan')
        .attr('x', Math.max(x(b.utilization), offeredAt(b)) + 6)
        .attr('dy', '1.1em')
        .text(tags);
    }
  });
  host.dataset.items = String(bars.length);
}
