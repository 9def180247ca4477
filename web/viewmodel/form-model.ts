/**
 * The form's view of a scenario: the handful of numbers coaches change most, read from the
 * document defensively (it may be half-typed) and each tied to the JSON path it edits.
 */
import { ROUTING_STRATEGIES, scenarioSchema } from '../../src/index.ts';
import { meanOf, shapeOf } from './distribution-scale.ts';
import type { JsonPath } from './json-locate.ts';

export interface ServiceField {
  capability: string;
  path: JsonPath;
  mean: number;
  shape: string;
}

export interface NodeFields {
  index: number;
  id: string;
  kind: string;
  capacity: unknown;
  services: ServiceField[];
  /** Present only when the scenario schema knows the mechanism (see `MECHANISMS`). */
  mechanisms: { key: MechanismKey; path: JsonPath; value: unknown }[];
}

export interface DemandFields {
  index: number;
  id: string;
  path: JsonPath;
  /** Items per time unit: 1 / mean interarrival. */
  rate: number;
  shape: string;
}

export interface FormModel {
  timeUnit: string;
  routing: unknown;
  run: { duration: unknown; replications: unknown; warmup: unknown; seed: unknown };
  demand: DemandFields[];
  nodes: NodeFields[];
}

export type MechanismKey = 'wipLimit' | 'batchSize' | 'failureProbability';

/** The per-node mechanisms the form can edit, and where each lives in a node. */
export const MECHANISM_FIELDS: Record<
  MechanismKey,
  { label: string; path: string[]; hint: string; step: string }
> = {
  wipLimit: {
    label: 'WIP limit',
    path: ['wipLimit'],
    hint: 'most items here at once',
    step: '1',
  },
  batchSize: {
    label: 'Batch size',
    path: ['batch', 'size'],
    hint: 'items started together',
    step: '1',
  },
  failureProbability: {
    label: 'Failure rate',
    path: ['failure', 'probability'],
    hint: 'share that fails, 0 to 1',
    step: '0.01',
  },
};

/**
 * The mechanisms the engine's schema accepts on a node. The form offers a field only when
 * the schema has it, so it never suggests a setting the engine would reject.
 */
export function supportedMechanisms(): MechanismKey[] {
  const node = nodeShape();
  return (Object.keys(MECHANISM_FIELDS) as MechanismKey[]).filter(
    (k) => !!node?.[MECHANISM_FIELDS[k].path[0]],
  );
}

function nodeShape(): Record<string, unknown> | undefined {
  const shape = (scenarioSchema as unknown as { shape?: Record<string, unknown> }).shape;
  const nodes = shape?.nodes as { element?: { shape?: Record<string, unknown> } } | undefined;
  return nodes?.element?.shape;
}

export const ROUTING_CHOICES: readonly string[] = ROUTING_STRATEGIES;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function readForm(
  doc: unknown,
  mechanisms: readonly MechanismKey[] = supportedMechanisms(),
): FormModel {
  const d = record(doc);
  const run = record(d.run);
  return {
    timeUnit: typeof d.timeUnit === 'string' && d.timeUnit ? d.timeUnit : 'day',
    routing: d.routing ?? 'fixed',
    run: {
      duration: run.duration,
      replications: run.replications ?? 1,
      warmup: run.warmup ?? 0,
      seed: run.seed ?? 1,
    },
    demand: list(d.demand).map((raw, index) => {
      const demand = record(raw);
      const mean = meanOf(demand.interarrival);
      return {
        index,
        id: String(demand.id ?? `#${index + 1}`),
        path: ['demand', index, 'interarrival'],
        rate: mean > 0 ? 1 / mean : Number.NaN,
        shape: shapeOf(demand.interarrival),
      };
    }),
    nodes: list(d.nodes).map((raw, index) => {
      const node = record(raw);
      return {
        index,
        id: String(node.id ?? `#${index + 1}`),
        kind: String(node.kind ?? 'team'),
        capacity: node.capacity,
        services: Object.entries(record(node.serves)).map(([capability, dist]) => ({
          capability,
          path: ['nodes', index, 'serves', capability],
          mean: meanOf(dist),
          shape: shapeOf(dist),
        })),
        mechanisms: mechanisms.map((key) => {
          const path = MECHANISM_FIELDS[key].path;
          let value: unknown = node;
          for (const k of path) value = record(value)[k];
          return { key, path: ['nodes', index, ...path], value };
        }),
      };
    }),
  };
}

/**
 * What decides the form's layout: when only values change, the form keeps its inputs (and
 * the coach's cursor); when nodes, steps or capabilities change, it is rebuilt.
 */
export function formStructure(model: FormModel): string {
  return JSON.stringify([
    model.demand.map((d) => d.id),
    model.nodes.map((n) => [
      n.id,
      n.kind,
      n.services.map((s) => s.capability),
      n.mechanisms.map((m) => m.key),
    ]),
  ]);
}

/** Every path the form has a field for, so problems can be shown beside them. */
export function formFieldPaths(model: FormModel): JsonPath[] {
  return [
    ['routing'],
    ['run', 'duration'],
    ['run', 'replications'],
    ['run', 'warmup'],
    ['run', 'seed'],
    ...model.demand.map((d) => d.path),
    ...model.nodes.flatMap((n) => [
      ['nodes', n.index, 'capacity'],
      ...n.services.map((s) => s.path),
      ...n.mechanisms.map((m) => m.path),
    ]),
  ];
}
