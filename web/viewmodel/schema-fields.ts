/**
 * The scenario schema read as a list of fields: every value a scenario file can set, with
 * the path it sits at, the kind of value it takes, and the schema's own description of it.
 *
 * Paths are written as in the rename table (structure.ts): a key for each object member,
 * `[]` for each element of a list, `{}` for a map's keys and `{}.value` for its values, e.g.
 * `nodes[].batch.size`, `nodes[].serves{}.value`. The form lays itself out from these and
 * the field table (form-fields.ts); a test holds the two together, so a field the schema
 * gains cannot go without a control. A kind of schema this walk does not know is an error,
 * never a field passed over.
 */
import { scenarioSchema } from '../../src/index.ts';

export type FieldKind =
  /** A number; `also` lists words it may be instead, e.g. warm-up's "auto". */
  | { type: 'number'; integer: boolean; also: readonly string[] }
  | { type: 'text' }
  /** A list of text, e.g. node ids. */
  | { type: 'texts' }
  /** A class of work's steps: capability names, or parallel steps (`{ "all": [...] }`). */
  | { type: 'steps' }
  | { type: 'boolean' }
  | { type: 'enum'; options: readonly string[] }
  /** A time distribution: a bare number or an object with `dist` and its parameters. */
  | { type: 'distribution'; shapes: readonly DistributionShape[] }
  /** A list of objects, whose fields are listed under `path[]`. */
  | { type: 'list' }
  /** The keys of a map. */
  | { type: 'key' };

/** One kind of distribution the schema allows: its `dist` and the parameters it takes. */
export interface DistributionShape {
  dist: string;
  params: readonly string[];
  description?: string;
}

export interface SchemaField {
  path: string;
  kind: FieldKind;
  /**
   * False when a file may leave it out: it is optional or has a default, or it is part of an
   * optional object. A field of a list's row or a map's value is needed in each of them.
   */
  required: boolean;
  default?: unknown;
  description?: string;
}

interface Def {
  type: string;
  [key: string]: unknown;
}
interface Schema {
  _zod: { def: Def };
  description?: string;
}

interface Context {
  required: boolean;
  default?: unknown;
  description?: string;
}

/** Every field of `schema` (the scenario's, unless another is given), in the schema's order. */
export function schemaFields(schema: unknown = scenarioSchema): SchemaField[] {
  const out: SchemaField[] = [];
  walk(schema as Schema, '', { required: true }, out);
  return out;
}

function walk(schema: Schema, path: string, ctx: Context, out: SchemaField[]) {
  const def = schema._zod.def;
  const here: Context = { ...ctx, description: ctx.description ?? schema.description };
  const add = (kind: FieldKind) =>
    out.push({
      path,
      kind,
      required: here.required,
      ...(here.default !== undefined ? { default: here.default } : {}),
      ...(here.description ? { description: here.description } : {}),
    });
  const at = (key: string) => (path ? `${path}.${key}` : key);
  switch (def.type) {
    case 'object':
      // A field of an optional object (a batch's size) is needed only when the object is there.
      for (const [k, v] of Object.entries(def.shape as Record<string, Schema>))
        walk(v, at(k), { required: here.required }, out);
      return;
    case 'optional':
      return walk(def.innerType as Schema, path, { ...here, required: false }, out);
    case 'default':
    case 'prefault':
      return walk(
        def.innerType as Schema,
        path,
        { ...here, required: false, default: (def as { defaultValue?: unknown }).defaultValue },
        out,
      );
    case 'nullable':
    case 'readonly':
      return walk(def.innerType as Schema, path, here, out);
    case 'pipe':
      // A transform after the schema (run's "auto" warm-up) changes what the engine reads,
      // not what a file may say: the fields are those of the input side.
      return walk(def.in as Schema, path, here, out);
    case 'array': {
      const element = def.element as Schema;
      const inner = unwrap(element)._zod.def;
      if (inner.type === 'string') return add({ type: 'texts' });
      if (isStepUnion(inner)) return add({ type: 'steps' });
      add({ type: 'list' });
      return walk(element, `${path}[]`, { required: true }, out);
    }
    case 'record':
      add({ type: 'key' });
      // The key itself is a field too, so its `{}` path is listed before its values.
      out[out.length - 1].path = `${path}{}`;
      return walk(def.valueType as Schema, `${path}{}.value`, { required: true }, out);
    case 'union':
      if (isVariants(def)) return walkVariants(def, path, here, out);
      return add(unionKind(def, path));
    case 'string':
      return add({ type: 'text' });
    case 'number':
      return add({ type: 'number', integer: isInteger(def), also: [] });
    case 'boolean':
      return add({ type: 'boolean' });
    case 'enum':
      return add({ type: 'enum', options: Object.values(def.entries as Record<string, string>) });
    case 'literal':
      return add({ type: 'enum', options: (def.values as unknown[]).map(String) });
    default:
      throw new Error(`the form does not know a "${def.type}" schema at ${path || 'the top'}`);
  }
}

/** A union is a distribution (a number or an object keyed on `dist`) or a number or a word. */
function unionKind(def: Def, path: string): FieldKind {
  const options = (def.options as Schema[]).map((o) => unwrap(o)._zod.def);
  const keyed = options.find((o) => o.type === 'union' && o.discriminator === 'dist');
  if (keyed) return { type: 'distribution', shapes: (keyed.options as Schema[]).map(shapeOf) };
  const numbers = options.filter((o) => o.type === 'number');
  const words = options.filter((o) => o.type === 'literal');
  if (numbers.length === 1 && numbers.length + words.length === options.length)
    return {
      type: 'number',
      integer: isInteger(numbers[0]),
      also: words.flatMap((w) => (w.values as unknown[]).map(String)),
    };
  throw new Error(`the form does not know the union at ${path}: teach schema-fields.ts its shape`);
}

/**
 * Objects told apart by a key other than a distribution's `dist` (a cost of delay's
 * `profile`): shown as that key's choice and, beside it, every other key any of them takes,
 * each optional, since each belongs to some of them; the schema says which go together.
 */
function isVariants(def: Def): boolean {
  return typeof def.discriminator === 'string' && def.discriminator !== 'dist';
}

function walkVariants(def: Def, path: string, ctx: Context, out: SchemaField[]) {
  const key = def.discriminator as string;
  const shapes = (def.options as Schema[]).map((o) => unwrap(o)._zod.def.shape as Record<string, Schema>);
  out.push({
    path: `${path}.${key}`,
    kind: {
      type: 'enum',
      options: shapes.flatMap((shape) => (shape[key]._zod.def.values as unknown[]).map(String)),
    },
    required: ctx.required,
    ...(ctx.description ? { description: ctx.description } : {}),
  });
  const seen = new Set([key]);
  for (const shape of shapes)
    for (const [k, v] of Object.entries(shape)) {
      if (seen.has(k)) continue;
      seen.add(k);
      walk(v, `${path}.${k}`, { required: false }, out);
    }
}

/** A step: a capability name, or an object whose `all` lists capability names worked on in parallel. */
function isStepUnion(def: Def): boolean {
  if (def.type !== 'union') return false;
  const options = (def.options as Schema[]).map((o) => unwrap(o)._zod.def);
  const parallel = options.find((o) => o.type === 'object');
  const all = parallel && (parallel.shape as Record<string, Schema>).all?._zod.def;
  return (
    options.length === 2 &&
    options.some((o) => o.type === 'string') &&
    all?.type === 'array' &&
    unwrap(all.element as Schema)._zod.def.type === 'string'
  );
}

function shapeOf(option: Schema): DistributionShape {
  const shape = option._zod.def.shape as Record<string, Schema>;
  const dist = String((shape.dist._zod.def.values as unknown[])[0]);
  const params = Object.keys(shape).filter((k) => k !== 'dist');
  return { dist, params, ...(option.description ? { description: option.description } : {}) };
}

function unwrap(schema: Schema): Schema {
  const def = schema._zod.def;
  if (['optional', 'default', 'prefault', 'nullable', 'readonly'].includes(def.type))
    return unwrap(def.innerType as Schema);
  return schema;
}

function isInteger(def: Def): boolean {
  const checks = (def.checks ?? []) as { _zod: { def: { format?: string } } }[];
  return checks.some((c) => c._zod.def.format === 'safeint' || c._zod.def.format === 'int32');
}
