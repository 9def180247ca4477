import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';

// Two identical teams at light load: most of the time both are idle, so every choice is a
// tie. Fair tie-breaking gives each about half the work.
const twins = (routing: string) => ({
  name: 'twins',
  run: { duration: 5000, warmup: 100, seed: 2, replications: 1 },
  routing,
  demand: [{ id: 'feature', interarrival: { dist: 'exponential', mean: 1 }, steps: ['build'] }],
  nodes: [
    { id: 'first', capacity: 1, serves: { build: { dist: 'exponential', mean: 0.3 } } },
    { id: 'second', capacity: 1, serves: { build: { dist: 'exponential', mean: 0.3 } } },
  ],
});

describe('adaptive routing breaks ties fairly', () => {
  it.each(['shortest-queue', 'least-work', 'fastest', 'reliability'])(
    '%s gives two identical idle teams equal shares, not all to the first in the file',
    (routing) => {
      const r = simulate(twins(routing));
      const first = r.nodes.first.served;
      const total = first + r.nodes.second.served;
      // Were every choice a fair coin, the share's sd would be sqrt(0.25 / n) ~ 0.007 for
      // ~4,900 items; non-tied choices only pull the shares closer. 5 sd either side.
      expect(Math.abs(first / total - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / total));
    },
  );
});
