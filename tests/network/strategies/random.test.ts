import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../../src/network/strategies/index.ts';
import { loadShareRatio } from './load-share.ts';
import { choices, viewOf } from './routing-view.ts';

const { route } = STRATEGIES.random;

describe('random routing', () => {
  it('picks any node with equal chance, whatever its queue', () => {
    // 3,000 choices among 3: each count has sd sqrt(3000 x 1/3 x 2/3) ~ 26; 5 sd is 130.
    const counts = choices(route, viewOf([{ busy: 1, queued: 9 }, {}, { busy: 1 }]), 3000);
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(130);
  });

  it('splits a step evenly in the offered load', () => {
    expect(loadShareRatio('random')).toBeCloseTo(1, 12);
  });
});
