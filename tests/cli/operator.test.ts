/**
 * flowlab in a batch job's surroundings: too many threads asked for, a working directory
 * removed under it, a mistyped environment variable.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function flowlab(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = spawnSync(process.execPath, ['bin/flowlab.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const small = ['--set', 'run.duration=300', '--set', 'run.warmup=30', '--reps', '3'];

describe('in a batch job', () => {
  it('--workers 10000 starts no more threads than there are cores, says so, and gives the same bytes', () => {
    const many = flowlab(['run', 'scenarios/token-ring.json', ...small, '--workers', '10000', '--json']);
    const one = flowlab(['run', 'scenarios/token-ring.json', ...small, '--workers', '1', '--json']);
    expect(many.code).toBe(0);
    expect(many.stderr).toMatch(/note: --workers 10000 is more than the \d+ cores? here; using \d+/);
    expect(many.stdout).toBe(one.stdout);
  });

  it('--workers 0 is exit 2', () => {
    const { code, stderr } = flowlab(['run', 'scenarios/token-ring.json', ...small, '--workers', '0']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--workers must be a whole number of at least 1/);
  });

  it('a working directory removed under it is exit 2 with the reason, not a stack trace', () => {
    const gone = mkdtempSync(join(tmpdir(), 'flowlab-gone-'));
    const bin = resolve('bin/flowlab.js');
    const scenario = resolve('scenarios/token-ring.json');
    const out = spawnSync(
      'sh',
      ['-c', 'cd "$1" && rmdir "$1" && exec "$2" "$3" run "$4"', 'sh', gone, process.execPath, bin, scenario],
      { encoding: 'utf8' },
    );
    expect(out.status).toBe(2);
    expect(out.stderr).toBe(
      'flowlab: the current directory no longer exists; change to one that does and run again\n',
    );
  });

  it('FLOWLAB_PROGRESS other than 0 or 1 is exit 2, never silently ignored', () => {
    const { code, stderr } = flowlab(['run', 'scenarios/token-ring.json', ...small], {
      FLOWLAB_PROGRESS: 'yes',
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /FLOWLAB_PROGRESS must be 1 \(progress lines on stderr\) or 0 \(none\); it is "yes"/,
    );
  });
});
