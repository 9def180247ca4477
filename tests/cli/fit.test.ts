import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/parse.ts';

function flowlab(...args: string[]) {
  const out = spawnSync(process.execPath, ['bin/flowlab.js', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'flowlab-fit-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('flowlab fit', () => {
  it('fits the sample history, says how, backtests it, and writes a scenario that runs', () => {
    const out = join(dir, 'team.json');
    const { code, stdout } = flowlab('fit', 'examples/team-events.csv', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/an event log of \d+ items/);
    expect(stdout).toMatch(/Ready for Review\s+waiting\s+its name says so/);
    expect(stdout).toMatch(/Dev: capacity 3: while items waited in Ready for Dev/);
    expect(stdout).toMatch(/Assumptions to check/);
    expect(stdout).toMatch(/lead time p85 \(days\)\s+[\d.]+\s+[\d.]+/);
    expect(stdout).toMatch(/The model reproduces the history on every measure/);
    const scenario = JSON.parse(readFileSync(out, 'utf8'));
    expect(parseScenario(scenario).ok).toBe(true);
    const run = flowlab('run', out, '--reps', '2', '--workers', '1');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/lead time/i);
  });

  it('warns in capitals where the model does not reproduce the history', () => {
    const { code, stdout } = flowlab('fit', 'examples/team-stages.csv');
    expect(code).toBe(0);
    expect(stdout).toMatch(/WARNING: where the model does not reproduce the history/);
    expect(stdout).toMatch(/\s+NO$/m);
  });

  it('--json gives the history, the fit, the backtest and the scenario', () => {
    const { code, stdout } = flowlab('fit', 'examples/team-events.csv', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['history', 'fit', 'backtest', 'scenario']);
    expect(json.backtest.rows).toHaveLength(6);
  });

  it.each([
    ['an empty file', '', /empty\.csv: line 1: the file is empty/],
    [
      'a value that is not a date',
      'ID,To Do,Done\n1,2025-01-01,2025-01-02\n2,2025-01-01,tomorrow\n',
      /line 3, column "Done": "tomorrow" is not a date/,
    ],
    [
      '03/04 that nothing settles',
      'ID,To Do,Done\n1,03/04/2025,05/04/2025\n',
      /line 2, column "To Do": .* --dates dmy/,
    ],
    [
      'an unclosed quote',
      'ID,To Do,Done\n1,"2025-01-01,2025-01-02\n',
      /line 2: a quoted field is never closed/,
    ],
  ])('refuses %s with exit 2, the file, the line and the column', (_, text, message) => {
    const path = file('empty.csv', text);
    const { code, stderr } = flowlab('fit', path);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses a --waiting stage the file does not have, and a --dates it cannot use', () => {
    const waiting = flowlab('fit', 'examples/team-events.csv', '--waiting', 'Ready for QA');
    expect(waiting.code).toBe(2);
    expect(waiting.stderr).toMatch(/--waiting: no stage "Ready for QA" in .*\(its stages: Ready for Dev/);
    const dates = flowlab('fit', 'examples/team-events.csv', '--dates', 'ymd');
    expect(dates.code).toBe(2);
    expect(dates.stderr).toMatch(/--dates must be dmy/);
    expect(flowlab('fit', join(dir, 'missing.csv')).stderr).toMatch(/missing\.csv: no such file/);
  });

  it('reads 03/04 as asked with --dates', () => {
    const path = file(
      'us.csv',
      'ID,To Do,Doing,Done\n1,03/04/2025,03/05/2025,03/06/2025\n2,03/05/2025,03/06/2025,03/08/2025\n',
    );
    const { code, stdout } = flowlab('fit', path, '--dates', 'mdy', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).history.from).toBe('2025-03-04');
  });
});

describe('flowlab fit --charts', () => {
  it('writes the flow charts’ data, history beside model, and prints where the time goes', () => {
    const charts = join(dir, 'charts');
    const { code, stdout } = flowlab('fit', 'examples/team-events.csv', '--charts', charts);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Where the time goes/);
    expect(stdout).toMatch(/Flow efficiency \(work over lead time\): history \d+%, model \d+%/);
    expect(stdout).toMatch(/In progress at the end: 4 items in the history/);
    const cfd = readFileSync(join(charts, 'cfd.csv'), 'utf8').split('\r\n');
    expect(cfd[0]).toBe('source,date,Ready for Dev,Dev,Ready for Review,Review,Ready for Test,Test,Done');
    expect(cfd.some((l) => l.startsWith('model,'))).toBe(true);
    for (const name of ['cycle-times', 'lead-time-histogram', 'aging-wip', 'throughput', 'time-in-stage'])
      expect(readFileSync(join(charts, `${name}.csv`), 'utf8')).toMatch(/history/);
    // Written once; again only with --force.
    expect(flowlab('fit', 'examples/team-events.csv', '--charts', charts).code).toBe(2);
    expect(flowlab('fit', 'examples/team-events.csv', '--charts', charts, '--force').code).toBe(0);
  });
});

describe('flowlab fit --commit', () => {
  it('counts from the commitment point, and refuses a stage the file does not have', () => {
    const path = file(
      'board.csv',
      'ID,Backlog,Ready,Doing,Done\nA,2025-01-01,2025-03-01,2025-03-02,2025-03-05\nB,2025-01-15,2025-03-03,2025-03-04,2025-03-06\n',
    );
    const ok = flowlab('fit', path, '--commit', 'Ready', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).history.stages).toEqual(['Ready', 'Doing', 'Done']);
    const bad = flowlab('fit', path, '--commit', 'Selected');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--commit: .*board\.csv: no stage "Selected"/);
  });
});
