/**
 * The lead-time histogram: the engine's bins, each with its share of items, and the
 * percentiles a service-level expectation is set from (p50, p85, p95).
 */
import type { SimulationResult } from '../../../src/index.ts';

export interface HistogramBar {
  from: number;
  to: number;
  count: number;
  share: number;
}

export interface PercentileMark {
  label: 'p50' | 'p85' | 'p95';
  value: number;
}

export interface HistogramData {
  bars: HistogramBar[];
  marks: PercentileMark[];
  domain: [number, number];
  maxCount: number;
  maxShare: number;
}

export function histogramData(r: SimulationResult): HistogramData {
  const total = r.leadTimeHistogram.reduce((s, b) => s + b.count, 0);
  const bars = r.leadTimeHistogram.map((b) => ({ ...b, share: total > 0 ? b.count / total : 0 }));
  const marks: PercentileMark[] = [
    { label: 'p50', value: r.leadTime.p50 },
    { label: 'p85', value: r.leadTime.p85 },
    { label: 'p95', value: r.leadTime.p95 },
  ];
  const lo = bars.length ? Math.min(0, bars[0].from) : 0;
  const hi = bars.length ? bars[bars.length - 1].to : 1;
  return {
    bars,
    marks: marks.filter((m) => Number.isFinite(m.value)),
    domain: [lo, Math.max(hi, lo + 1e-9)],
    maxCount: Math.max(0, ...bars.map((b) => b.count)),
    maxShare: Math.max(0, ...bars.map((b) => b.share)),
  };
}
