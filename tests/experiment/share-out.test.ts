/**
 * The scheduler that executors with several lanes (worker threads, browser workers) share:
 * jobs go to whichever lane is free, outcomes come back in job order however the lanes
 * finish, and a stop or a lane that cannot start ends the run at once. Lanes here finish
 * when the test says, never by the clock.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Job, JobOutcome } from '../../src/index.ts';
import { shareOut } from '../../src/runner.ts';

const jobs: Job[] = Array.from({ length: 7 }, (_, replication) => ({ scenario: {} as never, replication }));
/** A stand-in outcome that names its job, so order is visible. */
const outcomeOf = (job: Job): JobOutcome => ({ error: `job ${job.replication}` });

/** Lanes whose jobs finish when `finish(j)` is called, and which record who ran what. */
function heldLanes() {
  const waiting = new Map<number, () => void>();
  const ranOn = new Map<number, number>();
  return {
    ranOn,
    run: (lane: number, job: Job) =>
      new Promise<JobOutcome>((resolve) => {
        ranOn.set(job.replication, lane);
        waiting.set(job.replication, () => resolve(outcomeOf(job)));
      }),
    async finish(j: number) {
      await vi.waitFor(() => expect(waiting.has(j)).toBe(true));
      waiting.get(j)?.();
      waiting.delete(j);
    },
    started: () => ranOn.size,
  };
}

describe('sharing jobs out over lanes', () => {
  it('gives the outcomes in job order, however the lanes finish, each job to the lane that is free', async () => {
    const lanes = heldLanes();
    const finished: number[] = [];
    const progress: number[] = [];
    const run = shareOut(jobs, 3, lanes.run, {
      onOutcome: (j) => finished.push(j),
      onProgress: (done) => progress.push(done),
    });
    expect(lanes.started()).toBe(3);
    for (const j of [2, 1, 0, 5, 4, 3, 6]) await lanes.finish(j);
    expect(await run).toEqual(jobs.map(outcomeOf));
    expect(finished).toEqual([2, 1, 0, 5, 4, 3, 6]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Job 3 went to the lane job 2 freed, 4 to job 1's, 5 to job 0's.
    expect([3, 4, 5].map((j) => lanes.ranOn.get(j))).toEqual([2, 1, 0].map((j) => lanes.ranOn.get(j)));
  });

  it('stops at once when its signal aborts, rejecting with the reason, and hands out no more jobs', async () => {
    const lanes = heldLanes();
    const controller = new AbortController();
    const run = shareOut(jobs, 2, lanes.run, {
      signal: controller.signal,
      onOutcome: () => controller.abort(new Error('enough')),
    });
    await lanes.finish(0);
    await expect(run).rejects.toThrow('enough');
    await lanes.finish(1);
    expect(lanes.started()).toBe(2);
  });

  it('stops the run when a lane cannot start, with the lane’s reason', async () => {
    const run = shareOut(jobs, 2, async (lane, job) => {
      if (lane === 1) throw new Error('a worker thread could not start');
      return outcomeOf(job);
    });
    await expect(run).rejects.toThrow('a worker thread could not start');
  });

  it('has nothing to do for no jobs', async () => {
    expect(await shareOut([], 4, async () => ({ error: 'never' }))).toEqual([]);
  });
});
