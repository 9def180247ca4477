/**
 * Turning what a user wrote into a validated scenario, or into problems they can fix.
 *
 * Problems are values, not exceptions: each names the JSON path and the rule broken,
 * so the CLI can print them and the sandbox can show them beside the field.
 */
import type { z } from 'zod';
import { MAX_NESTING } from './limits.ts';
import { type Scenario, scenarioSchema } from './scenario.ts';

export interface ScenarioProblem {
  /** Where, as a JSON path such as `nodes[0].capacity` (empty for the whole document). */
  path: string;
  /** The same path as a list of keys and indices, for tools that walk the document. */
  at: (string | number)[];
  /** What rule is broken, in words. */
  message: string;
}

export type ParseOutcome = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Validates a scenario given as parsed JSON. Never throws for bad input. */
export function parseScenario(value: unknown): ParseOutcome {
  const malformed = documentProblem(value);
  if (malformed) return { ok: false, problems: [malformed] };
  const result = scenarioSchema.safeParse(value);
  if (result.success) return { ok: true, scenario: result.data };
  return { ok: false, problems: result.error.issues.map((i) => toProblem(i, value)) };
}

/**
 * What makes a document no scenario at all, found before it is copied or validated: nesting
 * deeper than any scenario (both recurse, and JSON.parse takes thousands of levels, enough
 * to exhaust the stack), or a key named `__proto__` (JSON.parse makes it an ordinary key,
 * but copying or validating it would set an object's prototype, or silently drop it).
 * Named at the place; undefined for any other document. The walk keeps its own stack.
 */
export function documentProblem(value: unknown): ScenarioProblem | undefined {
  const pending: { value: unknown; at: (string | number)[] }[] = [{ value, at: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: here, at } = next;
    if (here === null || typeof here !== 'object') continue;
    if (at.length >= MAX_NESTING) {
      // The path to the place, shortened: a damaged file is mostly [0][0][0]...
      const shown = formatPath(at.slice(0, 8), value);
      return {
        path: at.length > 8 ? `${shown}…` : shown,
        at,
        message: `is nested more than ${MAX_NESTING} levels deep; a scenario needs fewer than ten, so the file is damaged`,
      };
    }
    const entries: [string | number, unknown][] = Array.isArray(here)
      ? here.map((v, i) => [i, v])
      : Object.entries(here);
    for (const [k, v] of entries) {
      if (k === '__proto__')
        return {
          path: formatPath([...at, k], value),
          at: [...at, k],
          message: 'a key must not be named "__proto__"; no field or capability has that name',
        };
      if (v !== null && typeof v === 'object') pending.push({ value: v, at: [...at, k] });
    }
  }
  return undefined;
}

/** Validates a scenario given as JSON text, reporting a syntax error with its line and column. */
export function parseScenarioText(text: string): ParseOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', at: [], message: describeJsonSyntaxError(text, error) }] };
  }
  return parseScenario(value);
}

/** One line per problem: `nodes[0] (analysts).capacity: capacity must be ...`. */
export function formatProblems(problems: readonly ScenarioProblem[], source?: string): string {
  const prefix = source ? `${source}: ` : '';
  return problems.map((p) => `${prefix}${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
}

function toProblem(issue: z.core.$ZodIssue, document: unknown): ScenarioProblem {
  const at = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  return { path: formatPath(at, document), at, message: messageFor(issue, document) };
}

function messageFor(issue: z.core.$ZodIssue, document: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys} (check the spelling; unknown keys are not ignored)`;
  }
  if (issue.code === 'invalid_type' && valueAt(document, issue.path) === undefined)
    return `is required: ${issue.message}`;
  // JSON.parse reads a number such as 1e999 as Infinity, which no field takes.
  const value = valueAt(document, issue.path);
  if (typeof value === 'number' && !Number.isFinite(value))
    return `${issue.message} (the file's number is too large for a double and reads as infinity)`;
  return issue.message;
}

/**
 * `nodes[2].capacity`, with the element's id added where it has one so that a coach
 * can find it in the file: `nodes[2] (review).capacity`.
 */
export function formatPath(at: readonly (string | number)[], document?: unknown): string {
  let out = '';
  let here: unknown = document;
  for (const key of at) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      here = Array.isArray(here) ? here[key] : undefined;
      const id = here && typeof here === 'object' ? (here as { id?: unknown }).id : undefined;
      if (typeof id === 'string') out += ` (${id})`;
    } else {
      out += out === '' ? key : `.${key}`;
      here = here && typeof here === 'object' ? (here as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}

export function describeJsonSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return `not valid JSON: ${message}`;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
  return `not valid JSON at line ${line}, column ${column}: ${reason}`;
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let here = document;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}
