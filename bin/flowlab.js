#!/usr/bin/env node
// flowlab's command line. It runs the build in lib/ (scripts/build-lib.mjs): plain JavaScript,
// which starts in a fraction of the time a TypeScript compiler takes. In a checkout of the
// repository (src/ is beside lib/) it does so only while lib/ was built from the sources as
// they are now; after an edit, a pull or a checkout it runs the sources through tsx instead,
// so `npx flowlab` and the tests never run code older than the sources. `npm install` and
// `npm run build:lib` bring lib/ up to date again.
import { existsSync } from 'node:fs';

// In a directory that was removed (a batch job's scratch space, cleaned up under it) nothing
// can be found relative to it, and loading the code would fail with a stack trace.
try {
  process.cwd();
} catch {
  console.error('flowlab: the current directory no longer exists; change to one that does and run again');
  process.exit(2);
}

const root = new URL('../', import.meta.url);
let cli = new URL('lib/cli.js', root);
if (existsSync(new URL('src/cli/main.ts', root))) {
  const { libIsCurrent } = await import('../scripts/lib-state.mjs');
  if (!libIsCurrent(root)) {
    const tsx = await import('tsx/esm/api').catch(() => undefined);
    if (!tsx) {
      console.error('flowlab: lib/ is missing or older than src/, and tsx is not installed: run npm install');
      process.exit(1);
    }
    tsx.register();
    cli = new URL('src/cli/main.ts', root);
  }
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
