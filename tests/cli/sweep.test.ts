/**
 * Sweeps, worker threads, shards and merge from the command line, as an analyst runs them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function flowlab(...args: string[]) {
  const out = spawnSync(process.execPath, ['bin/flowlab.js', ...args], { encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const small = ['--set', 'run.duration=300', '--set', 'run.warmup=30', '--reps', '3'];
const tmp = mkdtempSync(join(tmpdir(), 'flowlab-sweep-'));
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('flowlab sweep', () => {
  it('prints one row per point of the grid, with intervals', () => {
    const { code, stdout } = flowlab(
      'sweep',
      'scenarios/outages-routing.json',
      ...small,
      '--vary',
      'routing=fixed,shortest-queue',
      '--vary',
      'utilization.builders=0.5:0.7:0.2',
      '--workers',
      '1',
    );
    expect(code).toBe(0);
    const rows = stdout.split('\n').filter((l) => /^\s*(fixed|shortest-queue)\s/.test(l));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatch(/±/);
  });

  it('writes CSV and JSON with the same points, and the same numbers on 1 worker and on 2', () => {
    const args = [
      'sweep',
      'scenarios/batch-release.json',
      ...small,
      '--vary',
      'nodes.release-pipeline.batch.size=1,20',
    ];
    const csv = flowlab(...args, '--csv', '--workers', '1');
    expect(csv.code).toBe(0);
    const [header, ...lines] = csv.stdout.trim().split('\n');
    expect(header).toMatch(/^nodes\.release-pipeline\.batch\.size,lead_time_mean,lead_time_ci95_low,/);
    expect(lines).toHaveLength(2);
    const one = flowlab(...args, '--json', '--workers', '1');
    const two = flowlab(...args, '--json', '--workers', '2');
    expect(two.stdout).toBe(one.stdout);
    const points = JSON.parse(one.stdout).points;
    expect(points[1].result.leadTime.mean).toBeGreaterThan(points[0].result.leadTime.mean);
  });

  it('--csv writes text that would start a formula as text, and negative numbers as numbers', () => {
    const { code, stdout } = flowlab(
      'sweep',
      'scenarios/token-ring.json',
      ...small,
      '--reps',
      '2',
      '--vary',
      'routing=-2+3,=HYPERLINK("http://evil.example"),fixed',
      '--workers',
      '1',
      '--csv',
    );
    expect(code).toBe(0);
    const firstCells = stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => (l.startsWith('"') ? l.slice(0, l.indexOf('",') + 1) : l.split(',')[0]));
    expect(firstCells).toEqual(["'-2+3", `"'=HYPERLINK(""http://evil.example"")"`, 'fixed']);
    // token-ring at 300 time units over 2 replications: an interval reaches below zero.
    expect(stdout).toMatch(/,-\d/);
  });

  it('rejects a bad axis or a bad flag with exit code 2 and no stack trace', () => {
    const noVary = flowlab('sweep', 'scenarios/token-ring.json');
    expect(noVary.code).toBe(2);
    expect(noVary.stderr).toMatch(/at least one --vary/);
    const badRange = flowlab('sweep', 'scenarios/token-ring.json', '--vary', 'run.duration=5:1:1');
    expect(badRange.code).toBe(2);
    expect(badRange.stderr).toMatch(/range must go up/);
    const badShard = flowlab(
      'sweep',
      'scenarios/token-ring.json',
      '--vary',
      'routing=fixed',
      '--shard',
      '4/3',
      '--out',
      'x',
    );
    expect(badShard.code).toBe(2);
    expect(badShard.stderr).toMatch(/k must be between 1 and n/);
    for (const r of [noVary, badRange, badShard]) noStackTrace(r.stderr);
  });

  it('refuses a grid too big to plan, at once, with exit code 2: one axis of many points or a product of axes', () => {
    const counted = flowlab(
      'sweep',
      'scenarios/token-ring.json',
      '--vary',
      'run.duration=0:1000000/50000000',
    );
    expect(counted.code).toBe(2);
    expect(counted.stderr).toMatch(
      /run\.duration: 50,000,000 points is too many for one axis \(at most 10,000\)/,
    );
    const product = flowlab(
      'sweep',
      'scenarios/token-ring.json',
      '--vary',
      'run.duration=100:1000/1000',
      '--vary',
      'nodes.analysts.capacity=1:100:1',
    );
    expect(product.code).toBe(2);
    expect(product.stderr).toMatch(/the grid has 1,000 x 100 = 100,000 points, too many for one sweep/);
    for (const r of [counted, product]) {
      noStackTrace(r.stderr);
      expect(r.stdout).toBe('');
    }
  });
});

describe('flowlab compare --workers', () => {
  it('prints the same comparison on 1 worker and on 2, with no progress bar when piped', () => {
    // Two strategies that both keep up: under fixed routing one stream is overloaded, and a
    // variant that cannot keep up is flagged rather than compared.
    const args = [
      'compare',
      'scenarios/dynamic-network.json',
      ...small,
      '--routing',
      'shortest-queue,least-work',
    ];
    const one = flowlab(...args, '--workers', '1');
    const two = flowlab(...args, '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toMatch(/mean lead time .* than/);
    expect(two.stderr).toBe('');
    expect(flowlab(...args, '--json', '--workers', '2').stdout).toBe(
      flowlab(...args, '--json', '--workers', '1').stdout,
    );
  });
});

describe('flowlab run --shard and flowlab merge', () => {
  it('three shards of a run merge into exactly what the whole run prints', () => {
    const parts = [1, 2, 3].map((k) => join(tmp, `run-${k}.json`));
    for (const [i, file] of parts.entries()) {
      const shard = flowlab(
        'run',
        'scenarios/token-ring.json',
        ...small,
        '--shard',
        `${i + 1}/3`,
        '--out',
        file,
      );
      expect(shard.code).toBe(0);
      expect(shard.stderr).toMatch(/wrote .* 1 replication of 3/);
    }
    const merged = flowlab('merge', ...parts, '--json');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(flowlab('run', 'scenarios/token-ring.json', ...small, '--json').stdout);
    expect(flowlab('run', 'scenarios/token-ring.json', ...small, '--json', '--workers', '2').stdout).toBe(
      merged.stdout,
    );
  });

  it('two shards of a sweep merge into exactly the whole sweep', () => {
    const args = ['scenarios/token-ring.json', ...small, '--vary', 'nodes.reviewers.capacity=1,2'];
    const parts = [1, 2].map((k) => join(tmp, `sweep-${k}.json`));
    for (const [i, file] of parts.entries())
      expect(flowlab('sweep', ...args, '--shard', `${i + 1}/2`, '--out', file).code).toBe(0);
    expect(flowlab('merge', ...parts, '--csv').stdout).toBe(flowlab('sweep', ...args, '--csv').stdout);
  });

  it('says which shard is missing, with exit code 2', () => {
    const part = join(tmp, 'lonely.json');
    flowlab('run', 'scenarios/token-ring.json', ...small, '--shard', '1/2', '--out', part);
    const merged = flowlab('merge', part);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/missing shard 2\/2/);
    noStackTrace(merged.stderr);
    expect(readdirSync(tmp).length).toBeGreaterThan(0);
  });
});

/**
 * Runs flowlab on a terminal (a pseudo-terminal from util-linux's `script`, so it draws its
 * progress bar), presses Ctrl-C as a user would once the bar shows a replication done, and
 * gives what it printed and its exit code. Waiting for the bar, not for a time, makes the
 * test the same on a busy machine: the key is pressed when the command is under way, never
 * while Node is still starting (when Ctrl-C would end it before it could print anything).
 * On a terminal stdout and stderr are one stream; `stdout` and `stderr` both hold it.
 */
async function interrupted(...args: string[]) {
  const quote = (a: string) => `'${a.replaceAll("'", "'\\''")}'`;
  const command = ['exec', process.execPath, 'bin/flowlab.js', ...args].map(quote).join(' ');
  const child = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null']);
  // The command may have ended on its own before the key is pressed.
  child.stdin.on('error', () => {});
  let screen = '';
  let under = () => {};
  child.stdout.on('data', (d) => {
    screen += d;
    if (/[1-9]\d*\/\d+ replications/.test(screen)) under();
  });
  const closed = new Promise((resolve) => child.on('close', resolve));
  await Promise.race([new Promise<void>((resolve) => (under = resolve)), closed]);
  child.stdin.write('\x03');
  const code = await closed;
  child.stdin.end();
  const text = screen.replaceAll('\r\n', '\n');
  return { code, stdout: text, stderr: text };
}

describe('Ctrl-C', () => {
  it('stops a long sweep cleanly, prints the points that finished and exits 130', async () => {
    const { code, stdout, stderr } = await interrupted(
      'sweep',
      'scenarios/token-ring.json',
      '--vary',
      'utilization.developers=0.5:0.95:0.05',
      '--reps',
      '40',
      '--set',
      'run.duration=20000',
      '--workers',
      '2',
    );
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopped by Ctrl-C: \d+ of 400 replications finished/);
    expect(stdout).toMatch(/Token-ring pipeline: 10 points/);
    expect(stdout).toMatch(/not finished: stopped by Ctrl-C/);
    noStackTrace(stderr);
  });

  it('stops a long comparison cleanly and compares the replications every variant finished', async () => {
    const { code, stdout, stderr } = await interrupted(
      'compare',
      'scenarios/dynamic-network.json',
      '--routing',
      'fixed,shortest-queue',
      '--reps',
      '400',
      '--set',
      'run.duration=40000',
      '--workers',
      '2',
    );
    expect(code).toBe(130);
    const finished = Number(/stopped by Ctrl-C: (\d+) of 800 replications finished/.exec(stderr)?.[1]);
    expect(finished).toBeLessThan(800);
    const paired = /compared over the first (\d+) replication/.exec(stderr)?.[1];
    if (paired) expect(stdout).toContain(`2 variants, seed 1, ${paired} replication`);
    noStackTrace(stderr);
  });

  it('stops a long run cleanly and prints the replications that finished', async () => {
    const { code, stdout, stderr } = await interrupted(
      'run',
      'scenarios/token-ring.json',
      '--reps',
      '400',
      '--set',
      'run.duration=40000',
      '--workers',
      '2',
    );
    expect(code).toBe(130);
    const finished = Number(/stopped by Ctrl-C: (\d+) of 400 replications finished/.exec(stderr)?.[1]);
    expect(finished).toBeLessThan(400);
    if (finished > 0) expect(stdout).toContain(`seed 1, ${finished} replication`);
    noStackTrace(stderr);
  });
});
