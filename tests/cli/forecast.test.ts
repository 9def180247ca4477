import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function flowlab(...args: string[]) {
  // A cap, so that a forecast that never ends fails its test instead of hanging the suite.
  const out = spawnSync(process.execPath, ['bin/flowlab.js', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('flowlab forecast', () => {
  it('says how long N more items take, as percentiles and a histogram', () => {
    const { code, stdout } = flowlab(
      'forecast',
      'scenarios/dynamic-network.json',
      '--items',
      '30',
      '--reps',
      '40',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/How long until 30 more items are done \(days\)/);
    expect(stdout).toMatch(/85%\s+\d/);
    expect(stdout).toMatch(/chance of being done by the end of it/);
    expect(stdout).toMatch(/█.*\d+\s+100%$/m);
  });

  it('explains itself with --help', () => {
    const { code, stdout } = flowlab('forecast', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/--items N/);
    expect(stdout).toMatch(/--until T/);
  });

  it('says how many items are done by a date, as JSON with every sample', () => {
    const { code, stdout } = flowlab(
      'forecast',
      'scenarios/token-ring.json',
      '--until',
      '60',
      '--reps',
      '30',
      '--json',
    );
    expect(code).toBe(0);
    const f = JSON.parse(stdout);
    expect(f.question).toEqual({ until: 60 });
    expect(f.samples).toHaveLength(30);
    expect(f.p15).toBeLessThanOrEqual(f.p50);
    expect(f.histogram[0]).toMatchObject({ likelihood: 1 });
  });

  it('takes --seed and --set, and gives the same forecast for the same seed', () => {
    const args = ['forecast', 'scenarios/token-ring.json', '--until', '30', '--reps', '10', '--json'];
    const a = flowlab(...args, '--seed', '7', '--set', 'run.warmup=auto');
    const b = flowlab(...args, '--seed', '7', '--set', 'run.warmup=auto');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).seed).toBe(7);
    expect(JSON.parse(a.stdout).from).not.toBe(200);
  });

  it('needs exactly one question, and a sensible one: exit code 2 otherwise', () => {
    for (const args of [
      [],
      ['--items', '5', '--until', '9'],
      ['--items', '0'],
      ['--until', '-3'],
      ['--until', 'soon'],
    ]) {
      const r = flowlab('forecast', 'scenarios/token-ring.json', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('a question too large to answer exits 2 naming the file and the limit, where it used to run without end', () => {
    for (const [args, reason] of [
      [
        ['--items', '1000000000'],
        /: a forecast of 1000000000 more items over 100 replications would simulate about/,
      ],
      [['--until', '1e300'], /: a forecast of the items done by 1e\+300 would run to time/],
      [['--items', '5', '--reps', '1000000000'], /: run\.replications: replications must be at most 10000/],
    ] as const) {
      const r = flowlab('forecast', 'scenarios/token-ring.json', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^scenarios/token-ring\\.json${reason.source}`, 'm'));
      expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
    }
  });
});
