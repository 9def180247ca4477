import { describe, expect, it } from 'vitest';
import { compare, ROUTING_STRATEGIES, simulate } from '../../src/index.ts';
import {
  comparisonSubject,
  legendNames,
  presetChoices,
  routingVariants,
  scenarioVariants,
} from '../../web/viewmodel/comparison-setup.ts';
import { compareSliced, type Progress, runSliced } from '../../web/viewmodel/sliced-run.ts';
import { quickDocument } from './results-fixture.ts';

describe('runs in slices, as the worker does them', () => {
  it('give exactly what simulate() gives, and report progress that only grows', () => {
    const doc = quickDocument('token-ring');
    const seen: Progress[] = [];
    const result = runSliced(doc, { slice: 500, onProgress: (p) => seen.push(p) });
    expect(result).toEqual(simulate(doc));
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.map((p) => p.fraction)).toEqual([...seen.map((p) => p.fraction)].sort((a, b) => a - b));
    expect(seen.at(-1)?.fraction).toBe(1);
  });

  it('a sliced comparison gives exactly what compare() gives', () => {
    const variants = scenarioVariants([
      { name: 'Token ring', document: quickDocument('token-ring') },
      { name: 'Network', document: quickDocument('dynamic-network') },
    ]);
    expect(compareSliced(variants, { seed: 11, replications: 4 }, { slice: 2000 })).toEqual(
      compare(variants, { seed: 11, replications: 4 }),
    );
  });

  it('one scenario under every routing strategy, with the same seeds', () => {
    const variants = routingVariants(quickDocument('dynamic-network'), ROUTING_STRATEGIES);
    const c = compareSliced(variants);
    expect(c.variants.map((v) => v.result.routing)).toEqual([...ROUTING_STRATEGIES]);
    expect(new Set(c.variants.map((v) => v.result.runs.map((r) => r.seed).join()))).toHaveProperty('size', 1);
    expect(c).toEqual(compare(variants));
  });

  it('names routing variants by strategy, and legends drop the common word', () => {
    const names = routingVariants({ name: 'x' }, ['fixed', 'random']).map((v) => v.name);
    expect(names).toEqual(['fixed routing', 'random routing']);
    expect(legendNames(names)).toEqual(['fixed', 'random']);
    expect(legendNames(['Token ring', 'Network'])).toEqual(['Token ring', 'Network']);
    expect(comparisonSubject(['A', 'A', 'A'], 3)).toBe('A: 3 variants');
    expect(comparisonSubject(['A', 'B'], 2)).toBe('2 scenarios');
  });

  it('offers an edited preset both as edited and as shipped, to compare a change', () => {
    const presets = [
      { id: 'a', name: 'A', document: { v: 1 } },
      { id: 'b', name: 'B', document: { v: 2 } },
    ];
    const choices = presetChoices(presets, (id) => ({
      edited: id === 'a',
      document: id === 'a' ? { v: 9 } : { v: 2 },
    }));
    expect(choices.map((c) => [c.id, c.name, c.document])).toEqual([
      ['a', 'A (edited)', { v: 9 }],
      ['a@shipped', 'A', { v: 1 }],
      ['b', 'B', { v: 2 }],
    ]);
  });

  it('names repeated presets apart', () => {
    const names = scenarioVariants([
      { name: 'A', document: {} },
      { name: 'A', document: {} },
    ]).map((v) => v.name);
    expect(names).toEqual(['A', 'A (2)']);
  });
});
