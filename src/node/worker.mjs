// A worker thread's entry: threads do not inherit the main thread's TypeScript loader, so
// each registers tsx for itself, as bin/flowlab.js does, then runs replications on request.
import { register } from 'tsx/esm/api';

register();
await import('./replication-worker.ts');
