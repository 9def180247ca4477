import { describe, expect, it } from 'vitest';
import { type SimulationResult, simulate } from '../../src/index.ts';
import { ci95 } from '../../src/metrics/confidence.ts';
import { preset, runSeeds } from './paired.ts';

const surge = preset('demand-surge.json');

/** A node's mean utilisation over [from, to), from the result's time series. */
const utilisation = (node: string, from: number, to: number) => (r: SimulationResult) => {
  const { t, utilization } = r.series;
  const values = t.flatMap((time, i) => (time >= from && time < to ? [utilization[node][i]] : []));
  return values.reduce((s, v) => s + v, 0) / values.length;
};

/** 95% interval over replications of (platform - developers) utilisation over a period. */
function platformOverDevelopers(runs: SimulationResult[], from: number, to: number): [number, number] {
  const gaps = runs.map((r) => utilisation('platform', from, to)(r) - utilisation('developers', from, to)(r));
  const ci = ci95(gaps);
  if (!ci) throw new Error('needs at least two replications');
  return ci;
}

describe('a demand surge moves the bottleneck and back (demand-surge.json)', () => {
  const runs = runSeeds(surge, 12);

  it('the bottleneck windows, pooled over the preset’s replications, name the developers, the platform team during the surge, then the developers again', () => {
    const r = simulate(surge);
    const at = (time: number) => r.bottlenecks.find((w) => w.from <= time && time < w.to)?.node;
    for (const time of [150, 300, 450]) expect(at(time)).toBe('developers');
    for (const time of [550, 650]) expect(at(time)).toBe('platform');
    for (const time of [800, 1000, 1150]) expect(at(time)).toBe('developers');
  });

  it('utilisation over time says the same, with intervals over replications', () => {
    const [, beforeHi] = platformOverDevelopers(runs, 150, 480);
    const [duringLo] = platformOverDevelopers(runs, 520, 690);
    const [, afterHi] = platformOverDevelopers(runs, 760, 1150);
    expect(beforeHi).toBeLessThan(0);
    expect(duringLo).toBeGreaterThan(0);
    expect(afterHi).toBeLessThan(0);
  });
});
