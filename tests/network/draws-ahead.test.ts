import { describe, expect, it } from 'vitest';
import { makeSampler, type Sampler } from '../../src/engine/distributions.ts';
import { randomStream } from '../../src/engine/random.ts';
import { DrawsAhead } from '../../src/network/draws-ahead.ts';

describe('times drawn ahead', () => {
  it('are the numbers each sampler draws from its own stream, in order, block after block', () => {
    // Exponential streams are drawn by their own loop, which steps the generator itself; the
    // others through their sampler. Either way, a twin stream drawn one time at a time must
    // give the same doubles, across many blocks (a block is 64 draws).
    const samplers: (Sampler | undefined)[] = [
      makeSampler({ dist: 'exponential', mean: 0.625 }),
      makeSampler({ dist: 'gamma', mean: 2, cv: 1 }),
      makeSampler({ dist: 'uniform', min: 1, max: 3 }),
      makeSampler({ dist: 'exponential', mean: 1 }),
    ];
    const names = samplers.map((_, i) => `service:node-${i}`);
    const ahead = new DrawsAhead(
      samplers,
      names.map((name) => randomStream(7, name)),
    );
    const twins = names.map((name) => randomStream(7, name));
    const drawn: number[][] = samplers.map(() => []);
    const expected: number[][] = samplers.map(() => []);
    for (let k = 0; k < 1000; k++) {
      // Streams in an uneven order, as a run reads them.
      const i = (k * 7 + (k >> 3)) % samplers.length;
      drawn[i].push(ahead.draw(i));
      expected[i].push(samplers[i]!(twins[i]));
    }
    expect(drawn).toEqual(expected);
    expect(drawn.every((times) => times.length > 200)).toBe(true);
  });
});
