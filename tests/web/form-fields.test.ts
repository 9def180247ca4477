import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scenarioSchema } from '../../src/index.ts';
import { DISTRIBUTION_NAMES } from '../../src/model/distribution.ts';
import { PARAMETERS, parameterLabel, quantityOf } from '../../web/viewmodel/distribution-form.ts';
import { FORM_FIELDS, FORM_GROUPS, WIDGETS_FOR, widgetOf } from '../../web/viewmodel/form-fields.ts';
import { schemaFields } from '../../web/viewmodel/schema-fields.ts';
import { STRUCTURE_FIELDS } from '../../web/viewmodel/structure.ts';

const fields = schemaFields(scenarioSchema);

describe('the form’s field table against the scenario schema', () => {
  it('walks the whole schema: every kind of field, in every part of a scenario', () => {
    const paths = fields.map((f) => f.path);
    // A field from each part and each kind, so a walk that stopped early would be seen.
    for (const p of [
      'name',
      'run.warmup',
      'demand[].interarrival',
      'demand[].schedule[].from',
      'nodes[].serves{}',
      'nodes[].serves{}.value',
      'nodes[].failure.scope',
      'nodes[].schedule.batch',
      'nodes[].capacitySchedule[].capacity',
      'preemption',
    ])
      expect(paths).toContain(p);
    // Needed or not as a file sees it: a batch's size only when there is a batch.
    const required = (path: string) => fields.find((f) => f.path === path)?.required;
    expect([required('name'), required('nodes[].capacity'), required('nodes[].batch.size')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(required('nodes[].capacitySchedule[].from')).toBe(true);
    expect(fields.find((f) => f.path === 'run.warmup')?.kind).toEqual({
      type: 'number',
      integer: false,
      also: ['auto'],
    });
  });

  it('has a line for every schema field, whose widget can edit the field’s kind', () => {
    const missing = fields.filter((f) => !FORM_FIELDS[f.path]).map((f) => f.path);
    expect(missing, 'schema fields with no line in web/viewmodel/form-fields.ts').toEqual([]);
    const misfits = fields
      .filter((f) => {
        const widget = widgetOf(FORM_FIELDS[f.path], f.kind);
        return !widget || !WIDGETS_FOR[f.kind.type].includes(widget);
      })
      .map(
        (f) => `${f.path}: a ${f.kind.type} cannot be edited by ${FORM_FIELDS[f.path].widget ?? 'no widget'}`,
      );
    expect(misfits).toEqual([]);
    // The form reaches a map's values (form-layout.ts), not fields inside them: such a field
    // needs the layout taught first.
    const unreachable = fields
      .filter((f) => FORM_FIELDS[f.path].widget !== 'structure')
      .filter((f) => f.path.replace(/\{\}\.value$/, '').includes('{}'))
      .map((f) => f.path);
    expect(unreachable).toEqual([]);
  });

  it('says which distribution is of money: a class’s value per item; every other is of a time', () => {
    const distributions = fields.filter((f) => widgetOf(FORM_FIELDS[f.path], f.kind) === 'distribution');
    expect(distributions.length).toBeGreaterThan(5);
    expect(
      distributions.filter((f) => quantityOf(FORM_FIELDS[f.path]) === 'money').map((f) => f.path),
    ).toEqual(['demand[].value']);
    // Its lowest and highest, and measured amounts, not times.
    expect(['min', 'mode', 'max', 'values'].map((k) => parameterLabel(k, 'money'))).toEqual([
      'lowest',
      'most likely',
      'highest',
      'measured amounts',
    ]);
    expect(['min', 'mode', 'max', 'values'].map((k) => parameterLabel(k, 'time'))).toEqual([
      'shortest',
      'most likely',
      'longest',
      'measured times',
    ]);
  });

  it('leaves to the structure editor only what the structure editor edits', () => {
    const left = Object.entries(FORM_FIELDS)
      .filter(([, spec]) => spec.widget === 'structure')
      .map(([path]) => path);
    expect(left.sort()).toEqual([...STRUCTURE_FIELDS].sort());
  });

  it('has no line for a field the schema does not have, and every line names a group of its own scope', () => {
    const known = new Set(fields.map((f) => f.path));
    expect(Object.keys(FORM_FIELDS).filter((p) => !known.has(p))).toEqual([]);
    for (const [path, spec] of Object.entries(FORM_FIELDS)) {
      const scope = path.startsWith('nodes[].')
        ? 'node'
        : path.startsWith('demand[].')
          ? 'demand'
          : 'scenario';
      const group = FORM_GROUPS[spec.group];
      expect(group.scope === scope || spec.group === 'structure', `${path} in ${spec.group}`).toBe(true);
    }
  });

  it('knows every distribution the schema allows and labels each of its parameters', () => {
    const dist = fields.find((f) => f.kind.type === 'distribution');
    if (dist?.kind.type !== 'distribution') throw new Error('no distribution field found');
    expect(dist.kind.shapes.map((s) => s.dist)).toEqual([...DISTRIBUTION_NAMES]);
    const unlabelled = dist.kind.shapes.flatMap((s) => s.params.filter((p) => !PARAMETERS[p]));
    expect(unlabelled).toEqual([]);
  });

  it('fails on a field of a kind the form cannot edit, rather than passing over it', () => {
    expect(() => schemaFields(z.strictObject({ when: z.date() }))).toThrow(
      /does not know a "date" schema at when/,
    );
    expect(() =>
      schemaFields(
        z.strictObject({ step: z.union([z.string(), z.strictObject({ all: z.array(z.string()) })]) }),
      ),
    ).toThrow(/union at step/);
  });
});
