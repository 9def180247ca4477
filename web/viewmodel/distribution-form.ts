/**
 * A time distribution as the form edits it: a shape chosen from those the schema allows, and
 * its parameters as typed. A shape changed in the form keeps the mean, and the variability
 * as far as the new shape can carry it, so "make review lognormal" changes the spread of
 * review times, not how long review takes on average. Each comes with a small picture of its
 * shape, drawn from the engine's own sampler.
 */
import type { Distribution } from '../../src/index.ts';
import { distributionVariance, makeSampler, randomStream } from '../../src/runner.ts';
import { meanOf, tidy } from './distribution-scale.ts';

/** What the form shows for a distribution; `bare` when the file wrote a constant as a bare number. */
export interface DistributionForm {
  shape: string;
  params: Record<string, string>;
  bare?: boolean;
}

/** What each parameter is called beside its input, and how it is read. */
export const PARAMETERS: Record<
  string,
  { label: string; kind: 'time' | 'ratio' | 'count' | 'times'; money?: string }
> = {
  value: { label: 'value', kind: 'time' },
  mean: { label: 'mean', kind: 'time' },
  cv: { label: 'variability (cv)', kind: 'ratio' },
  sd: { label: 'sd', kind: 'time' },
  min: { label: 'shortest', kind: 'time', money: 'lowest' },
  mode: { label: 'most likely', kind: 'time' },
  max: { label: 'longest', kind: 'time', money: 'highest' },
  k: { label: 'phases (k)', kind: 'count' },
  shape: { label: 'shape', kind: 'ratio' },
  scale: { label: 'scale', kind: 'time' },
  values: { label: 'measured times', kind: 'times', money: 'measured amounts' },
};

/**
 * What a distribution in the form is of: a time, in the scenario's time unit, or an amount of
 * money (a class's value per item), which has no unit. The field table says which
 * (form-fields.ts: `unit: 'money'`), and the widget words its fields by it, in the words the
 * schema's messages use for the same quantity (src/model/distribution.ts).
 */
export type Quantity = 'time' | 'money';

export function quantityOf(spec: { unit?: string }): Quantity {
  return spec.unit === 'money' ? 'money' : 'time';
}

/** How the widget speaks of what it edits. */
export const QUANTITY_WORDS = {
  time: {
    /** Counted in the fold's summary: "12 times". */
    noun: 'time',
    placeholder: 'paste measured times: 1.5, 2, 4 …',
    invalid: 'the time must be a number of at least 0',
  },
  money: {
    noun: 'amount',
    placeholder: 'paste measured amounts: 500, 800, 1200 …',
    invalid: 'the amount must be a number of at least 0',
  },
} as const satisfies Record<Quantity, { noun: string; placeholder: string; invalid: string }>;

/** A parameter's label for a distribution of `quantity`: "shortest" of a time is "lowest" of money. */
export function parameterLabel(key: string, quantity: Quantity): string {
  const p = PARAMETERS[key];
  if (!p) return key;
  return quantity === 'money' ? (p.money ?? p.label) : p.label;
}

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The form's view of a distribution in a document (which may be half-typed). */
export function distributionForm(value: unknown): DistributionForm {
  if (typeof value === 'number') return { shape: 'constant', params: { value: String(value) }, bare: true };
  const d = record(value);
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(d))
    if (k !== 'dist')
      params[k] = Array.isArray(v) ? v.map(String).join(', ') : v === undefined ? '' : String(v);
  return { shape: typeof d.dist === 'string' ? d.dist : '', params };
}

/**
 * The document's value for what the form shows. Text that is not a number is kept as text,
 * so the schema can say what is wrong with it beside the field.
 */
export function distributionValue(form: DistributionForm): unknown {
  if (form.bare && form.shape === 'constant' && Object.keys(form.params).join() === 'value')
    return readNumber(form.params.value);
  const out: Record<string, unknown> = { dist: form.shape };
  for (const [k, text] of Object.entries(form.params)) {
    if (PARAMETERS[k]?.kind === 'times') out[k] = readTimes(text);
    else out[k] = readNumber(text);
  }
  return out;
}

function readNumber(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** Measured times pasted from a spreadsheet or typed: separated by commas, spaces, tabs or lines. */
export function readTimes(text: string): (number | string)[] {
  return text
    .split(/[\s,;]+/)
    .filter((t) => t !== '')
    .map((t) => readNumber(t) as number | string);
}

/**
 * The same distribution's parameter set to `text`; a constant written as a bare number
 * stays bare.
 */
export function withParameter(value: unknown, key: string, text: string): unknown {
  const form = distributionForm(value);
  return distributionValue({ ...form, params: { ...form.params, [key]: text } });
}

/**
 * `value` as a distribution of shape `to`, with the same mean and, where the shape has a
 * parameter for it, the same coefficient of variation (sd / mean). A shape with no
 * variability parameter takes what it has: an exponential's cv is 1, a constant's 0.
 */
export function withShape(value: unknown, to: string): unknown {
  const m = meanOf(value) > 0 ? meanOf(value) : 1;
  const variance = safeVariance(value);
  const measured = Math.sqrt(variance) / m;
  // A shape that needs variability, made from a constant, gets a moderate one to start from.
  const cv = measured > 0 && Number.isFinite(measured) ? measured : 0.5;
  const t = (x: number) => tidy(x);
  switch (to) {
    case 'constant':
      return { dist: 'constant', value: t(m) };
    case 'exponential':
      return { dist: 'exponential', mean: t(m) };
    case 'uniform': {
      // Var = (max - min)^2 / 12: a half-width of sqrt(3) sd, kept above 0.
      const half = Math.min(Math.sqrt(3) * cv * m, m);
      return { dist: 'uniform', min: t(m - half), max: t(m + half) };
    }
    case 'triangular': {
      // A symmetric triangle of half-width w has Var = w^2 / 6.
      const w = Math.min(Math.sqrt(6) * cv * m, m);
      return { dist: 'triangular', min: t(m - w), mode: t(m), max: t(m + w) };
    }
    case 'normal':
      return { dist: 'normal', mean: t(m), sd: t(cv * m) };
    case 'lognormal':
    case 'gamma':
      return { dist: to, mean: t(m), cv: t(cv) };
    case 'erlang':
      // cv = 1 / sqrt(k), so k = 1 / cv^2, whole and at least 1.
      return { dist: 'erlang', mean: t(m), k: Math.max(1, Math.min(10_000, Math.round(1 / (cv * cv)))) };
    case 'weibull':
      // Shape 1 is the exponential, whose scale is its mean.
      return { dist: 'weibull', shape: 1, scale: t(m) };
    case 'empirical': {
      const form = distributionForm(value);
      return form.shape === 'empirical' ? value : { dist: 'empirical', values: [t(m)] };
    }
    default:
      return { dist: to };
  }
}

function safeVariance(value: unknown): number {
  try {
    const v = distributionVariance(value as Distribution);
    return typeof v === 'number' && v >= 0 ? v : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** A histogram of a distribution's shape, for the small picture beside it. */
export interface ShapePreview {
  /** Share of draws in each bin, the largest scaled to 1. */
  heights: number[];
  /** The right edge of the last bin: the 99th percentile of the draws. */
  upTo: number;
}

const PREVIEW_DRAWS = 2000;

/**
 * What a distribution's draws look like: PREVIEW_DRAWS draws from the engine's sampler on a
 * stream of their own (the same picture every time), in `bins` bins from 0 to the 99th
 * percentile, where a long tail does not flatten the rest. Null when the value is not a
 * distribution the sampler can draw from.
 */
export function shapePreview(value: unknown, bins = 24): ShapePreview | null {
  // The form redraws every distribution's picture as the document changes: each is drawn once.
  const key = `${bins}:${JSON.stringify(value)}`;
  const known = previews.get(key);
  if (known !== undefined) return known;
  const drawn = drawPreview(value, bins);
  if (previews.size >= 500) previews.clear();
  previews.set(key, drawn);
  return drawn;
}

const previews = new Map<string, ShapePreview | null>();

function drawPreview(value: unknown, bins: number): ShapePreview | null {
  if (!(meanOf(value) >= 0)) return null;
  let draws: number[];
  try {
    const sample = makeSampler(value as Distribution);
    const random = randomStream(1, 'form-preview');
    draws = Array.from({ length: PREVIEW_DRAWS }, () => sample(random));
  } catch {
    return null;
  }
  if (draws.some((x) => !Number.isFinite(x) || x < 0)) return null;
  draws.sort((a, b) => a - b);
  const top = draws[Math.floor(0.99 * (draws.length - 1))];
  const upTo = top > 0 ? top : Math.max(draws[draws.length - 1], 1);
  const counts = new Array<number>(bins).fill(0);
  for (const x of draws) if (x <= upTo) counts[Math.min(bins - 1, Math.floor((x / upTo) * bins))]++;
  const most = Math.max(...counts);
  return { heights: counts.map((c) => c / most), upTo };
}
