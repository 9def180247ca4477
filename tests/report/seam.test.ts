/**
 * The report is one model with two renderers: the page (web/) takes it from
 * src/report/index.ts alone, and the report itself renders nothing (no DOM, no terminal).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources } from '../source-files.ts';

const root = resolve(import.meta.dirname, '../..');

const specifiers = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('the report', () => {
  it('reaches the page through src/report/index.ts only', () => {
    const deep = sources(join(root, 'web')).flatMap((file) =>
      specifiers(file)
        .filter((s) => /src\/report\/(?!index\.ts$)/.test(s))
        .map((s) => `${file.slice(root.length + 1)}: ${s}`),
    );
    expect(deep).toEqual([]);
  });

  it('renders nothing itself: it imports neither the terminal, nor the page, nor Node', () => {
    const renderers = sources(join(root, 'src/report')).flatMap((file) =>
      specifiers(file)
        .filter((s) => /(^|\/)(cli|web)\/|^node:/.test(s))
        .map((s) => `${file.slice(root.length + 1)}: ${s}`),
    );
    expect(renderers).toEqual([]);
  });
});
