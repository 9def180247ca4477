/**
 * A fingerprint of the bits the engine's elementary functions give, and the platform's, over
 * inputs like the ones the samplers, the moments and the reliability record feed them. The
 * same module runs in Node and, bundled, in a browser's Web Worker; equal fingerprints mean
 * equal bits for every input. Inputs are made with integer and `+ - * /` arithmetic only, so
 * they are the same everywhere.
 */
import { exp, expm1, log, log1p, pow } from '../../src/engine/math.ts';

type Unary = (x: number) => number;
type Binary = (x: number, y: number) => number;

interface Functions {
  log: Unary;
  exp: Unary;
  log1p: Unary;
  pow: Binary;
  expm1: Unary;
}

const own: Functions = { log, exp, log1p, pow, expm1 };
const platform: Functions = {
  log: Math.log,
  exp: Math.exp,
  log1p: Math.log1p,
  pow: Math.pow,
  expm1: Math.expm1,
};

/** Fingerprints by case name, e.g. `{ "log(1 - U)": "5f2c09a1", ... }`. */
export type Fingerprints = Record<string, string>;

export interface Probe {
  inputs: number;
  own: Fingerprints;
  platform: Fingerprints;
}

const word = new Float64Array(1);
const half = new Uint32Array(word.buffer);

/** xorshift32: 32 random bits per call, from integer arithmetic only. */
function bitsStream(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** A double from 64 random bits, finite and not NaN. */
function anyDouble(next: () => number): number {
  do {
    half[0] = next();
    half[1] = next();
  } while (!Number.isFinite(word[0]));
  return word[0];
}

/** FNV-1a over the two 32-bit words of each value. */
function fingerprintOf(values: (i: number) => number, n: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) {
    word[0] = values(i);
    h = Math.imul(h ^ half[0], 0x01000193);
    h = Math.imul(h ^ half[1], 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function cases(f: Functions, n: number): Fingerprints {
  const next = bitsStream(20_260_101);
  // 1 - U for a 32-bit uniform U, in (0, 1]: what the samplers take logarithms and powers of.
  const u = Float64Array.from({ length: n }, () => 1 - next() / 2 ** 32);
  const x = Float64Array.from({ length: n }, () => anyDouble(next));
  const y = Float64Array.from({ length: n }, () => anyDouble(next));
  const inverseShape = (i: number) => 1 / (0.1 + (i % 97) / 10);
  return {
    'log(1 - U)': fingerprintOf((i) => f.log(u[i]), n),
    'log(any positive)': fingerprintOf((i) => f.log(Math.abs(x[i])), n),
    'exp(-50 to 10)': fingerprintOf((i) => f.exp(-50 + 60 * u[i]), n),
    'exp(-745 to 710)': fingerprintOf((i) => f.exp(-745 + 1455 * u[i]), n),
    'log1p(-1 to 11)': fingerprintOf((i) => f.log1p(-1 + 12 * u[i]), n),
    'log1p(near 0)': fingerprintOf((i) => f.log1p((u[i] - 0.5) * 1e-3), n),
    '(1 - U)^(1/shape)': fingerprintOf((i) => f.pow(u[i], inverseShape(i)), n),
    '(-ln(1 - U))^(1/shape)': fingerprintOf((i) => f.pow(-f.log(u[i]), inverseShape(i)), n),
    'pow(any, any)': fingerprintOf((i) => f.pow(x[i], y[i]), n),
    'pow(any, integer)': fingerprintOf((i) => f.pow(x[i], (i % 41) - 20), n),
    'expm1(near 0)': fingerprintOf((i) => f.expm1((u[i] - 0.5) * 1e-3), n),
  };
}

/** Fingerprints of the engine's functions and of the platform's, over n inputs per case. */
export function probe(n: number): Probe {
  return { inputs: n, own: cases(own, n), platform: cases(platform, n) };
}
