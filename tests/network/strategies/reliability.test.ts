import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../../src/network/strategies/index.ts';
import { loadShareRatio } from './load-share.ts';
import { choices, viewOf } from './routing-view.ts';

const { route } = STRATEGIES.reliability;

describe('reliability routing', () => {
  it('passes over a faster node that has been failing half its work', () => {
    // Expected completion 1 / (1 - 0.5) = 2 attempts' worth against 1.5 at the reliable node.
    const view = viewOf([{ mean: 1, failure: 0.5 }, { mean: 1.5 }]);
    expect(choices(route, view, 20)).toEqual([0, 20]);
  });

  it('takes the faster node while its failures cost less than its speed gains', () => {
    const view = viewOf([{ mean: 1, failure: 0.2 }, { mean: 1.5 }]);
    expect(choices(route, view, 20)).toEqual([20, 0]);
  });

  it("discounts each node's share of a step by its failures in the offered load", () => {
    expect(loadShareRatio('reliability')).toBeCloseTo(2 * (1 - 0.2), 12);
  });
});
