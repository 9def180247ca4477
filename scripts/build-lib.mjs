/**
 * Builds what the npm package ships into lib/: compiled ESM JavaScript for plain Node 20 and
 * for bundlers, with no TypeScript at run time, and the type declarations of the public API.
 *
 *   lib/index.js, lib/node.js   the `flowlab` and `flowlab/node` entry points, sharing chunks
 *   lib/cli.js                  the command line (bin/flowlab.js runs it)
 *   lib/worker.mjs              a worker thread's entry, whole in one file, so a thread starts
 *                               by reading one file (the pool looks for it beside itself)
 *   lib/types/                  .d.ts files for both entry points
 *
 * The dependencies (zod, seedrandom) stay imports, so an application and flowlab share one
 * copy. `npm run build:lib` runs it, and `prepare` after every `npm install` and before
 * `npm pack`; `--js-only` skips the declarations (the tests' set-up, which only runs code).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { libIsCurrent, STAMP, sourcesFingerprint } from './lib-state.mjs';

const ROOT = new URL('../', import.meta.url);

/** Builds lib/ from the sources as they are now; returns the files written. */
export async function buildLib({ types = true } = {}) {
  // Taken before reading any source, so an edit made during the build leaves lib/ stale.
  const fingerprint = sourcesFingerprint(ROOT);
  const { build } = await import('esbuild');
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8'));
  const common = {
    absWorkingDir: fileURLToPath(ROOT),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: Object.keys(pkg.dependencies ?? {}),
    write: false,
    logLevel: 'warning',
  };
  const [entries, worker] = await Promise.all([
    build({
      ...common,
      entryPoints: { index: 'src/index.ts', node: 'src/node/index.ts', cli: 'src/cli/main.ts' },
      splitting: true,
      outdir: 'lib',
    }),
    build({ ...common, entryPoints: ['src/node/replication-worker.ts'], outfile: 'lib/worker.mjs' }),
  ]);
  const lib = new URL('lib/', ROOT);
  mkdirSync(lib, { recursive: true });
  const written = new Set();
  for (const file of [...entries.outputFiles, ...worker.outputFiles]) {
    const name = relative(fileURLToPath(lib), file.path);
    writeAtomically(new URL(name, lib), file.contents);
    written.add(name);
  }
  // Chunks of earlier builds (their names carry a hash of their contents).
  for (const name of readdirSync(lib))
    if (name.endsWith('.js') && !written.has(name)) rmSync(new URL(name, lib), { force: true });
  if (types) declarations();
  writeAtomically(new URL(STAMP, ROOT), `${fingerprint}\n`);
  return [...written];
}

/** A reader (a CLI started meanwhile) sees the old file or the new one, never half of one. */
function writeAtomically(url, contents) {
  const part = new URL(`${url.href}.${process.pid}.part`);
  writeFileSync(part, contents);
  renameSync(part, url);
}

/** lib/types/ from tsconfig.lib.json, with imports that name the .d.ts files' .js twins. */
function declarations() {
  const out = new URL('lib/types/', ROOT);
  rmSync(out, { recursive: true, force: true });
  const typescript = createRequire(import.meta.url).resolve('typescript/package.json');
  const tsc = new URL('bin/tsc', pathToFileURL(typescript));
  const run = spawnSync(process.execPath, [fileURLToPath(tsc), '-p', 'tsconfig.lib.json'], {
    cwd: fileURLToPath(ROOT),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`tsc -p tsconfig.lib.json failed:\n${run.stdout}${run.stderr}`);
  // The sources import each other as .ts (they run under tsx and Vite as they are); a
  // consumer's compiler finds a .d.ts from the .js name under every module resolution.
  for (const name of readdirSync(out, { recursive: true })) {
    if (!name.endsWith('.d.ts')) continue;
    const file = new URL(name, out);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/(['"])(\.\.?\/[^'"]*)\.ts\1/g, '$1$2.js$1'));
  }
}

/** vitest's globalSetup (vite.config.ts): the JavaScript only, and only when it is stale. */
export async function setup() {
  if (!libIsCurrent(ROOT)) await buildLib({ types: false });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const types = !process.argv.includes('--js-only');
  await buildLib({ types });
}
