/**
 * Reading a scenario file for a command: the file, its JSON, the command line's
 * overrides (applied before validation, so they are checked like the file), and the
 * schema's verdict. Every problem names the file, the JSON path and the rule.
 */
import { readFileSync } from 'node:fs';
import { applyOverrides } from '../model/overrides.ts';
import {
  describeJsonSyntaxError,
  documentProblem,
  formatProblems,
  parseScenario,
  type ScenarioProblem,
} from '../model/parse.ts';
import type { Scenario } from '../model/scenario.ts';
import { UsageError } from './errors.ts';

export interface LoadedScenario {
  file: string;
  /** The document as written, with the overrides applied: what the library is given. */
  document: unknown;
  scenario: Scenario;
}

export interface Overrides {
  set?: readonly string[];
  seed?: number;
  replications?: number;
  routing?: string;
}

/** Reads and parses a JSON file, or says clearly why it cannot. */
export function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
    throw new UsageError(`${file}: ${why}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: ${describeJsonSyntaxError(text, error)}`);
  }
}

export function loadScenario(file: string, overrides: Overrides = {}): LoadedScenario {
  const assignments = [...(overrides.set ?? [])];
  if (overrides.seed !== undefined) assignments.push(`run.seed=${overrides.seed}`);
  if (overrides.replications !== undefined) assignments.push(`run.replications=${overrides.replications}`);
  if (overrides.routing !== undefined) assignments.push(`routing=${JSON.stringify(overrides.routing)}`);
  const document = readJson(file);
  // Before the overrides copy the document, which a file nested thousands deep would crash.
  const malformed = documentProblem(document);
  if (malformed) throw problemsError(file, [malformed]);
  const outcome = applyOverrides(document, assignments);
  if (!outcome.ok) throw problemsError(file, outcome.problems, '--set ');
  const parsed = parseScenario(outcome.value);
  if (!parsed.ok) throw problemsError(file, parsed.problems);
  return { file, document: outcome.value, scenario: parsed.scenario };
}

function problemsError(file: string, problems: ScenarioProblem[], prefix = ''): UsageError {
  const lines = formatProblems(
    problems.map((p) => ({ ...p, path: p.path ? `${prefix}${p.path}` : p.path })),
    file,
  );
  return new UsageError(lines);
}
