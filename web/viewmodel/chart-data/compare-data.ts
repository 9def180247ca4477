/**
 * Chart data for a comparison, on shared axes: every variant is drawn against the same
 * scales, so a taller bar or a longer line means a bigger number, not a different zoom.
 */
import type { Comparison, History } from '../../../src/index.ts';
import { cycleTimeScatter, leadTimeHistogram } from '../../../src/runner.ts';
import { legendNames } from '../comparison-setup.ts';
import type { Line } from './series-data.ts';
import { MAX_LINE_POINTS, thinIndices } from './thin.ts';

export interface VariantInterval {
  name: string;
  legend: string;
  mean: number;
  ci95: [number, number] | null;
  p85: number;
  baseline: boolean;
}

export function leadTimeIntervals(c: Comparison): VariantInterval[] {
  const legends = legendNames(c.variants.map((v) => v.name));
  return c.variants.map((v, i) => ({
    name: v.name,
    legend: legends[i],
    mean: v.result.leadTime.mean,
    ci95: v.result.leadTime.ci95,
    p85: v.result.leadTime.p85,
    baseline: i === 0,
  }));
}

export interface SharedHistogram {
  variants: {
    name: string;
    legend: string;
    bars: { from: number; to: number; share: number }[];
    p85: number;
  }[];
  xMax: number;
  yMax: number;
}

/** Each variant's lead-time distribution as shares of its items, so different totals compare fairly. */
export function sharedHistogram(c: Comparison): SharedHistogram {
  const legends = legendNames(c.variants.map((v) => v.name));
  const variants = c.variants.map((v, i) => {
    const total = v.result.leadTimeHistogram.reduce((s, b) => s + b.count, 0) || 1;
    return {
      name: v.name,
      legend: legends[i],
      bars: v.result.leadTimeHistogram.map((b) => ({ from: b.from, to: b.to, share: b.count / total })),
      p85: v.result.leadTime.p85,
    };
  });
  return {
    variants,
    xMax: Math.max(1e-9, ...variants.flatMap((v) => v.bars.map((b) => b.to))),
    yMax: Math.max(1e-9, ...variants.flatMap((v) => v.bars.map((b) => b.share))),
  };
}

/**
 * A team's history and its fitted model as two lead-time distributions on the same bins (about
 * 30 of whole days, as `flowlab fit --charts` writes them), each as shares of its own done items.
 */
export function historyHistogram(series: readonly { legend: string; history: History }[]): SharedHistogram {
  const scatters = series.map((s) => cycleTimeScatter(s.history));
  const longest = Math.max(1, ...scatters.flatMap((sc) => sc.points.map((p) => p.leadTime)));
  const width = Math.max(1, Math.ceil(longest / 30));
  const bins = Math.ceil(longest / width) + 1;
  const variants = series.map((s, i) => {
    const counts = leadTimeHistogram(s.history, width, bins);
    const total = counts.reduce((sum, c) => sum + c, 0) || 1;
    return {
      name: s.legend,
      legend: s.legend,
      bars: counts.map((c, b) => ({ from: b * width, to: (b + 1) * width, share: c / total })),
      p85: scatters[i].percentiles.p85,
    };
  });
  return {
    variants,
    xMax: bins * width,
    yMax: Math.max(1e-9, ...variants.flatMap((v) => v.bars.map((b) => b.share))),
  };
}

/** Each variant's share of items in its bin that holds lead time `t` (0 outside its bins). */
export function sharesAt(h: SharedHistogram, t: number): { legend: string; share: number }[] {
  return h.variants.map((v) => ({
    legend: v.legend,
    share: v.bars.find((b) => b.from <= t && t < b.to)?.share ?? 0,
  }));
}

/**
 * The lead times at which some variant's bin starts, in order and once each: every place where
 * a share changes, which the arrow keys step through.
 */
export function binStarts(h: SharedHistogram): number[] {
  return [...new Set(h.variants.flatMap((v) => v.bars.map((b) => b.from)))].sort((a, b) => a - b);
}

/** One line per variant of a series (first replication): WIP, or items done so far. */
export function variantLines(c: Comparison, pick: 'wip' | 'done', max = MAX_LINE_POINTS): Line[] {
  const legends = legendNames(c.variants.map((v) => v.name));
  return c.variants.map((v, i) => {
    const s = v.result.series;
    const values = pick === 'wip' ? s.wip : s.cumulative.done;
    return {
      key: `variant:${i}`,
      label: legends[i],
      points: thinIndices(s.t.length, max).map((k) => [s.t[k], values[k]] as [number, number]),
    };
  });
}
