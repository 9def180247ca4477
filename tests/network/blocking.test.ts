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
    expect(result.deadlock?.detail).toMatch(
      /a circle of full nodes, each holding finished work that waits for room at the next: ("team-a" → "team-b" → "team-a"|"team-b" → "team-a" → "team-b")/,
    );
    expect(result.warnings.join('\n')).toMatch(/deadlock .* full nodes wait on each other/);
  });

  // Rework back to a full build: build's people hold finished work for a full test, test's
  // hold failed work for a full build. The rules allow it; the result must say where.
  const reworkLoop = (systemWipLimit?: number) => ({
    name: 'failed tests go back to a full build',
    run: { duration: 500, seed: 1, replications: 5 },
    demand: [{ id: 'feature', interarrival: exponential(0.8), steps: ['build', 'test'] }],
    nodes: [
      { id: 'build', capacity: 1, wipLimit: 2, serves: { build: exponential(0.5) } },
      {
        id: 'test',
        capacity: 1,
        wipLimit: 2,
        failure: { probability: 0.3, reworkTo: 'build' },
        serves: { test: exponential(0.4) },
      },
    ],
    ...(systemWipLimit ? { wipLimit: systemWipLimit } : {}),
  });

  it('rework to an earlier step at a full node can close a circle of full nodes: reported with the circle', () => {
    const result = simulate(reworkLoop());
    expect(result.stoppedBy).toBe('deadlock');
    expect(result.deadlock?.detail).toMatch(
      /circle of full nodes.*("build" → "test" → "build"|"test" → "build" → "test")/,
    );
  });

  it('a system WIP limit below the limits around the circle rules that deadlock out', () => {
    // The circle needs build and test both full: 2 + 2 items committed. CONWIP of 3 never allows it.
    const result = simulate(reworkLoop(3));
    expect(result.runs.map((r) => r.stoppedBy)).toEqual([
      'drained',
      'drained',
      'drained',
      'drained',
      'drained',
    ]);
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
