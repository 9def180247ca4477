/**
 * Whether lib/ (the package's build, scripts/build-lib.mjs) was built from the sources as they
 * are now. The build records a fingerprint of its inputs (every file and folder under src/, the
 * build script and package.json: path, size, time of last change); the build is current while
 * the fingerprint is the same. Any edit, checkout, new or deleted file changes it, whatever the
 * clocks say, so a checkout never runs code older than its sources.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';

/** Where the build keeps the fingerprint of the sources it was built from. */
export const STAMP = 'lib/sources.sha256';

const INPUTS = ['package.json', 'scripts/build-lib.mjs', 'scripts/lib-state.mjs', 'tsconfig.lib.json'];

/** The fingerprint of the build's inputs in the checkout at `root` (a file: URL ending in /). */
export function sourcesFingerprint(root) {
  const hash = createHash('sha256');
  const add = (path) => {
    // A missing input is part of the fingerprint too (deleting one changes it), never a crash.
    const s = statSync(new URL(path, root), { throwIfNoEntry: false });
    if (!s) {
      hash.update(`${path}\0missing\n`);
      return;
    }
    hash.update(`${path}\0${s.size}\0${s.mtimeMs}\n`);
    if (!s.isDirectory()) return;
    const names = readdirSync(new URL(path, root)).sort();
    for (const name of names) add(`${path}/${name}`);
  };
  for (const path of INPUTS) add(path);
  add('src');
  return hash.digest('hex');
}

/** True when lib/ holds a build of the sources as they are now. */
export function libIsCurrent(root) {
  let stamp;
  try {
    stamp = readFileSync(new URL(STAMP, root), 'utf8').trim();
  } catch {
    return false;
  }
  return stamp === sourcesFingerprint(root);
}
