/**
 * A replication's outcome as plain JSON and back, exactly: every double comes back with the
 * same bits, so results folded from outcomes that went through a worker thread or a shard
 * file are byte-identical to those folded in one process.
 *
 * Finite doubles survive JSON as they are (JavaScript prints the shortest text that reads
 * back to the same double). Infinities and NaN, typed arrays (stored sparsely: most slots of
 * a histogram are empty) and the streaming-statistics classes are tagged.
 */
import { QuantileHistogram } from '../metrics/histogram.ts';
import { SeriesRecorder } from '../metrics/series.ts';
import { RunningSummary } from '../metrics/summary.ts';
import { ThinnedPoints } from '../metrics/thinned-points.ts';
import type { ReplicationOutcome } from '../network/outcome.ts';

/** The classes an outcome holds, by a name that does not change when code is minified. */
const CLASSES: Record<string, { prototype: object }> = {
  summary: RunningSummary,
  histogram: QuantileHistogram,
  series: SeriesRecorder,
  points: ThinnedPoints,
};

export type EncodedOutcome = { readonly encoded: 'flowlab-outcome-1'; readonly value: unknown };

export function encodeOutcome(outcome: ReplicationOutcome): EncodedOutcome {
  return { encoded: 'flowlab-outcome-1', value: encode(outcome) };
}

export function decodeOutcome(encoded: EncodedOutcome): ReplicationOutcome {
  if (encoded?.encoded !== 'flowlab-outcome-1')
    throw new Error('not an outcome written by this version of flowlab');
  return decode(encoded.value) as ReplicationOutcome;
}

function encode(value: unknown): unknown {
  if (typeof value === 'number')
    return Number.isFinite(value) && !Object.is(value, -0)
      ? value
      : { $n: Object.is(value, -0) ? '-0' : String(value) };
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Float64Array || value instanceof Int32Array) return encodeTyped(value);
  if (Array.isArray(value)) return value.map(encode);
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) fields[key] = encode(field);
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype) return fields;
  const name = Object.keys(CLASSES).find((k) => CLASSES[k].prototype === prototype);
  if (!name)
    throw new Error(`cannot encode an instance of ${prototype?.constructor?.name ?? 'an unknown class'}`);
  return { $c: name, f: fields };
}

function encodeTyped(array: Float64Array | Int32Array) {
  const at: number[] = [];
  const v: unknown[] = [];
  for (let i = 0; i < array.length; i++) {
    if (Object.is(array[i], 0)) continue;
    at.push(i);
    v.push(encode(array[i]));
  }
  return { $t: array instanceof Float64Array ? 'f64' : 'i32', length: array.length, at, v };
}

function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  const tagged = value as Record<string, unknown>;
  if (typeof tagged.$n === 'string') return Number(tagged.$n);
  if (typeof tagged.$t === 'string') {
    const array =
      tagged.$t === 'f64'
        ? new Float64Array(tagged.length as number)
        : new Int32Array(tagged.length as number);
    const at = tagged.at as number[];
    const v = tagged.v as unknown[];
    for (let i = 0; i < at.length; i++) array[at[i]] = decode(v[i]) as number;
    return array;
  }
  if (typeof tagged.$c === 'string') {
    const cls = CLASSES[tagged.$c];
    if (!cls) throw new Error(`unknown class "${tagged.$c}" in an outcome`);
    const instance = Object.create(cls.prototype);
    for (const [key, field] of Object.entries(tagged.f as Record<string, unknown>))
      instance[key] = decode(field);
    return instance;
  }
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(tagged)) fields[key] = decode(field);
  return fields;
}
