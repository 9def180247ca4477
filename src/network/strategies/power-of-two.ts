import { occupancy, type Strategy } from '../routing.ts';

/** Power of two choices (Mitzenmacher): sample two distinct candidates, take the less occupied. */
export const powerOfTwo: Strategy = {
  route: (v, list, first, count) => {
    const i = Math.floor(v.random() * count);
    let j = Math.floor(v.random() * (count - 1));
    if (j >= i) j++;
    const a = list[first + Math.min(i, j)];
    const b = list[first + Math.max(i, j)];
    return occupancy(v, b) < occupancy(v, a) ? b : a;
  },
  readsWork: false,
  split: 'by-rate',
  help: 'the less busy of two nodes that serve the step, picked at random',
};
