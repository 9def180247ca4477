import { describe, expect, it } from 'vitest';
import {
  formFieldPaths,
  formStructure,
  readForm,
  supportedMechanisms,
} from '../../web/viewmodel/form-model.ts';
import { presetDocument } from './presets-fixture.ts';

describe('the form’s view of a scenario', () => {
  it('shows arrival rate, capacities and service-time means from the token ring', () => {
    const form = readForm(presetDocument('token-ring'), []);
    expect(form.demand[0].rate).toBeCloseTo(0.8, 12);
    expect(form.demand[0].shape).toBe('exponential');
    const developers = form.nodes.find((n) => n.id === 'developers');
    expect(developers?.capacity).toBe(4);
    expect(developers?.services).toEqual([
      { capability: 'build', path: ['nodes', 4, 'serves', 'build'], mean: 4.4, shape: 'gamma' },
    ]);
    expect(form.routing).toBe('fixed');
    expect(form.run.replications).toBe(10);
  });

  it('reads a half-typed document without throwing', () => {
    expect(readForm(null, []).nodes).toEqual([]);
    expect(readForm({ nodes: 'oops', demand: [{ interarrival: 'x' }] }, []).demand[0].rate).toBeNaN();
  });

  it('offers only the mechanisms the engine’s schema accepts', () => {
    for (const m of supportedMechanisms())
      expect(['wipLimit', 'batchSize', 'failureProbability']).toContain(m);
    const form = readForm(presetDocument('token-ring'), ['wipLimit']);
    expect(form.nodes[0].mechanisms).toEqual([
      { key: 'wipLimit', path: ['nodes', 0, 'wipLimit'], value: undefined },
    ]);
  });

  it('keeps its layout when only values change, and rebuilds when nodes change', () => {
    const doc = presetDocument('token-ring');
    const before = formStructure(readForm(doc, []));
    (doc.nodes as { capacity: number }[])[0].capacity = 9;
    expect(formStructure(readForm(doc, []))).toBe(before);
    (doc.nodes as unknown[]).pop();
    expect(formStructure(readForm(doc, []))).not.toBe(before);
  });

  it('lists the path of every field, for placing problems', () => {
    const paths = formFieldPaths(readForm(presetDocument('token-ring'), []));
    expect(paths).toContainEqual(['nodes', 0, 'capacity']);
    expect(paths).toContainEqual(['demand', 0, 'interarrival']);
    expect(paths).toContainEqual(['routing']);
  });
});
