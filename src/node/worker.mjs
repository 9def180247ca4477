// A worker thread's entry when flowlab runs from its sources (tsx, vitest, the bench); the
// package's own is lib/worker.mjs, the build of replication-worker.ts. Threads do not inherit
// the main thread's TypeScript loader. While lib/ was built from the sources as they are now
// (scripts/lib-state.mjs) the thread runs that build, which starts in a fifth of the time;
// otherwise it registers tsx for itself, as bin/flowlab.js does, and runs the sources.
import { libIsCurrent } from '../../scripts/lib-state.mjs';

const root = new URL('../../', import.meta.url);
if (libIsCurrent(root)) {
  await import(new URL('lib/worker.mjs', root).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./replication-worker.ts');
}
