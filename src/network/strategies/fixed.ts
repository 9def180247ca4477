import type { Strategy } from '../routing.ts';

/** The token ring: always the first node in the file that serves the step, whatever its queue. */
export const fixed: Strategy = {
  route: (_v, list, first) => list[first],
  readsWork: false,
  split: 'first',
  help: 'the first node in the file that serves the step (the token ring)',
};
