/**
 * Every chart takes its colours, type sizes and text widths from web/charts/theme.ts, so two
 * charts cannot mark the same thing in two colours, and large type scales every chart alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERCENTILE, sizeToFit, textWidth, typeScale } from '../../web/charts/theme.ts';

const charts = join(import.meta.dirname, '../../web/charts');
const sources = readdirSync(charts)
  .filter((f) => f.endsWith('.ts') && f !== 'theme.ts')
  .map((f) => ({ file: f, text: readFileSync(join(charts, f), 'utf8') }));

describe('the charts’ theme', () => {
  it('is where every chart’s colours come from: no colour is written in a chart', () => {
    for (const { file, text } of sources)
      expect(text.match(/#[0-9a-f]{6}\b|#[0-9a-f]{3}\b|'(white|black)'/gi), file).toBeNull();
  });

  it('is where type sizes come from: no chart chooses one by hand for large type', () => {
    for (const { file, text } of sources) expect(text.match(/large \?|\b12\.5\b/g), file).toBeNull();
  });

  it('marks p85, the percentile to quote, solid and the others dashed, each in its own colour', () => {
    expect(PERCENTILE.p85.dash).toBeNull();
    expect(PERCENTILE.p50.dash).not.toBeNull();
    expect(PERCENTILE.p95.dash).not.toBeNull();
    expect(new Set(Object.values(PERCENTILE).map((p) => p.colour)).size).toBe(3);
  });

  it('scales every size with large type', () => {
    const normal = typeScale(false);
    const large = typeScale(true);
    for (const key of ['base', 'small', 'tiny', 'title'] as const)
      expect(large[key] / normal[key]).toBeCloseTo(large.base / normal.base, 12);
  });

  it('estimates text width in proportion to its length and size, bold wider, and inverts it', () => {
    expect(textWidth('abcd', 10)).toBeCloseTo(2 * textWidth('ab', 10), 12);
    expect(textWidth(4, 20)).toBeCloseTo(2 * textWidth('abcd', 10), 12);
    expect(textWidth(8, 12, true)).toBeGreaterThan(textWidth(8, 12));
    expect(textWidth(8, sizeToFit(8, 100, true), true)).toBeCloseTo(100, 9);
  });
});
