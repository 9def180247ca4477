/**
 * The form laid out over a document: the field table (form-fields.ts) applied to the
 * scenario's own classes of work and nodes, each field tied to the JSON path it edits, and
 * what each widget's value means in the document and back. Read defensively: the document
 * may be half-typed.
 */
import { getAt, readInput, setAt, setOptional } from './document-edit.ts';
import {
  type FieldSpec,
  FORM_FIELDS,
  FORM_GROUPS,
  type GroupId,
  type Scope,
  scopeOf,
  type Widget,
  widgetOf,
} from './form-fields.ts';
import type { JsonPath } from './json-locate.ts';
import { fieldKey } from './problems.ts';
import { type SchemaField, schemaFields } from './schema-fields.ts';
import { stepsOf } from './structure.ts';

export interface Control {
  /** The schema path, e.g. `nodes[].batch.size`. */
  pattern: string;
  path: JsonPath;
  key: string;
  widget: Widget;
  spec: FieldSpec;
  field: SchemaField;
  /** For a map's values: the key it is for, e.g. the step a service time is for. */
  mapKey?: string;
  /** Where a removal stops pruning emptied objects: the class of work, node or list row. */
  keep: number;
  /** For a list: its rows' controls. */
  rows?: Control[][];
}

export interface GroupView {
  id: GroupId;
  title: string;
  folded: boolean;
  controls: Control[];
}

export interface ScopeView {
  path: JsonPath;
  id: string;
  kind: string;
  groups: GroupView[];
}

export interface FormLayout {
  timeUnit: string;
  scenario: GroupView[];
  demand: ScopeView[];
  nodes: ScopeView[];
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

let cachedFields: SchemaField[] | undefined;
const allFields = () => {
  cachedFields ??= schemaFields();
  return cachedFields;
};

export function formLayout(doc: unknown, fields: readonly SchemaField[] = allFields()): FormLayout {
  const d = record(doc);
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const groups = (scope: Scope, base: JsonPath) =>
    (Object.keys(FORM_GROUPS) as GroupId[])
      .filter((g) => FORM_GROUPS[g].scope === scope && g !== 'structure')
      .map((g) => ({
        id: g,
        title: FORM_GROUPS[g].title,
        folded: FORM_GROUPS[g].folded,
        controls: fields.flatMap((f) => {
          const spec = FORM_FIELDS[f.path];
          const { scope: s, rest } = scopeOf(f.path);
          if (!spec || spec.group !== g || s !== scope || rest.includes('[]')) return [];
          return expand(doc, f, spec, base, rest, byPath);
        }),
      }))
      .filter((g) => g.controls.length > 0);
  return {
    timeUnit: typeof d.timeUnit === 'string' && d.timeUnit ? d.timeUnit : 'day',
    scenario: groups('scenario', []),
    demand: list(d.demand).map((raw, i) => ({
      path: ['demand', i],
      id: String(record(raw).id ?? `#${i + 1}`),
      kind: '',
      groups: groups('demand', ['demand', i]),
    })),
    nodes: list(d.nodes).map((raw, i) => ({
      path: ['nodes', i],
      id: String(record(raw).id ?? `#${i + 1}`),
      kind: String(record(raw).kind ?? 'team'),
      groups: groups('node', ['nodes', i]),
    })),
  };
}

/** The controls one field gives at `base`: one, or one per key of a map. */
function expand(
  doc: unknown,
  field: SchemaField,
  spec: FieldSpec,
  base: JsonPath,
  rest: string,
  byPath: Map<string, SchemaField>,
): Control[] {
  const widget = widgetOf(spec, field.kind);
  if (!widget || widget === 'structure') return [];
  const make = (path: JsonPath, mapKey?: string): Control => {
    const control: Control = {
      pattern: field.path,
      path,
      key: fieldKey(path),
      widget,
      spec,
      field,
      keep: base.length,
      ...(mapKey !== undefined ? { mapKey } : {}),
    };
    if (widget === 'list') control.rows = rowsOf(doc, control, byPath);
    return control;
  };
  if (rest.endsWith('{}.value')) {
    const at = [...base, ...rest.slice(0, -'{}.value'.length).split('.')];
    return Object.keys(record(getAt(doc, at))).map((k) => make([...at, k], k));
  }
  return [make([...base, ...rest.split('.')])];
}

function rowsOf(doc: unknown, listControl: Control, byPath: Map<string, SchemaField>): Control[][] {
  const itemFields = [...byPath.values()].filter((f) => {
    const tail = f.path.slice(listControl.pattern.length);
    return f.path.startsWith(`${listControl.pattern}[].`) && !tail.slice(3).includes('[]');
  });
  return list(getAt(doc, listControl.path)).map((_, i) => {
    const base = [...listControl.path, i];
    return itemFields.flatMap((f) => {
      const spec = FORM_FIELDS[f.path];
      if (!spec) return [];
      return expand(doc, f, spec, base, f.path.slice(listControl.pattern.length + 3), byPath);
    });
  });
}

/** Every control, list rows' included. */
export function allControls(layout: FormLayout): Control[] {
  const groups = [
    ...layout.scenario,
    ...layout.demand.flatMap((d) => d.groups),
    ...layout.nodes.flatMap((n) => n.groups),
  ];
  const out: Control[] = [];
  const add = (c: Control) => {
    out.push(c);
    for (const row of c.rows ?? []) row.forEach(add);
  };
  for (const g of groups) g.controls.forEach(add);
  return out;
}

/**
 * What decides the form's layout: when only values change, the form keeps its inputs (and
 * the coach's cursor); when fields come or go, a distribution changes shape, or the steps a
 * failure can go back to change, it is rebuilt.
 */
export function formStructure(doc: unknown, layout: FormLayout): string {
  const steps = stepsOf(doc);
  return JSON.stringify([
    layout.timeUnit,
    layout.demand.map((d) => d.id),
    layout.nodes.map((n) => [n.id, n.kind]),
    allControls(layout).map((c) => [
      c.key,
      c.widget === 'distribution' ? distributionShapeKey(getAt(doc, c.path)) : '',
      c.widget === 'step' ? steps : '',
      // A choice the document spells as no option does (a typo in the JSON) is shown as it is.
      c.widget === 'select' && !optionsOf(c).includes(controlText(doc, c)) ? controlText(doc, c) : '',
    ]),
  ]);
}

function optionsOf(c: Control): readonly string[] {
  return c.field.kind.type === 'enum' ? c.field.kind.options : [];
}

function distributionShapeKey(value: unknown): string {
  if (typeof value === 'number') return 'bare';
  const d = record(value);
  return `${String(d.dist)}:${Object.keys(d).join(',')}`;
}

/** Every path the form has a field for, so problems can be shown beside them. */
export function formFieldPaths(layout: FormLayout): JsonPath[] {
  return allControls(layout).map((c) => c.path);
}

/** What a text-like widget shows for its field's value in `doc`. */
export function controlText(doc: unknown, c: Control): string {
  const value = getAt(doc, c.path);
  switch (c.widget) {
    case 'select':
      return String(value ?? c.field.default ?? '');
    case 'nodes':
      return Array.isArray(value) ? value.map(String).join(', ') : value === undefined ? '' : String(value);
    default:
      return value === undefined || value === null || typeof value === 'object' ? '' : String(value);
  }
}

/** Whether a switch shows as on. */
export function controlChecked(doc: unknown, c: Control): boolean {
  const value = getAt(doc, c.path);
  return value === undefined ? c.field.default === true : value === true;
}

/**
 * The document with the field set from its widget: a number read as a number (other text
 * kept, so the schema can say what is wrong with it), an empty optional field removed
 * together with any object it leaves empty, a switch turned off removed when off is its
 * default, and a switch left at its default where the field is missing not added.
 */
export function editControl(doc: unknown, c: Control, input: string | boolean): unknown {
  const set = (value: unknown) => setOptional(doc, c.path, value, c.keep);
  if (typeof input === 'boolean') {
    // A switch left at what its missing field means adds nothing (a blocker's countsAgainstWip
    // alone would make a blocker without a probability).
    if (getAt(doc, c.path) === undefined && input === c.field.default) return doc;
    return set(input || c.field.default !== false ? input : undefined);
  }
  switch (c.widget) {
    case 'number':
      return set(readInput(input));
    case 'nodes': {
      const ids = input
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      return set(ids.length > 0 ? ids : undefined);
    }
    case 'select':
      // Choosing what a missing field means already adds nothing (a failure's scope alone
      // would make a failure without a probability).
      if (getAt(doc, c.path) === undefined && input === c.field.default) return doc;
      // "none", for a choice with no default (a node's queue order), removes the setting.
      if (input === '') return set(undefined);
      return setAt(doc, c.path, input);
    default:
      return set(input === '' ? undefined : input);
  }
}

/** A distribution set (or removed, when `value` is undefined and the field is optional). */
export function editDistribution(doc: unknown, c: Control, value: unknown): unknown {
  return setOptional(doc, c.path, value, c.keep);
}

/**
 * A list with a row added: a change starts as what it changes (the node's capacity, the
 * class's arrivals, or the last change), halfway from the last change to the run's end.
 */
export function addRow(doc: unknown, c: Control): unknown {
  const rows = list(getAt(doc, c.path));
  const scope = record(getAt(doc, c.path.slice(0, c.keep)));
  const last = record(rows[rows.length - 1]);
  const duration = Number(record(record(doc).run).duration);
  const end = Number.isFinite(duration) && duration > 0 ? duration : 100;
  const from = typeof last.from === 'number' ? last.from : 0;
  const row: Record<string, unknown> = {};
  for (const f of allFields()) {
    if (!f.path.startsWith(`${c.pattern}[].`)) continue;
    const key = f.path.slice(c.pattern.length + 3);
    if (key.includes('.') || key.includes('[]')) continue;
    if (key === 'from') row.from = Number(((from + end) / 2).toPrecision(6));
    else row[key] = structuredClone(last[key] ?? scope[key]);
  }
  return setAt(doc, c.path, [...rows, row]);
}

/** A list with a row removed; the last row's removal removes the list. */
export function removeRow(doc: unknown, c: Control, index: number): unknown {
  const rows = list(getAt(doc, c.path)).filter((_, i) => i !== index);
  return setOptional(doc, c.path, rows.length > 0 ? rows : undefined, c.keep);
}
