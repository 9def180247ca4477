/**
 * When the reader of flowlab's output goes away (`| head -1`) or stdout cannot be written:
 * a quiet end with a conventional code, never a stack trace.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const small = ['--set', 'run.duration=300', '--set', 'run.warmup=30', '--reps', '2'];

/** Runs flowlab with `stdout` and `stderr` as given; 'closed' is a pipe whose reader is gone at once. */
function flowlab(stdout: 'closed' | 'pipe' | number, stderr: 'closed' | 'pipe', ...args: string[]) {
  const child = spawn(process.execPath, ['bin/flowlab.js', ...args], {
    stdio: ['ignore', stdout === 'closed' ? 'pipe' : stdout, 'pipe'],
  });
  let errors = '';
  if (stdout === 'closed') child.stdout?.destroy();
  if (stderr === 'closed') child.stderr?.destroy();
  else child.stderr?.on('data', (d) => (errors += d));
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr: errors })),
  );
}

describe('a closed stdout', () => {
  it.each([
    ['run', 'scenarios/token-ring.json', ...small, '--json'],
    ['sweep', 'scenarios/token-ring.json', ...small, '--vary', 'nodes.reviewers.capacity=1,2', '--csv'],
  ])('ends %s quietly with 141, as a tool that SIGPIPE ended', async (...args) => {
    const { code, stderr } = await flowlab('closed', 'pipe', ...args);
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });

  it('that cannot be written (a full disk) is exit 74 with the reason', async () => {
    const full = openSync('/dev/full', 'w');
    const { code, stderr } = await flowlab(
      full,
      'pipe',
      'run',
      'scenarios/token-ring.json',
      ...small,
      '--json',
    );
    closeSync(full);
    expect(code).toBe(74);
    expect(stderr).toBe(
      'flowlab: could not write the output to stdout: no space left on the disk (ENOSPC)\n',
    );
  });
});

describe('a closed stderr', () => {
  it('leaves the exit code as it was', async () => {
    const { code } = await flowlab('pipe', 'closed', 'run', 'no-such-scenario.json');
    expect(code).toBe(2);
  });
});
