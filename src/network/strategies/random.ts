import type { Strategy } from '../routing.ts';

export const random: Strategy = {
  route: (v, list, first, count) => list[first + Math.floor(v.random() * count)],
  readsWork: false,
  split: 'even',
  help: 'any node that serves the step, at random',
};
