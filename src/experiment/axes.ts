/**
 * Sweep axes as written on the command line: `path=values`, where values are a list
 * (`1,2,3` or `fixed,shortest-queue`), a range with a step (`0.5:0.95:0.05`, both ends
 * included) or a range with a number of points (`0.5:0.95/10`). Paths are those of `--set`
 * (nodes and demand by id), plus `utilization.NODE`: the arrival rate that gives that node
 * the offered load.
 */
import { pathKeys, readValue } from '../model/overrides.ts';

/**
 * The most points an axis, and a whole grid, may have. Every point is planned up front (a
 * copy of the scenario, validated) and keeps its result to the end, so a grid is held in
 * memory whole: 10,000 points already take a long time to run.
 */
export const MAX_POINTS = 10_000;

export interface SweepAxis {
  path: string;
  values: unknown[];
}

/** The axis, or the reason the text is not one. */
export function parseAxis(text: string): SweepAxis | string {
  const eq = text.indexOf('=');
  if (eq <= 0) return `--vary needs path=values, e.g. nodes.review.capacity=1,2,3 (got "${text}")`;
  const path = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const keys = pathKeys(path);
  if (typeof keys === 'string') return `--vary ${path}: ${keys}`;
  if (spec === '') return `--vary ${path}: no values`;
  const range = /^(-?[\d.eE+-]+):(-?[\d.eE+-]+)(?::([\d.eE+-]+)|\/(\d+))$/.exec(spec);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (!Number.isFinite(from) || !Number.isFinite(to))
      return `--vary ${path}: "${spec}" is not a range of numbers`;
    if (range[4] !== undefined) {
      const count = Number(range[4]);
      if (count < 2) return `--vary ${path}: a range needs at least 2 points (got ${count})`;
      if (count > MAX_POINTS) return tooMany(path, count);
      return {
        path,
        values: Array.from({ length: count }, (_, i) => tidy(from + ((to - from) * i) / (count - 1))),
      };
    }
    const step = Number(range[3]);
    if (!(step > 0)) return `--vary ${path}: the step must be a number above 0 (got "${range[3]}")`;
    if (to < from) return `--vary ${path}: the range must go up (got ${from} to ${to})`;
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_POINTS) return tooMany(path, count);
    return { path, values: Array.from({ length: count }, (_, i) => tidy(from + i * step)) };
  }
  const values = listItems(spec);
  if (values.length > MAX_POINTS) return tooMany(path, values.length);
  return { path, values: values.map((v) => readValue(v.trim())) };
}

/**
 * A list's items, split at the commas that are not inside a JSON object, array or string, so
 * that `{"perServer":10,"perHour":2},{"perServer":20,"perHour":2}` is two values.
 */
function listItems(spec: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      items.push(spec.slice(start, i));
      start = i + 1;
    }
  }
  items.push(spec.slice(start));
  return items;
}

/** A swept value as the table and the CSV show it: an object or a list as the JSON it was given in. */
export function axisValueText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function tooMany(path: string, count: number): string {
  return `--vary ${path}: ${count.toLocaleString('en')} points is too many for one axis (at most ${MAX_POINTS.toLocaleString('en')})`;
}

/** Why the axes make too big a grid, or undefined when they do not. */
export function gridError(axes: readonly SweepAxis[]): string | undefined {
  const size = axes.reduce((product, axis) => product * axis.values.length, 1);
  if (size <= MAX_POINTS) return undefined;
  const sizes = axes.map((a) => a.values.length.toLocaleString('en')).join(' x ');
  return (
    `the grid has ${sizes} = ${size.toLocaleString('en')} points, too many for one sweep ` +
    `(at most ${MAX_POINTS.toLocaleString('en')}); use fewer values, or split it into several sweeps`
  );
}

/** 0.1 + 0.2 as 0.3: a swept value is shown and stored as the number the user meant. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/** Every combination of the axes' values, the first axis varying slowest; at most MAX_POINTS. */
export function gridOf(axes: readonly SweepAxis[]): Record<string, unknown>[] {
  const tooBig = gridError(axes);
  if (tooBig !== undefined) throw new RangeError(tooBig);
  let points: Record<string, unknown>[] = [{}];
  for (const axis of axes) points = points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.path]: v })));
  return points;
}
