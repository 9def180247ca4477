/**
 * Runs jobs for the pool (pool.ts): a message is a job's request with an id; the reply is its
 * outcome, encoded exactly (jobs.ts). The first message, `{ ready: true }`, tells the pool
 * the thread started and can take work.
 */
import { parentPort } from 'node:worker_threads';
import { type JobRequest, jobAnswerer } from '../experiment/jobs.ts';

export interface ThreadMessage extends JobRequest {
  id: number;
}

if (!parentPort) throw new Error('replication-worker.ts runs in a worker thread');
const port = parentPort;
const answer = jobAnswerer();

port.on('message', (message: ThreadMessage) => {
  port.postMessage({ id: message.id, reply: answer(message) });
});
port.postMessage({ ready: true });
