import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources } from '../source-files.ts';

const root = resolve(import.meta.dirname, '../..');

/**
 * The files a file imports or re-exports from, type-only imports included: a type import
 * is still a dependency a reader has to follow, and a circle of them means the modules
 * cannot be read, or split, one before the other.
 */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"](\.[^'"]+)['"]/gms),
    ...text.matchAll(/^\s*import\s*['"](\.[^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  return specifiers
    .map((s) => resolve(dirname(file), s))
    .map((path) => (path.endsWith('.ts') ? path : `${path}.ts`))
    .filter((path) => existsSync(path));
}

/** Each circle of imports, as the files round it with the first repeated at the end. */
function importCycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles.map((cycle) => cycle.map((f) => relative(root, f)));
}

describe('dependencies between modules', () => {
  it('run one way: no module in src/ or web/ imports itself round a circle', () => {
    const files = [...sources(join(root, 'src')), ...sources(join(root, 'web'))];
    expect(files.length).toBeGreaterThan(100);
    expect(importCycles(files)).toEqual([]);
  });

  it('are read from every form of import, so a circle through any of them is found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowlab-imports-'));
    try {
      const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
      // A type import over several lines, a re-export and a dynamic import close a circle.
      write('loop.ts', "import {\n  type State,\n  ARRIVAL,\n} from './events.ts';\n");
      write('events.ts', "export const ARRIVAL = 0;\nexport { State } from './state';\n");
      write('state.ts', "export class State {}\nconst later = () => import('./loop.ts');\n");
      write('alone.ts', "import { ARRIVAL } from './events.ts';\n");
      const files = ['loop.ts', 'events.ts', 'state.ts', 'alone.ts'].map((f) => join(dir, f));
      expect(importCycles(files).map((c) => c.map((f) => f.slice(f.lastIndexOf('/') + 1)))).toEqual([
        ['loop.ts', 'events.ts', 'state.ts', 'loop.ts'],
      ]);
      write('state.ts', 'export class State {}\n');
      expect(importCycles(files)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
