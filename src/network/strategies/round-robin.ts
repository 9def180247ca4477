import type { Strategy } from '../routing.ts';

export const roundRobin: Strategy = {
  route: (v, list, first, count, cap) => {
    const turn = v.roundRobin[cap] % count;
    v.roundRobin[cap] = turn + 1;
    return list[first + turn];
  },
  readsWork: false,
  split: 'even',
  help: 'each node that serves the step in turn',
};
