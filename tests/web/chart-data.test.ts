import { describe, expect, it } from 'vitest';
import { compare, parseScenario } from '../../src/index.ts';
import { cfdData } from '../../web/viewmodel/chart-data/cfd-data.ts';
import {
  binStarts,
  leadTimeIntervals,
  sharedHistogram,
  sharesAt,
  variantLines,
} from '../../web/viewmodel/chart-data/compare-data.ts';
import { histogramData } from '../../web/viewmodel/chart-data/histogram-data.ts';
import { networkLayout } from '../../web/viewmodel/chart-data/network-layout.ts';
import { scatterData } from '../../web/viewmodel/chart-data/scatter-data.ts';
import { valuesAt, wipAndQueueLines } from '../../web/viewmodel/chart-data/series-data.ts';
import { thinIndices } from '../../web/viewmodel/chart-data/thin.ts';
import { utilisationBars } from '../../web/viewmodel/chart-data/utilisation-data.ts';
import { quickDocument, quickResult } from './results-fixture.ts';

describe('chart data', () => {
  it('thins long series to a bounded count, keeping both ends', () => {
    const kept = thinIndices(10_001, 1000);
    expect(kept).toHaveLength(1000);
    expect(kept[0]).toBe(0);
    expect(kept[999]).toBe(10_000);
    expect(thinIndices(5, 1000)).toEqual([0, 1, 2, 3, 4]);
  });

  it('histogram: shares sum to one and p50 ≤ p85 ≤ p95 are marked', () => {
    const h = histogramData(quickResult('token-ring'));
    expect(h.bars.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 12);
    expect(h.marks.map((m) => m.label)).toEqual(['p50', 'p85', 'p95']);
    expect(h.marks[0].value).toBeLessThanOrEqual(h.marks[1].value);
    expect(h.marks[1].value).toBeLessThanOrEqual(h.marks[2].value);
  });

  it('scatterplot: at most the point budget, with percentile lines', () => {
    const s = scatterData(quickResult('token-ring'), 50);
    expect(s.points.length).toBeLessThanOrEqual(50);
    expect(s.lines.map((l) => l.label)).toEqual(['p50', 'p85', 'p95']);
    expect(s.yMax).toBeGreaterThanOrEqual(Math.max(...s.points.map((p) => p.value)));
  });

  it('WIP and queues: one line for WIP and one per node, looked up by time for the tooltip', () => {
    const r = quickResult('token-ring');
    const lines = wipAndQueueLines(r);
    expect(lines.map((l) => l.key)).toEqual(['wip', ...Object.keys(r.nodes).map((id) => `queue:${id}`)]);
    const at = valuesAt(lines, r.series.t[5] + 0.1);
    expect(at[0].value).toBe(r.series.wip[5]);
  });

  it('cumulative flow: stacked bands whose lower edge is the next stage and the bottom is done', () => {
    const r = quickResult('token-ring');
    const cfd = cfdData(r);
    const done = cfd.bands[cfd.bands.length - 1];
    expect(done.key).toBe('done');
    expect(done.points.every(([, lo]) => lo === 0)).toBe(true);
    for (let k = 0; k + 1 < cfd.bands.length; k++)
      expect(cfd.bands[k].points.map((p) => p[1])).toEqual(cfd.bands[k + 1].points.map((p) => p[2]));
  });

  it('network: the token ring reads left to right, one column per stage, bottleneck marked', () => {
    const r = quickResult('token-ring');
    const parsed = parseScenario(quickDocument('token-ring'));
    if (!parsed.ok) throw new Error('invalid');
    const layout = networkLayout(parsed.scenario, r);
    const xs = layout.nodes.map((n) => n.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(7);
    expect(layout.nodes.filter((n) => n.bottleneck).map((n) => n.id)).toEqual([r.bottleneck]);
    expect(layout.edges.find((e) => e.from === 'arrival')?.items).toBe(r.completed);
  });

  it('network: a long chain wraps onto rows read left to right, arrivals on the first, done on the last', () => {
    const r = quickResult('token-ring');
    const parsed = parseScenario(quickDocument('token-ring'));
    if (!parsed.ok) throw new Error('invalid');
    const layout = networkLayout(parsed.scenario, r, 4);
    const ys = [...new Set(layout.nodes.map((n) => n.y))];
    expect(ys).toHaveLength(2);
    expect(layout.height).toBe(2);
    const [first, second] = [layout.nodes.slice(0, 4), layout.nodes.slice(4)];
    expect(first.every((n) => n.y === ys[0]) && second.every((n) => n.y === ys[1])).toBe(true);
    expect(layout.ends.arrival.y).toBe(ys[0]);
    expect(layout.ends.done.y).toBe(ys[1]);
  });

  it('network: cross-functional teams that serve the same steps share a column', () => {
    const r = quickResult('dynamic-network');
    const parsed = parseScenario(quickDocument('dynamic-network'));
    if (!parsed.ok) throw new Error('invalid');
    const layout = networkLayout(parsed.scenario, r);
    const x = (id: string) => layout.nodes.find((n) => n.id === id)?.x;
    expect(x('stream-a')).toBe(x('stream-b'));
    expect(layout.nodes.every((n) => n.x > 0 && n.x < 1 && n.y > 0 && n.y < 1)).toBe(true);
  });

  it('utilisation bars: one per node, in file order', () => {
    const bars = utilisationBars(quickResult('token-ring'));
    expect(bars.map((b) => b.id)).toEqual(Object.keys(quickResult('token-ring').nodes));
    expect(bars.filter((b) => b.bottleneck)).toHaveLength(1);
  });

  it('comparison: shared axes cover every variant', () => {
    const c = compare([
      { name: 'ring', scenario: quickDocument('token-ring') },
      { name: 'network', scenario: quickDocument('dynamic-network') },
    ]);
    const h = sharedHistogram(c);
    for (const v of c.variants) {
      expect(h.xMax).toBeGreaterThanOrEqual(v.result.leadTimeHistogram.at(-1)?.to ?? 0);
    }
    expect(leadTimeIntervals(c).map((v) => v.baseline)).toEqual([true, false]);
    expect(variantLines(c, 'wip').map((l) => l.label)).toEqual(['ring', 'network']);
  });

  it('comparison: the distributions are read at every bin start of any variant, each share from its own bin', () => {
    const h = {
      variants: [
        {
          name: 'a',
          legend: 'a',
          p85: 3,
          bars: [
            { from: 0, to: 2, share: 0.25 },
            { from: 2, to: 4, share: 0.75 },
          ],
        },
        { name: 'b', legend: 'b', p85: 2, bars: [{ from: 0, to: 3, share: 1 }] },
      ],
      xMax: 4,
      yMax: 1,
    };
    expect(binStarts(h)).toEqual([0, 2]);
    expect(sharesAt(h, 2)).toEqual([
      { legend: 'a', share: 0.75 },
      { legend: 'b', share: 1 },
    ]);
    expect(sharesAt(h, 3.5).map((v) => v.share)).toEqual([0.75, 0]);
  });
});
