import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/index.ts';
import { distributionMean, distributionVariance } from '../../src/model/distribution.ts';
import {
  distributionForm,
  distributionValue,
  shapePreview,
  withParameter,
  withShape,
} from '../../web/viewmodel/distribution-form.ts';
import { getAt } from '../../web/viewmodel/document-edit.ts';
import { FORM_FIELDS } from '../../web/viewmodel/form-fields.ts';
import {
  addRow,
  allControls,
  type Control,
  controlChecked,
  controlText,
  editControl,
  editDistribution,
  formFieldPaths,
  formLayout,
  formStructure,
  removeRow,
} from '../../web/viewmodel/form-layout.ts';
import { schemaFields } from '../../web/viewmodel/schema-fields.ts';
import { presetDocument } from './presets-fixture.ts';

/** A scenario that sets every field the schema has, so every control shows. */
function everything(): Record<string, unknown> {
  return {
    $schema: '../schema/scenario.schema.json',
    name: 'Everything',
    description: 'Every field set',
    timeUnit: 'day',
    run: {
      duration: 200,
      warmup: 'auto',
      seed: 3,
      replications: 2,
      maxTime: 2000,
      windows: 10,
      seriesNodes: ['dev'],
    },
    routing: 'fixed',
    wipLimit: 30,
    handoff: { dist: 'exponential', mean: 0.1 },
    affinity: true,
    preemption: false,
    demand: [
      {
        id: 'feature',
        name: 'Features',
        interarrival: { dist: 'exponential', mean: 1 },
        steps: ['build', 'review'],
        priority: 1,
        schedule: [{ from: 50, interarrival: { dist: 'exponential', mean: 0.8 } }],
        whenFull: 'wait',
        costOfDelay: { profile: 'fixed-date', deadline: 20, penalty: 500, rate: 10 },
        value: { dist: 'uniform', min: 100, max: 300 },
      },
    ],
    nodes: [
      {
        id: 'dev',
        name: 'Developers',
        kind: 'team',
        capacity: 3,
        serves: { build: { dist: 'lognormal', mean: 2, cv: 0.6 } },
        wipLimit: 6,
        batch: { size: 2, timeout: 5 },
        capacitySchedule: [{ from: 100, capacity: 4 }],
        outages: { mtbf: { dist: 'exponential', mean: 20 }, mttr: 2 },
        discipline: 'edd',
        capacityCost: { perServer: 800, perTime: 10, perItem: 1 },
      },
      {
        id: 'cab',
        kind: 'gate',
        capacity: 1,
        serves: { review: 0.1 },
        failure: { probability: 0.2, reworkTo: 'build', scope: 'item' },
        schedule: { every: 7, open: 0.5, offset: 1, batch: true },
      },
      {
        id: 'ops',
        kind: 'service',
        capacity: 2,
        serves: { run: 1 },
        multitasking: { switchCost: 0.1 },
      },
    ],
  };
}

const controls = (doc: unknown) => allControls(formLayout(doc));
const patterns = (doc: unknown) => new Set(controls(doc).map((c) => c.pattern));

/** A value of the widget's kind other than the one shown, and the JSON it should become. */
function another(c: Control, doc: unknown): { input: string | boolean; json: unknown } {
  const shown = controlText(doc, c);
  switch (c.widget) {
    case 'number':
      return { input: '7', json: 7 };
    case 'text':
    case 'longtext':
      return { input: `${shown} again`, json: `${shown} again` };
    case 'select': {
      const options = c.field.kind.type === 'enum' ? c.field.kind.options : [];
      const other = options.find((o) => o !== shown) ?? shown;
      return { input: other, json: other };
    }
    case 'checkbox': {
      // Off is written only where it is not what a missing field means.
      const off = c.field.default === true ? false : undefined;
      return { input: !controlChecked(doc, c), json: controlChecked(doc, c) ? off : true };
    }
    case 'step':
      return { input: 'build', json: 'build' };
    case 'nodes':
      return { input: 'dev, cab', json: ['dev', 'cab'] };
    default:
      throw new Error(`no sample for ${c.widget}`);
  }
}

describe('the form laid out over a scenario', () => {
  it('shows a control for every schema field the structure editor does not edit', () => {
    const shown = patterns(everything());
    const expected = schemaFields()
      .filter((f) => FORM_FIELDS[f.path].widget !== 'structure' && f.kind.type !== 'list')
      .map((f) => f.path);
    // Lists show as their rows' controls and an add button; the rest each have a control.
    expect(expected.filter((p) => !shown.has(p))).toEqual([]);
    expect(shown).toContain('nodes[].capacitySchedule');
  });

  it('gives each node its service times by step, and each class of work its arrivals', () => {
    const layout = formLayout(presetDocument('token-ring'));
    const developers = layout.nodes.find((n) => n.id === 'developers');
    const services = developers?.groups.find((g) => g.id === 'node')?.controls.filter((c) => c.mapKey);
    expect(services?.map((c) => [c.mapKey, c.key])).toEqual([['build', 'nodes.4.serves.build']]);
    expect(layout.demand[0].groups[0].controls[0].key).toBe('demand.0.interarrival');
  });

  it('reads a half-typed document without throwing', () => {
    expect(formLayout(null).nodes).toEqual([]);
    expect(() => controls({ nodes: 'oops', demand: [{ interarrival: 'x', schedule: 3 }] })).not.toThrow();
  });

  it('turns every form value into the scenario’s JSON and back, for every field', () => {
    const doc = everything();
    expect(parseScenario(doc).ok).toBe(true);
    for (const c of controls(doc)) {
      if (c.widget === 'distribution' || c.widget === 'list') continue;
      // JSON -> form -> JSON leaves the document as it was.
      const same =
        c.widget === 'checkbox'
          ? editControl(doc, c, controlChecked(doc, c))
          : editControl(doc, c, controlText(doc, c));
      if (c.widget === 'checkbox' && getAt(doc, c.path) === c.field.default)
        expect(getAt(same, c.path), c.key).toBe(undefined);
      else expect(same, c.key).toEqual(doc);
      // form -> JSON -> form gives the value typed.
      const { input, json } = another(c, doc);
      const next = editControl(doc, c, input);
      expect(getAt(next, c.path), c.key).toEqual(json);
      const back = typeof input === 'boolean' ? controlChecked(next, c) : controlText(next, c);
      expect(back, c.key).toEqual(input);
    }
  });

  it('removes an optional setting when its field is emptied, with the object it leaves empty', () => {
    const doc = everything();
    const byKey = new Map(controls(doc).map((c) => [c.key, c]));
    const field = (key: string) => byKey.get(key) as Control;
    let next = editControl(doc, field('nodes.0.batch.timeout'), '');
    expect(getAt(next, ['nodes', 0, 'batch'])).toEqual({ size: 2 });
    next = editControl(next, field('nodes.0.batch.size'), '');
    expect(getAt(next, ['nodes', 0])).not.toHaveProperty('batch');
    next = editControl(next, field('nodes.1.failure.reworkTo'), '');
    expect(getAt(next, ['nodes', 1, 'failure'])).toEqual({ probability: 0.2, scope: 'item' });
    expect(getAt(editControl(doc, field('run.seriesNodes'), ' '), ['run'])).not.toHaveProperty('seriesNodes');
    next = editDistribution(doc, field('nodes.0.outages.mtbf'), undefined);
    expect(getAt(next, ['nodes', 0, 'outages'])).toEqual({ mttr: 2 });
    next = editDistribution(next, field('nodes.0.outages.mttr'), undefined);
    expect(getAt(next, ['nodes', 0])).not.toHaveProperty('outages');
    // A required field emptied is left for the schema to name, never defaulted.
    expect(getAt(editControl(doc, field('nodes.0.capacity'), ''), ['nodes', 0])).not.toHaveProperty(
      'capacity',
    );
    expect(getAt(editControl(doc, field('nodes.0.capacity'), 'two'), ['nodes', 0, 'capacity'])).toBe('two');
  });

  it('adds a change to a schedule as what it changes, halfway to the run’s end, and removes the last with the list', () => {
    const doc = presetDocument('token-ring') as Record<string, unknown>;
    const list = controls(doc).find((c) => c.key === 'nodes.0.capacitySchedule') as Control;
    const capacity = getAt(doc, ['nodes', 0, 'capacity']);
    const duration = getAt(doc, ['run', 'duration']) as number;
    const one = addRow(doc, list);
    expect(getAt(one, list.path)).toEqual([{ from: duration / 2, capacity }]);
    const two = addRow(one, list);
    expect(getAt(two, [...list.path, 1, 'from'])).toBe((duration / 2 + duration) / 2);
    expect(
      controls(two)
        .filter((c) => c.pattern === 'nodes[].capacitySchedule[].from')
        .map((c) => c.key),
    ).toEqual(['nodes.0.capacitySchedule.0.from', 'nodes.0.capacitySchedule.1.from']);
    expect(parseScenario(two).ok).toBe(true);
    expect(getAt(removeRow(removeRow(two, list, 0), list, 0), ['nodes', 0])).not.toHaveProperty(
      'capacitySchedule',
    );
    const arrivals = controls(doc).find((c) => c.key === 'demand.0.schedule') as Control;
    expect(getAt(addRow(doc, arrivals), [...arrivals.path, 0, 'interarrival'])).toEqual(
      getAt(doc, ['demand', 0, 'interarrival']),
    );
  });

  it('keeps its layout when only values change, and rebuilds when fields come or a shape changes', () => {
    const doc = everything();
    const before = formStructure(doc, formLayout(doc));
    const capacity = controls(doc).find((c) => c.key === 'nodes.0.capacity') as Control;
    const valued = editControl(doc, capacity, '9');
    expect(formStructure(valued, formLayout(valued))).toBe(before);
    const service = controls(doc).find((c) => c.key === 'nodes.0.serves.build') as Control;
    const reshaped = editDistribution(doc, service, withShape(getAt(doc, service.path), 'gamma'));
    expect(formStructure(reshaped, formLayout(reshaped))).not.toBe(before);
  });

  it('lists the path of every field, for placing problems', () => {
    const paths = formFieldPaths(formLayout(everything()));
    expect(paths).toContainEqual(['nodes', 0, 'capacity']);
    expect(paths).toContainEqual(['nodes', 1, 'failure', 'reworkTo']);
    expect(paths).toContainEqual(['demand', 0, 'schedule', 0, 'from']);
    expect(paths).toContainEqual(['routing']);
  });
});

const EVERY_SHAPE: unknown[] = [
  3,
  { dist: 'constant', value: 3 },
  { dist: 'exponential', mean: 3 },
  { dist: 'uniform', min: 1, max: 5 },
  { dist: 'triangular', min: 1, mode: 2, max: 6 },
  { dist: 'normal', mean: 3, sd: 1 },
  { dist: 'lognormal', mean: 3, cv: 0.8 },
  { dist: 'gamma', mean: 3, cv: 0.4 },
  { dist: 'erlang', mean: 3, k: 4 },
  { dist: 'weibull', shape: 1.5, scale: 3 },
  { dist: 'empirical', values: [1, 2, 2.5, 6] },
];

describe('a distribution in the form', () => {
  it('turns every shape into the form’s values and back unchanged, a bare number included', () => {
    for (const d of EVERY_SHAPE) expect(distributionValue(distributionForm(d))).toEqual(d);
    expect(distributionForm(3)).toEqual({ shape: 'constant', params: { value: '3' }, bare: true });
  });

  it('sets one parameter as typed, and reads measured times pasted in any layout', () => {
    expect(withParameter({ dist: 'lognormal', mean: 3, cv: 0.8 }, 'cv', '1.2')).toEqual({
      dist: 'lognormal',
      mean: 3,
      cv: 1.2,
    });
    expect(withParameter(3, 'value', '4')).toBe(4);
    expect(withParameter({ dist: 'empirical', values: [1] }, 'values', '1, 2\n3\t4; 5')).toEqual({
      dist: 'empirical',
      values: [1, 2, 3, 4, 5],
    });
    // Text that is not a number stays, for the schema to name.
    expect(withParameter({ dist: 'gamma', mean: 3, cv: 1 }, 'cv', 'lots')).toEqual({
      dist: 'gamma',
      mean: 3,
      cv: 'lots',
    });
  });

  it('changes shape keeping the mean, and the variability where the new shape can carry it', () => {
    const from = { dist: 'lognormal', mean: 3, cv: 0.25 };
    const cvOf = (d: unknown) => Math.sqrt(distributionVariance(d as never)) / distributionMean(d as never);
    for (const to of [
      'constant',
      'exponential',
      'uniform',
      'triangular',
      'normal',
      'gamma',
      'erlang',
      'weibull',
      'empirical',
    ]) {
      const d = withShape(from, to);
      const parsed = parseScenario({ ...presetDocument('token-ring'), handoff: d });
      expect(parsed.ok, to).toBe(true);
      // A normal is redrawn below 0, which lifts its mean a little: its `mean` is the one kept.
      if (to === 'normal') expect(d).toEqual({ dist: 'normal', mean: 3, sd: 0.75 });
      else expect(distributionMean(d as never), to).toBeCloseTo(3, 9);
      if (['uniform', 'triangular', 'gamma', 'erlang'].includes(to)) expect(cvOf(d), to).toBeCloseTo(0.25, 9);
    }
    // A constant has no variability to carry: a lognormal made from it starts at cv 0.5.
    expect(withShape(2, 'lognormal')).toEqual({ dist: 'lognormal', mean: 2, cv: 0.5 });
  });

  it('draws a picture of each shape from the engine’s sampler: the same every time, skewed where the shape is', () => {
    for (const d of EVERY_SHAPE) {
      const p = shapePreview(d);
      expect(p, JSON.stringify(d)).not.toBeNull();
      expect(Math.max(...(p?.heights ?? []))).toBe(1);
    }
    // Drawn on a stream of its own, the same every time: twice the mean is the same picture over twice the range.
    const one = shapePreview({ dist: 'gamma', mean: 1, cv: 0.7 });
    const two = shapePreview({ dist: 'gamma', mean: 2, cv: 0.7 });
    expect(two?.heights).toEqual(one?.heights);
    expect(two?.upTo).toBeCloseTo(2 * (one?.upTo ?? 0), 9);
    // An exponential's tallest bin is its first; a symmetric triangle's is in the middle.
    const exp = shapePreview({ dist: 'exponential', mean: 1 })?.heights ?? [];
    expect(exp.indexOf(1)).toBe(0);
    const tri = shapePreview({ dist: 'triangular', min: 0, mode: 5, max: 10 }, 10)?.heights ?? [];
    expect(Math.abs(tri.indexOf(1) - 5)).toBeLessThanOrEqual(1);
    expect(shapePreview({ dist: 'gamma', mean: 3, cv: 'lots' })).toBeNull();
  });
});
