/**
 * A checkout in a temporary folder with just enough to choose between lib/ and the sources:
 * the entry under test, the build's scripts, a package.json and the real node_modules. The
 * tests of bin/flowlab.js and of a worker thread's entry then write a lib/ and a src/ that say
 * which one ran.
 */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** A new fake checkout holding a copy of `entry` (a path from the repository's root). */
export function fakeCheckout(prefix: string, entry: string): string {
  const checkout = mkdtempSync(join(tmpdir(), prefix));
  for (const path of [entry, 'scripts/lib-state.mjs', 'scripts/build-lib.mjs', 'tsconfig.lib.json'])
    cpSync(resolve(path), join(checkout, path));
  writeFileSync(join(checkout, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(resolve('node_modules'), join(checkout, 'node_modules'));
  mkdirSync(join(checkout, 'lib'));
  return checkout;
}

/** Writes `text` at `path` in the checkout, making its folder. */
export function put(checkout: string, path: string, text: string): void {
  mkdirSync(dirname(join(checkout, path)), { recursive: true });
  writeFileSync(join(checkout, path), text);
}
