import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridError, gridOf, MAX_POINTS, parseAxis } from '../../src/experiment/axes.ts';
import { sweep } from '../../src/experiment/sweep.ts';

describe('sweep axes as written on the command line', () => {
  it('a list of numbers or words', () => {
    expect(parseAxis('nodes.review.capacity=1,2,3')).toEqual({
      path: 'nodes.review.capacity',
      values: [1, 2, 3],
    });
    expect(parseAxis('routing=fixed,shortest-queue')).toEqual({
      path: 'routing',
      values: ['fixed', 'shortest-queue'],
    });
  });

  it('a list of JSON objects splits only at the commas between them, not inside one or in a string', () => {
    expect(parseAxis('nodes.team.capacityCost={"perServer":10,"perBusyHour":2},{"perServer":20}')).toEqual({
      path: 'nodes.team.capacityCost',
      values: [{ perServer: 10, perBusyHour: 2 }, { perServer: 20 }],
    });
    expect(parseAxis('name="a, b",[1,2],c')).toEqual({ path: 'name', values: ['a, b', [1, 2], 'c'] });
  });

  it('a range with a step includes both ends, as the numbers the user meant', () => {
    expect(parseAxis('utilization.review=0.5:0.99:0.05')).toEqual({
      path: 'utilization.review',
      values: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95],
    });
    expect(parseAxis('x=0.1:0.3:0.1')).toEqual({ path: 'x', values: [0.1, 0.2, 0.3] });
  });

  it('no axis has more than MAX_POINTS points, in any of its three forms', () => {
    expect(parseAxis('x=0:1000000/50000000')).toMatch(/50,000,000 points is too many for one axis/);
    expect(parseAxis(`x=0:1:${1 / (MAX_POINTS + 1)}`)).toMatch(/too many for one axis/);
    expect(parseAxis(`x=${Array.from({ length: MAX_POINTS + 1 }, (_, i) => i).join(',')}`)).toMatch(
      /10,001 points is too many/,
    );
    expect(parseAxis(`x=0:1/${MAX_POINTS}`)).toMatchObject({ path: 'x' });
  });

  it('a grid of several axes is refused when their product passes MAX_POINTS, before any point is planned', () => {
    const axis = (path: string, n: number) => ({ path, values: Array.from({ length: n }, (_, i) => i + 1) });
    expect(gridError([axis('a', 100), axis('b', 100)])).toBeUndefined();
    expect(gridError([axis('a', 100), axis('b', 101)])).toMatch(/100 x 101 = 10,100 points, too many/);
    const huge = [axis('a', 5000), axis('b', 5000), axis('c', 2)];
    expect(() => gridOf(huge)).toThrow(/5,000 x 5,000 x 2 = 50,000,000 points/);
    const scenario = {
      name: 'one team',
      run: { duration: 10 },
      demand: [{ id: 'w', interarrival: 1, steps: ['a'] }],
      nodes: [{ id: 'team', capacity: 1, serves: { a: 0.5 } }],
    };
    expect(() => sweep(scenario, huge)).toThrow(/too many for one sweep/);
  });

  it('a range with a number of points', () => {
    expect(parseAxis('run.duration=100:500/5')).toEqual({
      path: 'run.duration',
      values: [100, 200, 300, 400, 500],
    });
  });

  it('any range with a step has its points evenly spaced from the first, never past the last', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 50 }),
        (from, span, step) => {
          const axis = parseAxis(`p=${from}:${from + span}:${step}`);
          if (typeof axis === 'string') throw new Error(axis);
          expect(axis.values).toHaveLength(Math.floor(span / step) + 1);
          for (const [i, v] of axis.values.entries()) expect(v).toBe(from + i * step);
        },
      ),
    );
  });

  it('says what is wrong with a bad axis', () => {
    expect(parseAxis('capacity')).toMatch(/--vary needs path=values/);
    expect(parseAxis('x=')).toMatch(/no values/);
    expect(parseAxis('x=1:5:0')).toMatch(/step must be a number above 0/);
    expect(parseAxis('x=5:1:1')).toMatch(/range must go up/);
    expect(parseAxis('x=1:5/1')).toMatch(/at least 2 points/);
  });

  it('several axes make a grid, the first varying slowest', () => {
    expect(
      gridOf([
        { path: 'a', values: [1, 2] },
        { path: 'b', values: ['x', 'y'] },
      ]),
    ).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });
});
