/**
 * A partial result file as `merge` reads it: untrusted input, so every field is checked
 * before anything is folded. A file must be what `run --shard` or `sweep --shard` wrote:
 *
 * - its fields have the types and ranges a writer gives them (a zod schema, with the path of
 *   the first field that breaks a rule);
 * - its digest, SHA-256 over its canonical content (keys sorted, the digest itself left out),
 *   still matches, so an edited count, a scaled lead time or a truncated list is caught;
 * - each outcome has exactly the shape a replication of its point produces (the same fields,
 *   typed arrays of the same length, numbers where numbers go), checked before it is decoded,
 *   so a crafted length cannot allocate gigabytes and a missing field cannot crash the fold;
 * - each outcome's seed is `replicationSeed(seed, replication)` for its job, so outcomes
 *   moved, swapped or copied between jobs are caught even when the digest was recomputed.
 *
 * The digest protects against accidents and naive edits only: anyone can recompute it. It is
 * not a signature, and a file from someone you do not trust can still hold made-up numbers.
 */
import { z } from 'zod';
import { replicationSeed } from '../engine/random.ts';
import { deeperThan } from '../model/json-depth.ts';
import { formatPath } from '../model/parse.ts';
import type { Scenario } from '../model/scenario.ts';
import type { ReplicationOutcome } from '../network/outcome.ts';
import { Replication } from '../network/simulation.ts';
import { compileTopology } from '../network/topology.ts';
import { gridError } from './axes.ts';
import { decodeOutcome, type EncodedOutcome, encodeOutcome } from './outcome-codec.ts';
import { sha256 } from './sha256.ts';

/**
 * The file's format. It changes whenever an outcome's shape does (3: economics count the work
 * turned away), so a file from an older flowlab is told to be run again rather than refused
 * for a field it could not have.
 */
export const PARTIAL_VERSION = 3;

/** Deeper than any partial result (an outcome's fields nest 5 levels, a scenario about 7). */
const MAX_DEPTH = 64;

const whole = (what: string, min: number) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(min, { error: `${what} must be at least ${min}` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${what} is too large` });

const shardFileSchema = z.strictObject({
  format: z.literal('flowlab-partial'),
  version: z.literal(PARTIAL_VERSION),
  kind: z.enum(['run', 'sweep'], { error: 'kind must be "run" or "sweep"' }),
  document: z.unknown(),
  axes: z.array(
    z.strictObject({
      path: z.string({ error: 'an axis path must be text' }),
      values: z.array(z.unknown(), { error: 'an axis needs a list of values' }),
    }),
    { error: 'axes must be a list' },
  ),
  seed: whole('seed', 0),
  replications: whole('replications', 1),
  shard: z
    .strictObject({ index: whole('the shard number', 1), count: whole('the number of shards', 1) })
    .refine((s) => s.index <= s.count, { error: 'the shard number must be at most the number of shards' }),
  jobs: whole('jobs', 0),
  outcomes: z.array(
    z.strictObject({
      job: whole('job', 0),
      outcome: z.union(
        [
          z.strictObject({ error: z.string() }),
          z.strictObject({ encoded: z.literal('flowlab-outcome-1'), value: z.unknown() }),
        ],
        { error: 'an outcome must be an encoded outcome or { "error": text }' },
      ),
    }),
    { error: 'outcomes must be a list' },
  ),
  digest: z.string({ error: 'digest must be text' }).regex(/^[0-9a-f]{64}$/, {
    error: 'digest must be 64 hex digits (SHA-256)',
  }),
});

/** What `run --shard` and `sweep --shard` write. */
export type PartialResult = Omit<z.infer<typeof shardFileSchema>, 'outcomes'> & {
  outcomes: { job: number; outcome: EncodedOutcome | { error: string } }[];
};

/** The content a digest covers: JSON with every object's keys sorted, the digest left out. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function digestOf(partial: Omit<PartialResult, 'digest'> & { digest?: unknown }): string {
  const { digest: _, ...content } = partial;
  return sha256(canonicalJson(content));
}

/** The file as a partial result, or the reason (with the field's path) it is not a sound one. */
export function checkPartialFile(value: unknown): PartialResult | string {
  const head = value as { format?: unknown; version?: unknown } | null;
  if (head === null || typeof head !== 'object' || Array.isArray(head) || head.format !== 'flowlab-partial')
    return 'not a partial result (flowlab run or sweep with --shard writes them)';
  if (head.version !== PARTIAL_VERSION)
    return `version: written by another version of flowlab (format ${JSON.stringify(head.version)}; this one reads ${PARTIAL_VERSION}): run the shards again with this version`;
  if (deeperThan(value, MAX_DEPTH))
    return `nests deeper than ${MAX_DEPTH} levels, which no partial result does`;
  const parsed = shardFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    return `${formatPath(at) || 'the file'}: ${issue.message}`;
  }
  const partial = parsed.data as PartialResult;
  const tooBig = gridError(partial.axes);
  if (tooBig !== undefined) return `axes: ${tooBig}`;
  if (digestOf(partial) !== partial.digest)
    return 'digest: the content does not match its digest: the file was changed after flowlab wrote it, or is damaged';
  const { index, count } = partial.shard;
  let previous = -1;
  for (const [i, { job }] of partial.outcomes.entries()) {
    if (job >= partial.jobs) return `outcomes[${i}].job: job ${job} is beyond the run's ${partial.jobs} jobs`;
    if (job % count !== index - 1)
      return `outcomes[${i}].job: job ${job} belongs to shard ${(job % count) + 1}/${count}, not ${index}/${count}`;
    if (job <= previous) return `outcomes[${i}].job: job ${job} is out of order or given twice`;
    previous = job;
  }
  const expected = partial.jobs > index - 1 ? Math.ceil((partial.jobs - (index - 1)) / count) : 0;
  if (partial.outcomes.length !== expected)
    return `outcomes: ${partial.outcomes.length} of this shard's ${expected} replications (the file is incomplete)`;
  return partial;
}

/** Makes the outcome templates of a plan's points, once each: a fresh replication's outcome. */
export function outcomeTemplates(): (scenario: Scenario) => unknown {
  const templates = new Map<Scenario, unknown>();
  return (scenario) => {
    let template = templates.get(scenario);
    if (template === undefined) {
      const fresh = new Replication(scenario, compileTopology(scenario), 0).outcome();
      template = encodeOutcome(fresh).value;
      templates.set(scenario, template);
    }
    return template;
  };
}

/**
 * The decoded outcome of job `replication`, or the reason it is not sound: its shape checked
 * against `template` (an encoded fresh outcome of the same scenario) before decoding, its seed
 * against the replication's.
 */
export function checkedOutcome(
  encoded: EncodedOutcome,
  template: unknown,
  runSeed: number,
  replication: number,
): ReplicationOutcome | string {
  const problem =
    shapeProblem(encoded.value, template, ['value'], true) ??
    sizeProblem(encoded.value, template) ??
    countProblem(encoded.value);
  if (problem) return `${formatPath(['outcome', ...problem[0]])}: ${problem[1]}`;
  const outcome = decodeOutcome(encoded);
  const seed = replicationSeed(runSeed, replication);
  if (outcome.seed !== seed)
    return `outcome.value.seed: ${outcome.seed} is not the seed of replication ${replication + 1} (${seed}): the outcome was moved, copied or edited`;
  return outcome;
}

type Problem = [(string | number)[], string];

/**
 * Numbers that size the loops of the fold: they must be those of a replication of this very
 * scenario, or a crafted file could make folding it take hours (a series of a billion points).
 * Fields of the outcome, and of the classes it holds by their codec names; `[count, max]`
 * pairs are counts that may grow up to the template's maximum.
 */
const FIXED_SIZES: readonly (readonly string[])[] = [['window'], ['windows', 'count'], ['windows', 'width']];
const CLASS_SIZES: Record<string, { same: string[]; count?: [string, string] }> = {
  series: { same: ['start', 'baseInterval', 'channels', 'maxPoints'], count: ['points', 'maxPoints'] },
  points: { same: ['maxPoints'], count: ['size', 'maxPoints'] },
};

/** The first size in an outcome (already of the right shape) that is not its template's. */
function sizeProblem(value: unknown, template: unknown): Problem | undefined {
  const at = (root: unknown, path: readonly (string | number)[]) =>
    path.reduce<unknown>((here, k) => (here as Record<string | number, unknown>)[k], root);
  for (const path of FIXED_SIZES)
    if (at(value, path) !== at(template, path))
      return [['value', ...path], `must be ${JSON.stringify(at(template, path))}, as this scenario gives`];
  // Every class instance, wherever it is: walk the template and the value side by side.
  const stack: [unknown, unknown, (string | number)[]][] = [[value, template, ['value']]];
  while (stack.length > 0) {
    const [v, t, path] = stack.pop() as [unknown, unknown, (string | number)[]];
    if (t === null || typeof t !== 'object') continue;
    const sizes = CLASS_SIZES[(t as { $c?: string }).$c ?? ''];
    if (sizes) {
      const vf = (v as { f: Record<string, unknown> }).f;
      const tf = (t as { f: Record<string, unknown> }).f;
      for (const key of sizes.same)
        if (vf[key] !== tf[key])
          return [[...path, 'f', key], `must be ${JSON.stringify(tf[key])}, as this scenario gives`];
      if (sizes.count) {
        const [key, max] = sizes.count;
        const n = vf[key];
        if (!Number.isInteger(n) || (n as number) < 0 || (n as number) > (tf[max] as number))
          return [[...path, 'f', key], `must be a whole number from 0 to ${tf[max]}`];
      }
    }
    for (const [key, child] of Object.entries(t))
      stack.push([
        (v as Record<string, unknown>)[key],
        child,
        [...path, Array.isArray(t) ? Number(key) : key],
      ]);
  }
  return undefined;
}

const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;

const COUNT_RULE = 'must be a whole number of at least 0';

/**
 * The counts the report says as items of work turned away (an outcome already of the right
 * shape): the arrivals turned away, and with economics each class's part of them, whole
 * numbers that add up to that total, as the engine counts them (network/moves.ts, reject).
 * A digest recomputed over "NaN" or -431 would otherwise merge into "turned away NaN items".
 */
function countProblem(value: unknown): Problem | undefined {
  const { rejected, economics } = value as { rejected: unknown; economics?: { turnedAway: unknown } };
  if (!isCount(rejected)) return [['value', 'rejected'], COUNT_RULE];
  if (!economics) return undefined;
  const counts = (economics.turnedAway as { v: unknown[] }).v;
  let sum = 0;
  for (const [i, n] of counts.entries()) {
    if (!isCount(n)) return [['value', 'economics', 'turnedAway', 'v', i], COUNT_RULE];
    sum += n;
  }
  if (sum !== rejected)
    return [
      ['value', 'economics', 'turnedAway'],
      `its classes' counts add up to ${sum}, not the ${rejected} arrivals turned away (rejected): each is counted once, by its class`,
    ];
  return undefined;
}

const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity', '-0']);

/** A number as the codec writes it: a finite number, or a tagged infinity, NaN or -0. */
function isNumber(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === '$n' && NON_FINITE.has((v as { $n: unknown }).$n as string);
}

function shapeProblem(
  value: unknown,
  template: unknown,
  at: (string | number)[],
  top = false,
): Problem | undefined {
  if (isNumber(template)) return isNumber(value) ? undefined : [at, 'must be a number'];
  if (template === null || typeof template !== 'object')
    return typeof value === typeof template && (value === null) === (template === null)
      ? undefined
      : [at, `must be ${template === null ? 'null' : `a ${typeof template}`}`];
  if (Array.isArray(template)) {
    if (!Array.isArray(value) || value.length !== template.length)
      return [at, `must be a list of ${template.length}`];
    for (let i = 0; i < template.length; i++) {
      const p = shapeProblem(value[i], template[i], [...at, i]);
      if (p) return p;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [at, 'must be an object'];
  const t = template as Record<string, unknown>;
  const v = value as Record<string, unknown>;
  if (typeof t.$t === 'string')
    return at.at(-1) === 'moves' && (t as TypedTemplate).length === 0
      ? movePairsProblem(v, at)
      : typedProblem(v, t as TypedTemplate, at);
  if (typeof t.$c === 'string') {
    if (v.$c !== t.$c || Object.keys(v).length !== 2) return [at, `must be an encoded ${t.$c}`];
    return shapeProblem(v.f, t.f, [...at, 'f']);
  }
  for (const key of Object.keys(t)) {
    if (!Object.hasOwn(v, key)) return [[...at, key], 'is required'];
    const p = shapeProblem(v[key], t[key], [...at, key]);
    if (p) return p;
  }
  for (const key of Object.keys(v)) {
    if (Object.hasOwn(t, key)) continue;
    // Only an outcome itself has fields a fresh one lacks: where a run that stopped early
    // stopped, as plain data. A part the scenario does not have (economics, a release's
    // deployments, blockers) would add measures, and columns to a sweep, that it cannot have.
    if (!top || !STOP_PLACES.has(key))
      return [
        [...at, key],
        top && Object.hasOwn(FEATURES, key)
          ? `is not a field of this scenario's outcomes: it has ${FEATURES[key]}`
          : 'is not a field of an outcome',
      ];
    if (/"\$[ntc]"/.test(JSON.stringify(v[key]))) return [[...at, key], 'must be plain data'];
  }
  return undefined;
}

/** What an outcome holds only when its run stopped early (network/simulation.ts). */
const STOP_PLACES = new Set(['deadlock', 'stalled', 'overflow']);

/** An outcome's parts that only some scenarios have (network/outcome.ts), and what their absence means. */
const FEATURES: Record<string, string> = {
  economics: 'no cost of delay, value or cost of capacity',
  releases: 'no release step',
  blockers: 'no blocker',
  agingBlocked: 'no blocker',
  joins: 'no parallel step',
};

type TypedTemplate = { $t: string; length: number };

/**
 * A large network's moves are the pairs its run used, as [key, count, ...] (move-counts.ts),
 * so their number is the run's own: an even length, the keys' slots in increasing order.
 */
function movePairsProblem(v: Record<string, unknown>, at: (string | number)[]): Problem | undefined {
  const length = v.length;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length % 2 !== 0)
    return [at, 'must be an encoded f64 array of [node pair, count] pairs'];
  return typedProblem(v, { $t: 'f64', length }, at);
}

function typedProblem(
  v: Record<string, unknown>,
  t: TypedTemplate,
  at: (string | number)[],
): Problem | undefined {
  if (v.$t !== t.$t || v.length !== t.length || Object.keys(v).length !== 4)
    return [at, `must be an encoded ${t.$t} array of ${t.length}`];
  const { at: slots, v: values } = v;
  if (!Array.isArray(slots) || !Array.isArray(values) || slots.length !== values.length)
    return [at, 'must list as many slots ("at") as values ("v")'];
  let previous = -1;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    if (!Number.isInteger(slot) || slot <= previous || slot >= t.length)
      return [[...at, 'at', i], `must be a slot in increasing order below ${t.length}`];
    previous = slot;
    if (!isNumber(values[i])) return [[...at, 'v', i], 'must be a number'];
  }
  return undefined;
}
