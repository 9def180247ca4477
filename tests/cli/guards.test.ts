/**
 * A valid scenario whose queue grows without bound ends in bounded memory, and says so: the
 * command line, end to end, in a child process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('flowlab run on a queue that grows without bound', () => {
  it('stops at 2,097,152 items in the system, exit 0, and --json says overflow and where', () => {
    const scenario = JSON.stringify({
      name: 'a flood',
      run: { duration: 40_000, seed: 1 },
      demand: [{ id: 'work', interarrival: { dist: 'exponential', mean: 0.001 }, steps: ['a'] }],
      nodes: [{ id: 'team', capacity: 2, serves: { a: { dist: 'exponential', mean: 1 } } }],
    });
    const file = join(mkdtempSync(join(tmpdir(), 'flowlab-guards-')), 'flood.json');
    writeFileSync(file, scenario);
    const out = spawnSync(process.execPath, ['bin/flowlab.js', 'run', file, '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    expect(out.stderr).not.toMatch(/^\s+at /m);
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.stoppedBy).toBe('overflow');
    expect(result.runs[0].inProgressAtEnd).toBe(2_097_152);
    expect(result.overflow.nodes).toEqual(['team']);
  });
});
