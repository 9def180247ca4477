/**
 * `flowlab merge` prints what the whole run prints, in every output form.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTIAL_VERSION } from '../../src/experiment/shard-file.ts';

function flowlab(...args: string[]) {
  const out = spawnSync(process.execPath, ['bin/flowlab.js', ...args], { encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const small = ['--set', 'run.duration=300', '--set', 'run.warmup=30', '--reps', '4'];
const tmp = mkdtempSync(join(tmpdir(), 'flowlab-merge-'));

/** Runs `command` as n shards and gives the files. */
function shards(n: number, name: string, ...args: string[]): string[] {
  return Array.from({ length: n }, (_, i) => {
    const file = join(tmp, `${name}-${i + 1}.json`);
    const out = flowlab(...args, '--shard', `${i + 1}/${n}`, '--out', file);
    expect(out.code).toBe(0);
    return file;
  });
}

describe('flowlab merge', () => {
  it('prints the same report as the whole run, estimated loads of a routed network marked alike', () => {
    const run = ['run', 'scenarios/dynamic-network.json', ...small];
    const whole = flowlab(...run);
    expect(whole.stdout).toMatch(/~/);
    const files = shards(3, 'network', ...run);
    expect(flowlab('merge', ...files).stdout).toBe(whole.stdout);
    expect(flowlab('merge', ...files.reverse(), '--json').stdout).toBe(flowlab(...run, '--json').stdout);
  });

  it('prints the same table and JSON as the whole sweep, shards given in any order', () => {
    const sweep = ['sweep', 'scenarios/token-ring.json', ...small, '--vary', 'routing=fixed,shortest-queue'];
    const files = shards(3, 'sweep', ...sweep);
    expect(flowlab('merge', files[2], files[0], files[1]).stdout).toBe(flowlab(...sweep).stdout);
    expect(flowlab('merge', ...files, '--json').stdout).toBe(flowlab(...sweep, '--json').stdout);
  });

  it("carries a sweep's money and blocked share: the merged CSV and table are the whole sweep's", () => {
    const sweep = [
      'sweep',
      'scenarios/wsjf-cost-of-delay.json',
      ...small,
      '--vary',
      'nodes.product-team.discipline=wsjf,fifo',
    ];
    const files = shards(2, 'money', ...sweep);
    const csv = flowlab('merge', ...files, '--csv').stdout;
    expect(csv.split('\n')[0]).toMatch(
      /,stable,cost_of_delay,cost_of_delay_ci95_low,.*,value_delivered_ci95_high,error$/,
    );
    expect(csv).toBe(flowlab(...sweep, '--csv').stdout);
    expect(flowlab('merge', ...files).stdout).toBe(flowlab(...sweep).stdout);
    const blocked = [
      'sweep',
      'scenarios/blockers-long-tail.json',
      ...small,
      '--vary',
      'nodes.developers.capacity=4,5',
    ];
    const parts = shards(2, 'blocked', ...blocked);
    const merged = flowlab('merge', ...parts, '--csv').stdout;
    expect(merged).toMatch(/,share_of_lead_time_blocked_ci95_high,error\n/);
    expect(merged).toBe(flowlab(...blocked, '--csv').stdout);
  });

  it('refuses, with exit code 2, shards that do not belong together or are given twice', () => {
    const a = shards(2, 'seed-1', 'run', 'scenarios/token-ring.json', ...small);
    const b = shards(2, 'seed-2', 'run', 'scenarios/token-ring.json', ...small, '--seed', '2');
    const foreign = flowlab('merge', a[0], b[1]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/shard 2\/2 is from a different run than shard 1\/2/);
    const twice = flowlab('merge', a[0], a[0], a[1]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/shard 1\/2 is given twice/);
    const other = join(tmp, 'not-a-shard.json');
    writeFileSync(other, '{"name": "a scenario"}');
    const wrong = flowlab('merge', other);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/not a partial result/);
    for (const r of [foreign, twice, wrong]) expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses, with exit code 2 and the file and field, a shard edited after it was written or cut short', () => {
    const [one, two] = shards(2, 'edited', 'run', 'scenarios/token-ring.json', ...small);
    const edited = join(tmp, 'edited-count.json');
    writeFileSync(
      edited,
      readFileSync(one, 'utf8').replace(/"completed":(\d+)/, (_, n) => `"completed":${Number(n) * 2}`),
    );
    const minimal = join(tmp, 'minimal.json');
    writeFileSync(minimal, `{"format":"flowlab-partial","version":${PARTIAL_VERSION}}`);
    const cut = join(tmp, 'cut.json');
    writeFileSync(cut, readFileSync(two, 'utf8').slice(0, 5000));
    for (const [files, reason] of [
      [[edited, two], /edited-count\.json: digest: the content does not match its digest/],
      [[one, minimal], /minimal\.json: kind: kind must be "run" or "sweep"/],
      [[one, cut], /cut\.json: not valid JSON/],
    ] as const) {
      const out = flowlab('merge', ...files);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(reason);
      expect(out.stderr).not.toMatch(/^\s+at /m);
    }
    expect(flowlab('merge', one, two).code).toBe(0);
  });
});
