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

describe('routing judges the node an item is at without the item itself', () => {
  it('shortest-queue keeps a step with the idle team that did the last one as often as it moves it', () => {
    // Two equal cross-functional teams at light load (each about 5% busy): when an item has
    // finished step a, both teams are nearly always idle once it has left, a tie broken by
    // a fair coin. (Counting the server the item itself frees made its own team look busy,
    // and sent nearly every item across: a handoff per item.) With ~2,000 items the coin's
    // share has sd sqrt(0.25 / 2000) ~ 0.011, 5 sd ~ 0.056; the other team is busy (so the
    // item surely stays) at most its utilisation, ~0.05, of the time: 0.11 in all.
    const r = simulate({
      name: 'two idle cross-functional teams',
      run: { duration: 20000, seed: 3, replications: 1 },
      routing: 'shortest-queue',
      demand: [{ id: 'feature', interarrival: { dist: 'exponential', mean: 10 }, steps: ['a', 'b'] }],
      nodes: ['red', 'blue'].map((id) => ({
        id,
        capacity: 1,
        serves: { a: { dist: 'exponential', mean: 0.5 }, b: { dist: 'exponential', mean: 0.5 } },
      })),
    });
    expect(r.completed).toBeGreaterThan(1800);
    expect(Math.abs(r.handoffsPerItem - 0.5)).toBeLessThan(0.11);
  });
});
