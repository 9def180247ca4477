// A worker thread that dies of an uncaught exception when handed replication 2 (what running
// out of memory looks like to the pool: an 'error', then an 'exit').
import { parentPort } from 'node:worker_threads';

const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) =>
  on(event, (job) => {
    if (job.replication === 2)
      setImmediate(() => {
        throw new Error('out of luck');
      });
    else listener(job);
  });
await import('../../../src/node/worker.mjs');
