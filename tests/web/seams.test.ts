/**
 * The sandbox reaches flowlab through three doors only: the public API (src/index.ts), the
 * report model (src/report/index.ts) and what it needs beyond them (src/runner.ts). A deep
 * import of an engine module would tie the page to code that may change in any release.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources } from '../source-files.ts';

const root = resolve(import.meta.dirname, '../..');
const DOORS = ['src/index.ts', 'src/report/index.ts', 'src/runner.ts'];

/** Where each import of a web file that lands in src/ leads, as a path from the repository's root. */
function intoSource(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)]
    .map((m) => m[1])
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(root, resolve(file, '..', specifier)))
    .filter((target) => target.startsWith('src/'));
}

describe('the sandbox', () => {
  it('imports flowlab through src/index.ts, src/report/index.ts and src/runner.ts only', () => {
    const files = sources(join(root, 'web'));
    expect(files.length).toBeGreaterThan(40);
    const deep = files.flatMap((file) =>
      intoSource(file)
        .filter((target) => !DOORS.includes(target))
        .map((target) => `${relative(root, file)} -> ${target}`),
    );
    expect(deep).toEqual([]);
  });

  it('does use those doors (the check reads the imports it means to)', () => {
    const targets = new Set(sources(join(root, 'web')).flatMap(intoSource));
    expect([...targets].sort()).toEqual([...DOORS].sort());
  });
});
