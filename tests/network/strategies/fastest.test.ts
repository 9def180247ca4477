import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../../src/network/strategies/index.ts';
import { loadShareRatio } from './load-share.ts';
import { choices, viewOf } from './routing-view.ts';

const { route } = STRATEGIES.fastest;

describe('fastest routing', () => {
  it('prefers a fast busy agent to an idle slow team when the agent still finishes first', () => {
    // Team: no wait + 10. Agent: its 1 unit of work ahead + its own 1 = 2.
    const view = viewOf([{ mean: 10 }, { busy: 1, busyWork: 1, mean: 1 }]);
    expect(choices(route, view, 20)).toEqual([0, 20]);
  });

  it('prefers the idle team once the agent has more work ahead than the team takes', () => {
    const view = viewOf([{ mean: 10 }, { busy: 1, queued: 3, busyWork: 1, queuedWork: 12, mean: 1 }]);
    expect(choices(route, view, 20)).toEqual([20, 0]);
  });

  it('balances a step by speed in the offered load', () => {
    expect(loadShareRatio('fastest')).toBeCloseTo(2, 12);
  });
});
