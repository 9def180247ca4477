import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../../src/network/strategies/index.ts';
import { loadShareRatio } from './load-share.ts';
import { choices, viewOf } from './routing-view.ts';

const { route } = STRATEGIES['power-of-two'];

describe('power-of-two routing', () => {
  it('never picks the busiest of three nodes, which loses every pair it is drawn in', () => {
    const counts = choices(route, viewOf([{}, { busy: 1, queued: 4 }, { busy: 1 }]), 3000);
    expect(counts[1]).toBe(0);
    // Node 0 wins both its pairs (2/3 of draws), node 2 the pair {1, 2} (1/3): sd of a
    // count is sqrt(3000 x 2/9) ~ 26, 5 sd is 130.
    expect(Math.abs(counts[0] - 2000)).toBeLessThan(130);
  });

  it('balances a step by speed in the offered load', () => {
    expect(loadShareRatio('power-of-two')).toBeCloseTo(2, 12);
  });
});
