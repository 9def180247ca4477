/**
 * A legend is laid out once: the frame leaves room for the rows it takes and draws each item
 * where the same layout put it, so a legend never overlaps the plot or leaves a gap.
 */
import { describe, expect, it } from 'vitest';
import { legendLayout, percentileItem } from '../../web/charts/legend.ts';
import { PERCENTILE, textWidth, typeScale } from '../../web/charts/theme.ts';

const type = typeScale(false);
/** The width an item takes: swatch, its label and the gap after it. */
const itemWidth = (label: string) => type.base * 1.6 + textWidth(label, type.small) + type.base * 1.2;

describe('a chart’s legend', () => {
  it('takes no room without items', () => {
    expect(legendLayout([], 600, 60, type)).toEqual({ rows: 0, at: [] });
  });

  it('puts items side by side while they fit, and starts a row at the left margin when not', () => {
    const labels = ['WIP (whole system)', 'analysts', 'designers', 'developers', 'reviewers'];
    const width = 60 + itemWidth(labels[0]) + itemWidth(labels[1]) + 8 + 1;
    const layout = legendLayout(labels, width, 60, type);
    expect(layout.at.slice(0, 3)).toEqual([
      { x: 60, row: 0 },
      { x: 60 + itemWidth(labels[0]), row: 0 },
      { x: 60, row: 1 },
    ]);
    expect(layout.rows).toBe(Math.max(...layout.at.map((a) => a.row)) + 1);
  });

  it('gives an item wider than the chart a row of its own rather than none', () => {
    const layout = legendLayout(['a label far wider than the chart it is the legend of'], 200, 60, type);
    expect(layout).toEqual({ rows: 1, at: [{ x: 60, row: 0 }] });
  });

  it('draws a percentile as its mark is drawn: p85 solid, the others dashed, in their colours', () => {
    expect(percentileItem('p85', 'p85 (forecast)')).toEqual({
      label: 'p85 (forecast)',
      colour: PERCENTILE.p85.colour,
      kind: 'line',
    });
    expect(percentileItem('p50')).toEqual({ label: 'p50', colour: PERCENTILE.p50.colour, kind: 'dash' });
  });
});
