/**
 * The executor that runs jobs in the caller's own thread, one after another, in slices: after
 * every SLICE events, within a long replication as across many short ones, it awaits `turn`,
 * so whatever else the thread does (a Ctrl-C, a timer, a message) gets its moment, and a stop
 * comes within milliseconds even in a replication that would run for hours. The engine stops
 * and resumes between any two events with the same outcome as in one call.
 */
import { failedJob, type JobOutcome, jobStarter } from './jobs.ts';
import type { Executor } from './pipeline.ts';

/** A few milliseconds of work. */
const SLICE = 100_000;

export interface ThisThreadOptions {
  /**
   * Gives the rest of the thread a turn: in Node, `setImmediate`; in a page, a message or a
   * timer. By default a resolved promise, which lets other promises run but not the event loop.
   */
  turn?: () => Promise<void>;
}

export function thisThread(options: ThisThreadOptions = {}): Executor {
  const turn = options.turn ?? (() => Promise.resolve());
  return {
    async run(jobs, { onProgress, onOutcome, signal } = {}) {
      const start = jobStarter();
      const outcomes: JobOutcome[] = [];
      let budget = SLICE;
      const pause = async () => {
        await turn();
        budget = SLICE;
        signal?.throwIfAborted();
      };
      for (const job of jobs) {
        signal?.throwIfAborted();
        let outcome: JobOutcome;
        try {
          const replication = start(job);
          for (;;) {
            const before = replication.events;
            const finished = replication.advance(budget);
            budget -= replication.events - before;
            if (finished) break;
            await pause();
          }
          outcome = replication.outcome();
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          outcome = failedJob(error);
        }
        outcomes.push(outcome);
        onOutcome?.(outcomes.length - 1, outcome);
        onProgress?.(outcomes.length, jobs.length);
        if (budget <= 0) await pause();
      }
      return outcomes;
    },
  };
}
