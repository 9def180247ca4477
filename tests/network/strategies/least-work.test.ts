import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../../src/network/strategies/index.ts';
import { loadShareRatio } from './load-share.ts';
import { choices, viewOf } from './routing-view.ts';

const { route } = STRATEGIES['least-work'];

describe('least-work routing', () => {
  it('picks the node with the least expected work per server, not the fewest items', () => {
    // Three short items (3 units) beat one long one (5).
    const view = viewOf([
      { busy: 1, busyWork: 5 },
      { busy: 1, queued: 2, busyWork: 1, queuedWork: 2 },
    ]);
    expect(choices(route, view, 20)).toEqual([0, 20]);
  });

  it('balances a step by speed in the offered load', () => {
    expect(loadShareRatio('least-work')).toBeCloseTo(2, 12);
  });
});
