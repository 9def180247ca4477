/**
 * The pool when a thread dies under a job: the job fails with the reason, the others finish
 * with the same bytes as ever, and a thread that cannot start fails the run instead of
 * leaving it waiting. The threads here run tests/node/threads/*.mjs, which wrap the real
 * worker and die on replication 2.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeOutcome } from '../../src/experiment/outcome-codec.ts';
import { runnableScenario, runReplication } from '../../src/experiment/replications.ts';
import type { JobOutcome } from '../../src/index.ts';
import { workerThreads } from '../../src/node/index.ts';

const tokenRing = JSON.parse(readFileSync('scenarios/token-ring.json', 'utf8'));
const scenario = runnableScenario({ ...tokenRing, run: { ...tokenRing.run, duration: 300, warmup: 30 } });
const jobs = Array.from({ length: 6 }, (_, replication) => ({ scenario, replication }));
const thread = (name: string) => new URL(`./threads/${name}.mjs`, import.meta.url);
const bytes = (o: JobOutcome) => ('error' in o ? o.error : JSON.stringify(encodeOutcome(o)));

describe('a worker thread that dies', () => {
  it.each([
    [
      'exits-on-replication-2',
      /replication 2: the worker thread running it stopped \(it exited with code 7\)/,
    ],
    ['throws-on-replication-2', /replication 2: the worker thread running it stopped \(out of luck\)/],
  ])('(%s) fails the job it held, and the others finish with the same bytes', async (name, reason) => {
    let reported = 0;
    const outcomes = await workerThreads({ workers: 2, threadEntry: thread(name) }).run(jobs, {
      onOutcome: () => reported++,
    });
    expect(reported).toBe(jobs.length);
    expect(outcomes[2]).toEqual({ error: expect.stringMatching(reason) });
    for (const i of [0, 1, 3, 4, 5]) expect(bytes(outcomes[i])).toBe(bytes(runReplication(scenario, i)));
  });

  it('before it could take any work fails the run, saying why, rather than waiting for ever', async () => {
    await expect(
      workerThreads({ workers: 2, threadEntry: thread('cannot-start') }).run(jobs),
    ).rejects.toThrow('a worker thread could not start: it exited with code 3');
  });
});

describe('a job in this thread (one worker)', () => {
  it('runs in slices with the same bytes as in one go', async () => {
    // Long enough for many slices, so the stops between them are exercised.
    const long = runnableScenario({ ...tokenRing, run: { ...tokenRing.run, duration: 20_000 } });
    const [sliced] = await workerThreads({ workers: 1 }).run([{ scenario: long, replication: 1 }]);
    expect(bytes(sliced)).toBe(bytes(runReplication(long, 1)));
  });

  it('stops within the replication it is running when its signal is aborted', async () => {
    // About 30 million items, a minute or more of work: only a stop between slices ends it soon.
    const endless = runnableScenario({
      ...tokenRing,
      run: { ...tokenRing.run, duration: 4e7, replications: 1 },
    });
    const controller = new AbortController();
    const run = workerThreads({ workers: 1 }).run([{ scenario: endless, replication: 0 }], {
      signal: controller.signal,
    });
    setImmediate(() => controller.abort(new Error('stop')));
    await expect(run).rejects.toThrow('stop');
  });
});
