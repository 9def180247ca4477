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
      { x: 60, row: 0, lines: [labels[0]] },
      { x: 60 + itemWidth(labels[0]), row: 0, lines: [labels[1]] },
      { x: 60, row: 1, lines: [labels[2]] },
    ]);
    expect(layout.rows).toBe(Math.max(...layout.at.map((a) => a.row)) + 1);
  });

  it('gives an item that fits a row of its own that row, as it is', () => {
    const label = 'Platform team with WIP limit 4';
    // Room for the swatch and the label, but not for the gap an item leaves after it.
    const width = 60 + itemWidth(label) + 8 - type.base;
    const layout = legendLayout(['p85', label], width, 60, type);
    expect(layout).toEqual({
      rows: 2,
      at: [
        { x: 60, row: 0, lines: ['p85'] },
        { x: 60, row: 1, lines: [label] },
      ],
    });
  });

  it('wraps a variant named after its team onto two rows of its own, and the next item starts under them', () => {
    const name = 'Platform team with WIP limit 4 and daily release';
    // A phone's chart: the name is wider than a row, each half of it is not.
    const room = textWidth('Platform team with WIP limit 4 and', type.small);
    const width = 60 + type.base * 1.6 + room + 8 + 1;
    const layout = legendLayout(['baseline', name, 'p85'], width, 60, type);
    expect(layout).toEqual({
      rows: 4,
      at: [
        { x: 60, row: 0, lines: ['baseline'] },
        { x: 60, row: 1, lines: ['Platform team with WIP limit 4 and', 'daily release'] },
        { x: 60, row: 3, lines: ['p85'] },
      ],
    });
    for (const line of layout.at[1].lines) expect(textWidth(line, type.small)).toBeLessThanOrEqual(room);
  });

  it('cuts a label short with an ellipsis where two rows are not enough, and a word wider than a row', () => {
    const room = textWidth('Platform team with', type.small);
    const width = 60 + type.base * 1.6 + room + 8 + 1;
    const [long, word] = legendLayout(
      ['Platform team with WIP limit 4 and daily release', 'Plattformteamverantwortlichkeit'],
      width,
      60,
      type,
    ).at;
    expect(long.lines[0]).toBe('Platform team with');
    expect(long.lines[1]).toMatch(/^WIP limit 4.*…$/);
    expect(word).toEqual({ x: 60, row: 2, lines: [expect.stringMatching(/^Plattform.*…$/)] });
    for (const line of [...long.lines, ...word.lines])
      expect(textWidth(line, type.small)).toBeLessThanOrEqual(room);
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
