/**
 * `--set path=value` overrides, applied to the scenario as written, before validation,
 * so an override is checked by exactly the same rules as the file itself.
 *
 * Paths use dots; nodes and demand classes are addressed by id (`nodes.review.capacity`)
 * or by index (`nodes.0.capacity`). Values are read as JSON when they parse as JSON
 * (`3`, `true`, `{"dist":"exponential","mean":2}`) and as plain text otherwise (`fixed`).
 */
import type { ScenarioProblem } from './parse.ts';

export type OverrideOutcome = { ok: true; value: unknown } | { ok: false; problems: ScenarioProblem[] };

export function applyOverrides(document: unknown, assignments: readonly string[]): OverrideOutcome {
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
    if (typeof outcome === 'string') problems.push(problem(assignment.slice(0, eq), outcome));
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

/** Sets one value at a dotted path; returns the new document or the reason it cannot. */
export function setPath(document: unknown, path: string, value: unknown): { value: unknown } | string {
  const keys = path.split('.');
  if (keys.some((k) => k === '')) return `"${path}" is not a valid path (empty segment)`;
  const root = (document ?? {}) as Record<string, unknown>;
  if (typeof root !== 'object') return 'the scenario is not a JSON object';
  let here: unknown = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = child(here, keys[i], keys.slice(0, i).join('.'));
    if (typeof next === 'string') return next;
    if (next.value === undefined) {
      // Create intermediate objects, so `run.maxTime=…` works even when absent.
      (here as Record<string, unknown>)[next.key] = {};
    }
    here = (here as Record<string, unknown>)[next.key];
    if (here === null || typeof here !== 'object')
      return `"${keys.slice(0, i + 1).join('.')}" is not an object`;
  }
  const last = child(here, keys[keys.length - 1], keys.slice(0, -1).join('.'));
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
  return { key, value: (container as Record<string, unknown>)[key] };
}

function problem(path: string, message: string): ScenarioProblem {
  return { path, at: path.split('.'), message };
}
