import { afterEach, describe, expect, it } from 'vitest';
import { gridOf, parseAxis } from '../../src/experiment/axes.ts';
import { sweep } from '../../src/experiment/sweep.ts';
import { applyOverrides, pathKeys } from '../../src/model/overrides.ts';
import { parseScenario } from '../../src/model/parse.ts';

const dotted = () => ({
  name: 'dotted ids',
  run: { duration: 100, replications: 1 },
  demand: [{ id: 'feature', interarrival: { dist: 'exponential', mean: 2 }, steps: ['build'] }],
  nodes: [{ id: 'my.team', capacity: 2, serves: { build: { dist: 'exponential', mean: 1 } } }],
});

/** Every property that any attempt below could have left on the shared prototypes. */
const planted = ['polluted', 'x'] as const;

afterEach(() => {
  for (const key of planted) {
    delete (Object.prototype as Record<string, unknown>)[key];
    delete (Array.prototype as unknown as Record<string, unknown>)[key];
  }
});

function pollution(): unknown[] {
  const fresh: Record<string, unknown> = {};
  const list: unknown[] = [];
  return planted
    .flatMap((k) => [fresh[k], (list as unknown as Record<string, unknown>)[k]])
    .filter((v) => v !== undefined);
}

describe('--set paths that reach the object prototype are refused', () => {
  const attempts = [
    '__proto__.polluted=1',
    'constructor.prototype.polluted=1',
    'run.__proto__.polluted=1',
    'nodes.__proto__.polluted=1',
    'nodes[my.team].constructor.prototype.polluted=1',
    '[__proto__].polluted=1',
    'nodes.0["__proto__"].x=1',
    'prototype=1',
  ];

  for (const attempt of attempts)
    it(`"${attempt}" is an error naming the key, and Object.prototype is untouched`, () => {
      const outcome = applyOverrides(dotted(), [attempt]);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok)
        expect(outcome.problems[0].message).toMatch(
          /"(__proto__|constructor|prototype)" cannot be part of a path/,
        );
      expect(pollution()).toEqual([]);
    });

  it('--vary refuses them when the axis is read', () => {
    expect(parseAxis('__proto__.polluted=1,2')).toMatch(/"__proto__" cannot be part of a path/);
    expect(parseAxis('constructor.prototype.x=1')).toMatch(/"constructor" cannot be part of a path/);
  });

  it('a library sweep given such an axis directly reports the point, and pollutes nothing', () => {
    const result = sweep(dotted(), [{ path: '__proto__.polluted', values: [1] }]);
    expect(result.points[0].error).toMatch(/"__proto__" cannot be part of a path/);
    expect(pollution()).toEqual([]);
  });

  it('a key the object only inherits (toString) is a new key, then an unknown one', () => {
    const outcome = applyOverrides(dotted(), ['run.toString=1']);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const parsed = parseScenario(outcome.value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0].message).toMatch(/unknown key "toString"/);
  });
});

describe('ids with dots are addressable in brackets', () => {
  it('nodes[my.team].capacity sets that node', () => {
    const outcome = applyOverrides(dotted(), ['nodes[my.team].capacity=5', 'nodes.[my.team].serves.build=3']);
    expect(outcome.ok && outcome.value).toMatchObject({ nodes: [{ capacity: 5, serves: { build: 3 } }] });
  });

  it('a JSON string in brackets takes any text, and an unbracketed dotted id is not found', () => {
    expect(pathKeys('nodes["a]b.c"].serves')).toEqual(['nodes', 'a]b.c', 'serves']);
    const outcome = applyOverrides(dotted(), ['nodes.my.team.capacity=5']);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.problems[0].message).toBe('no entry with id "my" in nodes (ids: my.team)');
  });

  it('paths that cannot be read are errors, never a guess', () => {
    for (const bad of ['nodes[my.team', 'nodes]x', 'nodes[]', 'run..duration', 'run.', '.run', 'nodes[a]b'])
      expect(pathKeys(bad)).toMatch(/is not a valid path/);
    expect(pathKeys('nodes[0].capacity')).toEqual(['nodes', '0', 'capacity']);
  });

  it('--vary reaches a dotted id, and utilization[my.team] names the node', () => {
    const capacity = parseAxis('nodes[my.team].capacity=1,3');
    const load = parseAxis('utilization[my.team]=0.5');
    if (typeof capacity === 'string' || typeof load === 'string') throw new Error('axes should parse');
    expect(gridOf([capacity])).toHaveLength(2);
    const result = sweep(dotted(), [capacity, load]);
    expect(result.points.map((p) => p.error)).toEqual([undefined, undefined]);
    // The load is set after the capacity, so both points offer the node half its capacity.
    expect(result.points.map((p) => p.result?.nodes['my.team'].offeredLoad)).toEqual([
      expect.closeTo(0.5, 12),
      expect.closeTo(0.5, 12),
    ]);
    expect(result.points.map((p) => p.result?.nodes['my.team'].capacity)).toEqual([1, 3]);
  });
});
