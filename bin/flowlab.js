#!/usr/bin/env node
// flowlab's command line. The sources are TypeScript; tsx compiles them on the fly,
// so `npx flowlab` works straight after `npm install`, with no build step to forget.

// In a directory that was removed (a batch job's scratch space, cleaned up under it) nothing
// can be found relative to it, and loading the compiler would fail with a stack trace.
try {
  process.cwd();
} catch {
  console.error('flowlab: the current directory no longer exists; change to one that does and run again');
  process.exit(2);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
