import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../../src/network/strategies/index.ts';
import { loadShareRatio } from './load-share.ts';
import { choices, viewOf } from './routing-view.ts';

const { route } = STRATEGIES.fixed;

describe('fixed routing (the token ring)', () => {
  it('sends every item to the first node in the file, however long its queue', () => {
    expect(choices(route, viewOf([{ busy: 1, queued: 9 }, {}, {}]), 50)).toEqual([50, 0, 0]);
  });

  it('gives the whole step to that node in the offered load', () => {
    expect(loadShareRatio('fixed')).toBe(Number.POSITIVE_INFINITY);
  });
});
