import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../../src/network/strategies/index.ts';
import { loadShareRatio } from './load-share.ts';
import { everyNode, viewOf } from './routing-view.ts';

const { route } = STRATEGIES['round-robin'];

describe('round-robin routing', () => {
  it('gives each node the step in turn, whatever its queue', () => {
    const view = viewOf([{ queued: 9 }, {}, {}]);
    const list = everyNode(view);
    expect(Array.from({ length: 7 }, () => route(view, list, 0, 3, 0))).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('splits a step evenly in the offered load', () => {
    expect(loadShareRatio('round-robin')).toBeCloseTo(1, 12);
  });
});
