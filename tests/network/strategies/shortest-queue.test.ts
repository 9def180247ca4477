import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../../src/network/strategies/index.ts';
import { loadShareRatio } from './load-share.ts';
import { choices, viewOf } from './routing-view.ts';

const { route } = STRATEGIES['shortest-queue'];

describe('shortest-queue routing', () => {
  it('picks the node with the fewest items per server, not the least work', () => {
    // 3 items on 2 servers (1.5 each) beat 2 on 1, however long their work.
    const view = viewOf([
      { busy: 1, queued: 1 },
      { capacity: 2, busy: 2, queued: 1, busyWork: 50 },
    ]);
    expect(choices(route, view, 20)).toEqual([0, 20]);
  });

  it('does not count the server the item frees at the node it is leaving', () => {
    const view = viewOf([{ busy: 1 }, { busy: 1 }]);
    view.from = 1;
    view.freedAtFrom = 1;
    expect(choices(route, view, 20)).toEqual([0, 20]);
  });

  it('balances a step by speed in the offered load', () => {
    expect(loadShareRatio('shortest-queue')).toBeCloseTo(2, 12);
  });
});
