import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

describe('WIP limits with blocking after service', () => {
  it('a full node backs work up the line: the upstream node holds finished work and blocks', () => {
    const result = simulate({
      name: 'a slow review behind a fast build',
      run: { duration: 5000, warmup: 500, seed: 2, replications: 3 },
      demand: [{ id: 'feature', interarrival: exponential(1.25), steps: ['build', 'review'] }],
      nodes: [
        { id: 'build', capacity: 2, wipLimit: 2, serves: { build: exponential(0.8) } },
        { id: 'review', capacity: 1, wipLimit: 2, serves: { review: exponential(1) } },
      ],
    });
    expect(result.stoppedBy).toBe('drained');
    expect(result.nodes.build.blocked).toBeGreaterThan(0.05);
    expect(result.nodes.review.blocked).toBe(0);
    // Waiting for room at build happens before commitment, so it lengthens lead time only.
    expect(result.leadTime.mean).toBeGreaterThan(result.cycleTime.mean);
  });

  it('a cycle of full nodes is reported as a deadlock naming the nodes, not left to hang', () => {
    const result = simulate({
      name: 'two teams each waiting for the other',
      run: { duration: 200, seed: 1, replications: 1 },
      demand: [
        { id: 'ab', interarrival: exponential(1), steps: ['a', 'b'] },
        { id: 'ba', interarrival: exponential(1), steps: ['b', 'a'] },
      ],
      nodes: [
        { id: 'team-a', capacity: 1, wipLimit: 1, serves: { a: exponential(2) } },
        { id: 'team-b', capacity: 1, wipLimit: 1, serves: { b: exponential(2) } },
      ],
    });
    expect(result.stoppedBy).toBe('deadlock');
    expect(result.deadlock?.nodes.sort()).toEqual(['team-a', 'team-b']);
    expect(result.warnings.join('\n')).toMatch(/deadlock .* full nodes wait on each other/);
  });

  it('a batch that can never fill, with no timeout, is reported once arrivals stop', () => {
    const result = simulate({
      name: 'a release train that never leaves',
      run: { duration: 50, seed: 1 },
      demand: [{ id: 'feature', interarrival: 10, steps: ['release'] }],
      nodes: [{ id: 'release', capacity: 1, batch: { size: 20 }, serves: { release: 1 } }],
    });
    expect(result.stoppedBy).toBe('deadlock');
    expect(result.deadlock?.detail).toMatch(/batch of 20 that can never fill/);
  });
});
