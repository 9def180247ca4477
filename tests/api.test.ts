/**
 * The public API is the README's list, as SimPy's is its `__all__`: an export added or removed
 * without the list changing (or the other way round) fails here. Values are checked against
 * what the entry point exports when it runs; types, which leave nothing at run time, against
 * its export statements.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Documented {
  name: string;
  kind: string;
}

/** The rows of the README's table for an entry point, under the line that names it. */
function documented(entry: string): Documented[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(
    readme.indexOf('## Library API'),
    readme.indexOf('\n## ', readme.indexOf('## Library API') + 1),
  );
  const heading = section.indexOf(`\`${entry}\` (`);
  expect(heading, `README's Library API names ${entry}`).toBeGreaterThan(-1);
  const rows: Documented[] = [];
  for (const line of section.slice(heading).split('\n').slice(1)) {
    if (line.trim() === '' && rows.length > 0) break;
    const row = /^\| `([A-Za-z0-9_]+)` \| (function|class|constant|type) \|/.exec(line);
    if (row) rows.push({ name: row[1], kind: row[2] });
  }
  return rows;
}

/** Every name an entry file's `export { ... } from` and `export type { ... } from` statements give. */
function exportedNames(file: string): { name: string; type: boolean }[] {
  const source = readFileSync(file, 'utf8');
  const names: { name: string; type: boolean }[] = [];
  for (const [, typeOnly, list] of source.matchAll(/export (type )?\{([^}]*)\} from/g))
    for (const item of list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const typed = /^type\s+/.test(item);
      names.push({ name: item.replace(/^type\s+/, ''), type: Boolean(typeOnly) || typed });
    }
  expect(
    source.replace(/export (type )?\{[^}]*\} from '[^']*';/g, ''),
    `${file} exports only by lists`,
  ).not.toMatch(/^export /m);
  return names;
}

const sorted = (names: string[]) => [...names].sort();

describe.each([
  ['flowlab', 'src/index.ts', () => import('../src/index.ts')],
  ['flowlab/node', 'src/node/index.ts', () => import('../src/node/index.ts')],
])('the public API of %s', (entry, file, load) => {
  it('is exactly the README’s list', () => {
    expect(sorted(exportedNames(file).map((e) => e.name))).toEqual(
      sorted(documented(entry).map((d) => d.name)),
    );
  });

  it('exports at run time exactly the names the README lists as functions, classes and constants', async () => {
    const values = documented(entry).filter((d) => d.kind !== 'type');
    expect(sorted(Object.keys(await load()))).toEqual(sorted(values.map((d) => d.name)));
  });

  it('lists a type as a type only when it is exported as one', () => {
    const types = new Set(
      exportedNames(file)
        .filter((e) => e.type)
        .map((e) => e.name),
    );
    for (const d of documented(entry))
      expect(types.has(d.name), `${d.name} is a ${d.kind}`).toBe(d.kind === 'type');
  });
});
