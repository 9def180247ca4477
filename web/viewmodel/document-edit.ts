/**
 * Changing one value in a scenario document without touching the rest: the form's edits
 * are applied to the JSON the coach sees, so form and editor always show the same scenario.
 */
import type { JsonPath } from './json-locate.ts';

/** A copy of `doc` with the value at `path` set (or removed when `value` is undefined). */
export function setAt(doc: unknown, path: JsonPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(doc)) {
    const copy = [...doc];
    copy[head as number] = setAt(doc[head as number], rest, value);
    return copy;
  }
  const base = doc && typeof doc === 'object' ? (doc as Record<string, unknown>) : {};
  const child = setAt(base[head], rest, value);
  if (child === undefined) {
    const { [head]: _removed, ...others } = base;
    return others;
  }
  return { ...base, [head]: child };
}

export function getAt(doc: unknown, path: JsonPath): unknown {
  let here = doc;
  for (const k of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, unknown>)[k];
  }
  return here;
}

/**
 * What a form input's text means as a JSON value: a number when it reads as one, nothing
 * when empty (an optional field removed), otherwise the text itself, so validation can say
 * what is wrong with it instead of the form silently dropping it.
 */
export function readInput(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

/**
 * Sets an optional setting, or removes it when `value` is undefined together with any object
 * it leaves empty: clearing "batch size" removes `batch`, rather than leaving `batch: {}`,
 * which the schema would reject, behind.
 */
export function setOptional(doc: unknown, path: JsonPath, value: unknown, keepDepth: number): unknown {
  let next = setAt(doc, path, value);
  if (value !== undefined) return next;
  for (let n = path.length - 1; n > keepDepth; n--) {
    const parent = getAt(next, path.slice(0, n));
    if (parent && typeof parent === 'object' && !Array.isArray(parent) && Object.keys(parent).length === 0)
      next = setAt(next, path.slice(0, n), undefined);
    else break;
  }
  return next;
}
