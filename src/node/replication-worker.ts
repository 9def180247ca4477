/**
 * Runs replications for the pool (pool.ts): a message names a scenario and a replication
 * index; the reply is that replication's outcome, encoded exactly (outcome-codec.ts).
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
let compiled: { text: string; scenario: Scenario; topology: Topology } | undefined;

port.on('message', (job: JobMessage) => {
  try {
    if (compiled?.text !== job.scenario) {
      const scenario = JSON.parse(job.scenario) as Scenario;
      compiled = { text: job.scenario, scenario, topology: compileTopology(scenario) };
    }
    const outcome = runReplication(compiled.scenario, job.replication, compiled.topology);
    port.postMessage({ id: job.id, outcome: encodeOutcome(outcome) });
  } catch (error) {
    port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
