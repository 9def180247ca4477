/**
 * `--set path=value` overrides, applied to the scenario as written, before validation,
 * so an override is checked by exactly the same rules as the file itself.
 *
 * Paths use dots; nodes and demand classes are addressed by id (`nodes.review.capacity`)
 * or by index (`nodes.0.capacity`). A key in square brackets is taken whole, dots and all,
 * so ids with dots stay addressable: `nodes[my.team].capacity`; inside the brackets a JSON
 * string takes any text at all: `nodes.devs.serves["odd]name"]`. Values are read as JSON when
 * they parse as JSON (`3`, `true`, `{"dist":"exponential","mean":2}`) and as plain text
 * otherwise (`fixed`).
 *
 * `__proto__`, `constructor` and `prototype` are refused anywhere in a path: assigning
 * through them would change JavaScript's shared object prototype (prototype pollution),
 * for the command line and for every library user alike.
 */
import { documentProblem, type ScenarioProblem } from './parse.ts';

export type OverrideOutcome = { ok: true; value: unknown } | { ok: false; problems: ScenarioProblem[] };

/** Keys that reach an object's prototype rather than the object itself. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function applyOverrides(document: unknown, assignments: readonly string[]): OverrideOutcome {
  // Copying recurses: a document nested thousands deep would exhaust the stack.
  const malformed = documentProblem(document);
  if (malformed) return { ok: false, problems: [malformed] };
  let value = structuredClone(document);
  const problems: ScenarioProblem[] = [];
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) {
      problems.push(
        problem(assignment, `--set needs path=value, e.g. run.duration=500 (got "${assignment}")`),
      );
      continue;
    }
    const outcome = setPath(value, assignment.slice(0, eq).trim(), readValue(assignment.slice(eq + 1)));
    if (typeof outcome === 'string') problems.push(problem(assignment.slice(0, eq).trim(), outcome));
    else value = outcome.value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** Reads an override's value: JSON where it is JSON, otherwise the text itself. */
export function readValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The keys of a path (`nodes[my.team].capacity` is `nodes`, `my.team`, `capacity`), or the
 * reason it is not a path.
 */
export function pathKeys(path: string): string[] | string {
  const keys: string[] = [];
  let i = 0;
  // After a key: the path ends, or a dot or a bracket starts the next key.
  let expectKey = true;
  while (i < path.length) {
    if (path[i] === '[') {
      const quoted = /^"(?:[^"\\]|\\.)*"\]/.exec(path.slice(i + 1));
      let key: string;
      if (quoted) {
        key = JSON.parse(quoted[0].slice(0, -1)) as string;
        i += 1 + quoted[0].length;
      } else {
        const close = path.indexOf(']', i);
        if (close < 0) return `"${path}" is not a valid path (a "[" without its "]")`;
        key = path.slice(i + 1, close);
        i = close + 1;
      }
      if (key === '') return `"${path}" is not a valid path (empty brackets)`;
      keys.push(key);
      expectKey = false;
      if (path[i] === '.') {
        i++;
        expectKey = true;
        if (i === path.length) return `"${path}" is not a valid path (empty segment)`;
      } else if (i < path.length && path[i] !== '[')
        return `"${path}" is not a valid path (a "." or "[" must follow "]")`;
      continue;
    }
    let end = i;
    while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
    const key = path.slice(i, end);
    if (key === '' || !expectKey) return `"${path}" is not a valid path (empty segment)`;
    if (key.includes(']')) return `"${path}" is not a valid path (a "]" without its "[")`;
    keys.push(key);
    i = end;
    expectKey = false;
    if (path[i] === '.') {
      i++;
      expectKey = true;
      if (i === path.length) return `"${path}" is not a valid path (empty segment)`;
    }
  }
  if (keys.length === 0) return `"${path}" is not a valid path (empty segment)`;
  const forbidden = keys.find((k) => FORBIDDEN_KEYS.has(k));
  if (forbidden !== undefined)
    return `"${path}" is not allowed: "${forbidden}" cannot be part of a path (it would change every object, not the scenario)`;
  return keys;
}

/** Sets one value at a path; returns the new document or the reason it cannot. */
export function setPath(document: unknown, path: string, value: unknown): { value: unknown } | string {
  const keys = pathKeys(path);
  if (typeof keys === 'string') return keys;
  const root = (document ?? {}) as Record<string, unknown>;
  if (typeof root !== 'object') return 'the scenario is not a JSON object';
  let here: unknown = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = child(here, keys[i], shown(keys.slice(0, i)));
    if (typeof next === 'string') return next;
    if (next.value === undefined) {
      // Create intermediate objects, so `run.maxTime=…` works even when absent.
      (here as Record<string, unknown>)[next.key] = {};
    }
    here = (here as Record<string, unknown>)[next.key];
    if (here === null || typeof here !== 'object') return `"${shown(keys.slice(0, i + 1))}" is not an object`;
  }
  const last = child(here, keys[keys.length - 1], shown(keys.slice(0, -1)));
  if (typeof last === 'string') return last;
  (here as Record<string, unknown>)[last.key] = value;
  return { value: root };
}

function child(
  container: unknown,
  key: string,
  where: string,
): { key: string | number; value: unknown } | string {
  if (Array.isArray(container)) {
    if (/^\d+$/.test(key)) {
      const index = Number(key);
      if (index >= container.length) return `${where}[${index}] does not exist (${container.length} entries)`;
      return { key: index, value: container[index] };
    }
    const index = container.findIndex(
      (x) => x && typeof x === 'object' && (x as { id?: unknown }).id === key,
    );
    if (index < 0) {
      const ids = container.map((x) => (x as { id?: unknown })?.id).filter((id) => typeof id === 'string');
      return `no entry with id "${key}" in ${where || 'the list'} (ids: ${ids.join(', ') || 'none'})`;
    }
    return { key: index, value: container[index] };
  }
  // Only the object's own keys: `run.toString` is a new (and then unknown) key, not a method.
  const own = Object.hasOwn(container as object, key);
  return { key, value: own ? (container as Record<string, unknown>)[key] : undefined };
}

/** A path as the user would write it: dotted keys, brackets where a key has a dot. */
function shown(keys: readonly string[]): string {
  return keys.map((k, i) => (/[.[\]]/.test(k) ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

function problem(path: string, message: string): ScenarioProblem {
  const keys = pathKeys(path);
  return { path, at: typeof keys === 'string' ? [path] : keys, message };
}
