/**
 * Runs replications for the pool (pool.ts): a message names a scenario and a replication
 * index; the reply is that replication's outcome, encoded exactly (outcome-codec.ts). The
 * first message, `{ ready: true }`, tells the pool the thread started and can take work.
 */
import { parentPort } from 'node:worker_threads';
import { encodeOutcome } from '../experiment/outcome-codec.ts';
import { runReplication } from '../experiment/replications.ts';
import type { Scenario } from '../model/scenario.ts';
import { compileTopology, type Topology } from '../network/topology.ts';

export interface JobMessage {
  id: number;
  /** The scenario as text, already validated; compiled once per distinct text. */
  scenario: string;
  replication: number;
}

if (!parentPort) throw new Error('replication-worker.ts runs in a worker thread');
const port = parentPort;
/** Scenarios seen lately, by text: a comparison's jobs take turns between its variants. */
const compiled = new Map<string, { scenario: Scenario; topology: Topology }>();
const REMEMBERED = 16;

port.on('message', (job: JobMessage) => {
  try {
    let known = compiled.get(job.scenario);
    if (!known) {
      const scenario = JSON.parse(job.scenario) as Scenario;
      known = { scenario, topology: compileTopology(scenario) };
      if (compiled.size >= REMEMBERED) compiled.delete(compiled.keys().next().value as string);
      compiled.set(job.scenario, known);
    }
    const outcome = runReplication(known.scenario, job.replication, known.topology);
    port.postMessage({ id: job.id, outcome: encodeOutcome(outcome) });
  } catch (error) {
    port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
port.postMessage({ ready: true });
