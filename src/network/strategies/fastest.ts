import { expectedCompletion, lowest, type Strategy } from '../routing.ts';

export const fastest: Strategy = {
  route: (v, list, first, count, cap) => lowest(v, list, first, count, cap, expectedCompletion),
  readsWork: true,
  split: 'by-rate',
  help: 'the node with the earliest expected completion, given its queue, capacity and its own service time for the step',
};
