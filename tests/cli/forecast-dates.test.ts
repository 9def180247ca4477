import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function flowlab(...args: string[]) {
  const out = spawnSync(process.execPath, ['bin/flowlab.js', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('flowlab forecast in dates', () => {
  it('when will N items be done: dates from the fitted model and from the throughput, side by side', () => {
    const { code, stdout } = flowlab(
      'forecast',
      'examples/team-events.csv',
      '--items',
      '40',
      '--start',
      '2026-01-05',
      '--holidays',
      '2026-01-19,2026-02-16',
      '--reps',
      '40',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/When will 40 items be done, starting Mon 2026-01-05\?/);
    expect(stdout).toMatch(/Days off: sat, sun, and 2 holidays/);
    expect(stdout).toMatch(/from the model\s+from the history's throughput/);
    for (const p of ['50%', '70%', '85%', '95%'])
      expect(stdout).toMatch(
        new RegExp(
          `${p}\\s+(Mon|Tue|Wed|Thu|Fri) 2026-\\d\\d-\\d\\d \\(\\d+ working days\\)\\s+(Mon|Tue|Wed|Thu|Fri) 2026`,
        ),
      );
    expect(stdout).not.toMatch(/(Sat|Sun) 2026/);
    expect(stdout).not.toMatch(/2026-01-19|2026-02-16/);
  });

  it('how many by a date, as JSON, the same for the same seed', () => {
    const args = [
      'forecast',
      'examples/team-events.csv',
      '--by',
      '2026-03-31',
      '--start',
      '2026-01-05',
      '--reps',
      '20',
      '--json',
    ];
    const a = flowlab(...args, '--seed', '4');
    const b = flowlab(...args, '--seed', '4');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const json = JSON.parse(a.stdout);
    expect(json.question).toEqual({ by: '2026-03-31' });
    expect(json.calendar).toEqual({ daysOff: ['sat', 'sun'], holidays: [] });
    expect(json.model.percentiles.map((p: { likelihood: number }) => p.likelihood)).toEqual([
      0.5, 0.7, 0.85, 0.95,
    ]);
    expect(json.throughput.samples).toHaveLength(10_000);
  });

  it('a scenario file forecasts from the model, and from a history given beside it', () => {
    const alone = flowlab(
      'forecast',
      'scenarios/dynamic-network.json',
      '--items',
      '20',
      '--start',
      '2026-06-01',
      '--reps',
      '10',
    );
    expect(alone.code).toBe(0);
    expect(alone.stdout).toMatch(/Give --history FILE/);
    const beside = flowlab(
      'forecast',
      'scenarios/dynamic-network.json',
      '--items',
      '20',
      '--start',
      '2026-06-01',
      '--reps',
      '10',
      '--history',
      'examples/team-stages.csv',
      '--days-off',
      'fri,sat',
    );
    expect(beside.code).toBe(0);
    expect(beside.stdout).toMatch(/Days off: fri, sat\./);
    expect(beside.stdout).not.toMatch(/(Fri|Sat) 2026/);
  });

  it('takes holidays from a file, one a line, with comments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowlab-holidays-'));
    const file = join(dir, 'holidays.txt');
    writeFileSync(file, '# school\n2026-01-06\n2026-01-07  # more\n');
    const { code, stdout } = flowlab(
      'forecast',
      'examples/team-events.csv',
      '--items',
      '3',
      '--start',
      '2026-01-05',
      '--holidays',
      file,
      '--json',
      '--reps',
      '5',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).calendar.holidays).toEqual(['2026-01-06', '2026-01-07']);
  });

  it.each([
    [['--items', '5'], /--start DATE/],
    [['--items', '5', '--start', '05/01/2026'], /--start takes an ISO date/],
    [['--items', '5', '--start', '2026-02-30'], /2026-02 has no day 30/],
    [['--by', '2025-12-01', '--start', '2026-01-05'], /--by 2025-12-01 is before --start/],
    [['--items', '5', '--by', '2026-02-01', '--start', '2026-01-05'], /either --items N .* or --by DATE/],
    [['--items', '5', '--start', '2026-01-05', '--days-off', 'sat,sunday,funday'], /"funday" is no weekday/],
    [['--items', '5', '--start', '2026-01-05', '--holidays', '2026-13-01'], /--holidays: .*no month 13/],
    [['--until', '5', '--start', '2026-01-05'], /--until counts model time/],
  ])('refuses %j with exit 2', (args, message) => {
    const { code, stderr } = flowlab('forecast', 'examples/team-events.csv', ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
