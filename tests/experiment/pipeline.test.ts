/**
 * The job pipeline: any executor that hands back each job's outcome in job order gives the
 * same bytes as the library's own functions, whatever order it ran the jobs in; a stop keeps
 * what finished, folded as each plan says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runnableScenario, runReplication } from '../../src/experiment/replications.ts';
import {
  compare,
  type Executor,
  execute,
  executeUntil,
  type Job,
  type JobOutcome,
  parseAxis,
  planComparison,
  planRun,
  planSweep,
  simulate,
  sweep,
  thisThread,
} from '../../src/index.ts';

const tokenRing = JSON.parse(readFileSync('scenarios/token-ring.json', 'utf8'));
const small = { ...tokenRing, run: { ...tokenRing.run, duration: 300, warmup: 30, replications: 4 } };
const axis = (text: string) => {
  const a = parseAxis(text);
  if (typeof a === 'string') throw new Error(a);
  return a;
};
const axes = [axis('routing=fixed,shortest-queue'), axis('nodes.developers.capacity=0,3')];
const bytes = (value: unknown) => JSON.stringify(value);

/** Runs the jobs last first, as a pool whose threads finish out of order would. */
const backwards: Executor = {
  async run(jobs, options = {}) {
    const outcomes: JobOutcome[] = new Array(jobs.length);
    for (let j = jobs.length - 1; j >= 0; j--) {
      outcomes[j] = runReplication(jobs[j].scenario, jobs[j].replication);
      options.onOutcome?.(j, outcomes[j]);
      options.onProgress?.(jobs.length - j, jobs.length);
    }
    return outcomes;
  },
};

/** Runs jobs in order and aborts `controller` once `after` of them have finished. */
function stopsAfter(after: number, controller: AbortController): Executor {
  return {
    async run(jobs, options = {}) {
      const outcomes: JobOutcome[] = [];
      for (const job of jobs) {
        options.signal?.throwIfAborted();
        const outcome = runReplication(job.scenario, job.replication);
        outcomes.push(outcome);
        options.onOutcome?.(outcomes.length - 1, outcome);
        if (outcomes.length === after) controller.abort(new Error('stopped by the test'));
      }
      return outcomes;
    },
  };
}

describe('a plan on any executor', () => {
  const variants = [
    { name: 'fixed', scenario: small },
    { name: 'shortest queue', scenario: { ...small, routing: 'shortest-queue' } },
  ];

  it.each([
    ['this thread', thisThread()],
    ['jobs run last first', backwards],
  ])('on %s gives the bytes of simulate, sweep and compare', async (_, executor) => {
    expect(bytes(await execute(planRun(small), executor))).toBe(bytes(simulate(small)));
    expect(bytes(await execute(planSweep(small, axes, { replications: 2 }), executor))).toBe(
      bytes(sweep(small, axes, { replications: 2 })),
    );
    expect(bytes(await execute(planComparison(variants, { seed: 5 }), executor))).toBe(
      bytes(compare(variants, { seed: 5 })),
    );
  });

  it('reports each outcome and the progress as the jobs finish', async () => {
    const plan = planRun(small);
    const seen: number[] = [];
    const progress: number[] = [];
    await execute(plan, thisThread(), {
      onOutcome: (job) => seen.push(job),
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(progress).toEqual([0.25, 0.5, 0.75, 1]);
  });
});

describe('a plan stopped part of the way', () => {
  it('a run keeps the replications that finished, as a run of that many would give', async () => {
    const controller = new AbortController();
    const stopped = await executeUntil(planRun(small), stopsAfter(2, controller), controller.signal);
    expect(stopped).toMatchObject({ stopped: true, finished: 2, total: 4 });
    expect(bytes(stopped.result)).toBe(bytes(simulate({ ...small, run: { ...small.run, replications: 2 } })));
  });

  it('a sweep folds the points whose replications all finished; the others say why they have no result', async () => {
    const controller = new AbortController();
    // Jobs go point by point; the invalid points (capacity 0) have none: 2 jobs finish the first valid point.
    const stopped = await executeUntil(
      planSweep(small, axes, { replications: 2 }),
      stopsAfter(3, controller),
      controller.signal,
    );
    if (!stopped.stopped || !stopped.result) throw new Error('expected a stopped sweep');
    expect(stopped.finished).toBe(3);
    expect(stopped.total).toBe(4);
    const whole = sweep(small, axes, { replications: 2 });
    const [invalid, done, , notFinished] = stopped.result.points;
    expect(invalid.error).toMatch(/capacity must be a whole number/);
    expect(bytes(done)).toBe(bytes(whole.points[1]));
    expect(notFinished).toEqual({
      values: whole.points[3].values,
      error: 'not finished: stopped by the test',
    });
  });

  it('a signal that aborts as the last job finishes still counts as a stop, with everything kept', async () => {
    const controller = new AbortController();
    const stopped = await executeUntil(planRun(small), stopsAfter(4, controller), controller.signal);
    expect(stopped).toMatchObject({ stopped: true, finished: 4, total: 4 });
    expect(bytes(stopped.result)).toBe(bytes(simulate(small)));
  });

  it('runs to the end when the signal never aborts', async () => {
    const execution = await executeUntil(planRun(small), thisThread(), new AbortController().signal);
    expect(execution.stopped).toBe(false);
    expect(bytes(execution.result)).toBe(bytes(simulate(small)));
  });
});

describe('this thread', () => {
  const scenario = runnableScenario(small);
  const job = (replication: number): Job => ({ scenario, replication });

  it('gives a job that throws its error in its place, and runs the others', async () => {
    const broken = { scenario: { ...scenario, nodes: null } as never, replication: 1 };
    const outcomes = await thisThread().run([job(0), broken, job(2)]);
    expect(outcomes[1]).toEqual({ error: expect.any(String) });
    expect(bytes(outcomes[2])).toBe(bytes(runReplication(scenario, 2)));
  });

  it('gives the rest of the thread a turn between slices, and stops within a replication', async () => {
    // About 30 million items, a minute or more of work: only a stop between slices ends it soon.
    const endless = runnableScenario({ ...small, run: { ...small.run, duration: 4e7, replications: 1 } });
    const controller = new AbortController();
    let turns = 0;
    const executor = thisThread({
      turn: async () => {
        turns++;
        if (turns === 3) controller.abort(new Error('enough'));
      },
    });
    await expect(
      executor.run([{ scenario: endless, replication: 0 }], { signal: controller.signal }),
    ).rejects.toThrow('enough');
    expect(turns).toBe(3);
  });
});
