// A worker thread that stops without an 'error' event when handed replication 2, as
// process.exit inside a thread does; every other replication runs as usual.
import { parentPort } from 'node:worker_threads';

const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) =>
  on(event, (job) => {
    if (job.replication === 2) process.exit(7);
    listener(job);
  });
await import('../../../src/node/worker.mjs');
