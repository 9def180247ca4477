/**
 * Ctrl-C and SIGTERM from the command line: the command stops within the replication it is
 * running, prints what finished and exits 130 or 143. Each test waits for a progress line
 * (FLOWLAB_PROGRESS=1) before it signals, never for a time, and the long work is long enough
 * (tens of millions of items) that it cannot finish on its own while the test waits.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'flowlab-interrupt-'));
const running = new Set<ChildProcess>();
afterEach(() => {
  // Should a stop fail, the long work must not outlive the test.
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** Runs flowlab, sends `signal` once stderr shows `ready`, and gives what it printed and how it ended. */
function signalledWhen(ready: RegExp, signal: NodeJS.Signals, ...args: string[]) {
  const child = spawn(process.execPath, ['bin/flowlab.js', ...args], {
    env: { ...process.env, FLOWLAB_PROGRESS: '1' },
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
    if (!sent && ready.test(stderr)) {
      sent = true;
      child.kill(signal);
    }
  });
  return new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) =>
      child.on('close', (code, by) => {
        running.delete(child);
        resolve({ code, signal: by, stdout, stderr });
      }),
  );
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);
// 24 million items a replication at a token ring's pace: minutes of work.
const endless = '30000000';

describe('Ctrl-C', () => {
  it.each(['1', '2'])(
    'on %s worker(s), stops a sweep within a replication and prints the points that finished',
    async (workers) => {
      const { code, stdout, stderr } = await signalledWhen(
        /2\/4 replications/,
        'SIGINT',
        'sweep',
        'scenarios/token-ring.json',
        '--vary',
        `run.duration=300,${endless}`,
        '--reps',
        '2',
        '--workers',
        workers,
      );
      expect(code).toBe(130);
      expect(stderr).toMatch(/stopped by Ctrl-C: 2 of 4 replications finished/);
      const [short, long] = stdout.split('\n').filter((line) => /^\s*(300|30000000) /.test(line));
      expect(short).toMatch(/analysts \d+%/);
      expect(long).toMatch(/not finished: stopped by Ctrl-C/);
      noStackTrace(stderr);
    },
  );

  it('stops a shard without writing a partial file, with exit code 130', async () => {
    const out = join(tmp, 'never.json');
    const { code, stderr } = await signalledWhen(
      /0\/1 replications/,
      'SIGINT',
      'run',
      'scenarios/token-ring.json',
      '--set',
      `run.duration=${endless}`,
      '--reps',
      '2',
      '--workers',
      '1',
      '--shard',
      '1/2',
      '--out',
      out,
    );
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopped by Ctrl-C: 0 of 1 replications finished; no partial file written/);
    expect(existsSync(out)).toBe(false);
    noStackTrace(stderr);
  });
});

describe('SIGTERM, as a batch runner sends before it kills', () => {
  it('stops a run in this thread within its first replication, with exit code 143', async () => {
    const { code, stdout, stderr } = await signalledWhen(
      /0\/2 replications/,
      'SIGTERM',
      'run',
      'scenarios/token-ring.json',
      '--set',
      `run.duration=${endless}`,
      '--reps',
      '2',
      '--workers',
      '1',
    );
    expect(code).toBe(143);
    expect(stderr).toMatch(/stopped by SIGTERM: 0 of 2 replications finished/);
    expect(stdout).toBe('');
    noStackTrace(stderr);
  });

  it('stops a comparison within a replication and says how many finished', async () => {
    const queue = (duration: number) => ({
      name: `queue ${duration}`,
      run: { duration, replications: 2 },
      demand: [{ id: 'feature', interarrival: { dist: 'exponential', mean: 1.25 }, steps: ['build'] }],
      nodes: [{ id: 'builders', capacity: 1, serves: { build: { dist: 'exponential', mean: 1 } } }],
    });
    const short = join(tmp, 'short.json');
    const long = join(tmp, 'long.json');
    writeFileSync(short, JSON.stringify(queue(300)));
    writeFileSync(long, JSON.stringify(queue(Number(endless))));
    // Jobs take turns between the variants: the short one's first finishes, then the long one's
    // first starts, in the same turn of the event loop as the progress line.
    const { code, stdout, stderr } = await signalledWhen(
      /1\/4 replications/,
      'SIGTERM',
      'compare',
      short,
      long,
      '--workers',
      '1',
    );
    expect(code).toBe(143);
    expect(stderr).toMatch(/stopped by SIGTERM: 1 of 4 replications finished/);
    expect(stdout).toBe('');
    noStackTrace(stderr);
  });
});
