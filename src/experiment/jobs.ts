/**
 * A job: one replication of one validated scenario, the unit of work every executor runs
 * (this thread, worker threads, browser workers, a shard on another machine). Its outcome
 * depends on the scenario and the replication's index alone, since the seed comes from the
 * run seed and the index, never on what ran it or in what order.
 *
 * Running a job is written here once: compile the scenario once for the jobs that follow,
 * run, and turn a throw into the job's error so one job never loses the others. So is the
 * message a job travels in to another thread and the reply it comes back in.
 */
import type { Scenario } from '../model/scenario.ts';
import type { ReplicationOutcome } from '../network/outcome.ts';
import type { Replication } from '../network/simulation.ts';
import { compileTopology, type Topology } from '../network/topology.ts';
import { decodeOutcome, type EncodedOutcome, encodeOutcome } from './outcome-codec.ts';
import { startReplication } from './replications.ts';

export interface Job {
  scenario: Scenario;
  replication: number;
}

/** A job's replication, or why it could not run. */
export type JobOutcome = ReplicationOutcome | { error: string };

/** A throw, as the outcome of the job it stopped. */
export function failedJob(error: unknown): { error: string } {
  return { error: error instanceof Error ? error.message : String(error) };
}

/**
 * Scenarios compiled lately, by a key (the scenario itself, or its text in another thread):
 * a sweep's point runs many replications in a row and a comparison's jobs take turns between
 * its variants, so a few are kept, never all of a sweep's thousands.
 */
const REMEMBERED = 16;

/**
 * Starts replications of the scenario a key names, each compiled once for the jobs that
 * follow it (the last REMEMBERED kept).
 */
function starter<K>(scenarioOf: (key: K) => Scenario): (key: K, replication: number) => Replication {
  const known = new Map<K, { scenario: Scenario; topology: Topology }>();
  return (key, replication) => {
    let compiled = known.get(key);
    if (!compiled) {
      const scenario = scenarioOf(key);
      compiled = { scenario, topology: compileTopology(scenario) };
      if (known.size >= REMEMBERED) known.delete(known.keys().next().value as K);
      known.set(key, compiled);
    }
    return startReplication(compiled.scenario, replication, compiled.topology);
  };
}

/** Starts jobs' replications, to be advanced in slices or at once. */
export function jobStarter(): (job: Job) => Replication {
  const start = starter((scenario: Scenario) => scenario);
  return (job) => start(job.scenario, job.replication);
}

/** A replication run to the end, or the throw that stopped it. */
function runToEnd(start: () => Replication): JobOutcome {
  try {
    const replication = start();
    replication.advance();
    return replication.outcome();
  } catch (error) {
    return failedJob(error);
  }
}

/** Runs jobs to the end in this thread, one at a time. */
export function jobRunner(): (job: Job) => JobOutcome {
  const start = jobStarter();
  return (job) => runToEnd(() => start(job));
}

/** A job on its way to another thread: the scenario as JSON text, already validated. */
export interface JobRequest {
  scenario: string;
  replication: number;
}

/** A job's outcome on its way back, encoded so every double keeps its bits. */
export type JobReply = EncodedOutcome | { error: string };

/**
 * The requests for jobs, each distinct scenario turned into text once: a sweep sends the
 * same point's scenario many times.
 */
export function jobRequests(): (job: Job) => JobRequest {
  const texts = new Map<Scenario, string>();
  return ({ scenario, replication }) => {
    let text = texts.get(scenario);
    if (text === undefined) {
      text = JSON.stringify(scenario);
      texts.set(scenario, text);
    }
    return { scenario: text, replication };
  };
}

/** A worker's side: answers requests, each scenario text parsed and compiled once. */
export function jobAnswerer(): (request: JobRequest) => JobReply {
  const start = starter((text: string) => JSON.parse(text) as Scenario);
  return (request) => {
    const outcome = runToEnd(() => start(request.scenario, request.replication));
    try {
      return 'error' in outcome ? outcome : encodeOutcome(outcome);
    } catch (error) {
      return failedJob(error);
    }
  };
}

export function outcomeOfReply(reply: JobReply): JobOutcome {
  return 'error' in reply ? { error: reply.error } : decodeOutcome(reply);
}
