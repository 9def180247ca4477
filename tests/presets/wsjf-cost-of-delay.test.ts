import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/index.ts';
import { edited, interval, node, paired, preset, runSeeds } from './paired.ts';

const wsjf = preset('wsjf-cost-of-delay.json');
const fifo = edited(wsjf, (d) => {
  node(d, 'product-team').discipline = 'fifo';
});
const costOfDelay = (r: SimulationResult) => r.economics!.costOfDelay.total;
const classCost = (id: string) => (r: SimulationResult) => r.economics!.costOfDelay.classes[id].total;

describe('ordering a team’s queue by WSJF (wsjf-cost-of-delay.json)', () => {
  const byWsjf = runSeeds(wsjf, 20);
  const firstComeFirstServed = runSeeds(fifo, 20);

  it('on the same arrivals, first come first served costs over half as much again in delay', () => {
    // Paired 95% interval of (FIFO - WSJF) / WSJF, wholly above +50% (it is about +100%).
    const [lo] = interval(paired(byWsjf, firstComeFirstServed, costOfDelay), true);
    expect(lo).toBeGreaterThan(0.5);
  });

  it('with the same people and the same cost of capacity', () => {
    for (let i = 0; i < byWsjf.length; i++)
      expect(firstComeFirstServed[i].economics!.capacityCost.total).toBe(
        byWsjf[i].economics!.capacityCost.total,
      );
  });

  it('improvements cost less under WSJF, and upkeep, the cheapest to delay, more', () => {
    const [, improvementHi] = interval(paired(firstComeFirstServed, byWsjf, classCost('improvement')));
    expect(improvementHi).toBeLessThan(0);
    const [upkeepLo] = interval(paired(firstComeFirstServed, byWsjf, classCost('upkeep')));
    expect(upkeepLo).toBeGreaterThan(0);
  });
});
