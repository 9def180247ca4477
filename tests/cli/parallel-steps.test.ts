/**
 * Parallel steps at the command line: the readable report's table of joins, and a bad
 * parallel step refused with its file, path and rule, exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { joinReports } from '../../src/report/index.ts';

function flowlab(...args: string[]) {
  const out = spawnSync(process.execPath, ['bin/flowlab.js', ...args], { encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const small = { duration: 400, warmup: 40, replications: 3 };

describe('parallel steps at the command line', () => {
  it('run lists each join: the wait for the slowest branch, fork to join, and which branch was last', () => {
    const { code, stdout } = flowlab(
      'run',
      'scenarios/component-teams.json',
      '--set',
      'run.duration=400',
      '--set',
      'run.warmup=40',
      '--reps',
      '3',
    );
    expect(code).toBe(0);
    const doc = JSON.parse(readFileSync('scenarios/component-teams.json', 'utf8'));
    const [join] = joinReports(simulate({ ...doc, run: { ...doc.run, ...small } }));
    const line = stdout.split('\n').find((l) => l.startsWith('feature, step 1'));
    expect(line).toBeDefined();
    for (const part of [join.branches, join.wait, join.span, join.last]) expect(line).toContain(part);
    expect(stdout).toMatch(
      /parallel step +branches +waited for the slowest \(days\) +fork to join +last to be done/,
    );
  });

  it('a nested parallel step is refused with the file, the path and the rule, exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowlab-parallel-'));
    const file = join(dir, 'nested.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'nested',
        run: { duration: 100 },
        demand: [{ id: 'feature', interarrival: 1, steps: [{ all: ['a', { all: ['b', 'c'] }] }] }],
        nodes: [{ id: 'team', capacity: 1, serves: { a: 1, b: 1, c: 1 } }],
      }),
    );
    const { code, stderr, stdout } = flowlab('run', file);
    expect(code).toBe(2);
    expect(stderr + stdout).toContain('nested.json');
    expect(stderr + stdout).toContain('demand[0] (feature).steps[0]');
    expect(stderr + stdout).toMatch(/each branch of a parallel step must be one capability name/);
    expect(stderr + stdout).not.toMatch(/^\s+at /m);
  });
});
