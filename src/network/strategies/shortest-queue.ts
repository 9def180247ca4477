import { lowest, occupancy, type Strategy } from '../routing.ts';

export const shortestQueue: Strategy = {
  route: (v, list, first, count, cap) => lowest(v, list, first, count, cap, occupancy),
  readsWork: false,
  split: 'by-rate',
  help: 'the node with the fewest items waiting or in service per server',
};
