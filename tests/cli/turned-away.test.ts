/**
 * The command line says where money leaves work out: `run` under a scenario with economics
 * that turned work away, `compare` where one variant turned more away than another. The real
 * bin, in a child process, as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeComparison } from '../../src/cli/commands/compare.ts';
import { compare, simulate } from '../../src/index.ts';
import { comparisonReport, economicsLines, number, percent } from '../../src/report/index.ts';
import { turnedAwayTeam } from '../turned-away-team.ts';

function flowlab(...args: string[]) {
  const out = spawnSync(process.execPath, ['bin/flowlab.js', ...args], { encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const team = turnedAwayTeam;

const tmp = mkdtempSync(join(tmpdir(), 'flowlab-turned-away-'));
function file(name: string, content: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(content, null, 2));
  return path;
}

const waits = team('waits', 'wait');
const rejects = team('rejects', 'reject');
const waitFile = file('waits.json', waits);
const rejectFile = file('rejects.json', rejects);
const turnedAwayLines = (stdout: string) => stdout.split('\n').filter((l) => /turned away/.test(l));

describe('flowlab run, where work was turned away', () => {
  it('says how many items, their share and their worth, and that the money counts only work done', () => {
    const { code, stdout } = flowlab('run', rejectFile, '--workers', '1');
    expect(code).toBe(0);
    const expected = economicsLines(simulate(rejects)).find((l) => l.key === 'turned-away');
    expect(expected?.text).toMatch(
      /^\d+ items per replication \(\d+% of arrivals\), worth about [\d,]+ \(an estimate from the mean value per item\); the cost of delay and value below count only the work done$/,
    );
    expect(turnedAwayLines(stdout)).toEqual([`turned away      ${expected?.text}`]);
    // The lean line of the same arrivals says them in the same unit, per replication.
    const r = simulate(rejects);
    const each = number(r.rejected / r.replications);
    expect(stdout).toContain(
      `rejected         ${each} arrivals per replication (${percent(r.rejectionRate)} of all arrivals) found their first node full`,
    );
    expect(expected?.text.startsWith(`${each} items per replication`)).toBe(true);
    // Said before the money it qualifies.
    const lines = stdout.split('\n');
    expect(lines.findIndex((l) => l.startsWith('turned away'))).toBeLessThan(
      lines.findIndex((l) => l.startsWith('cost of delay')),
    );
  });

  it('says nothing of it when nothing was turned away, or when there is no money to qualify', () => {
    const waiting = flowlab('run', waitFile, '--workers', '1');
    expect(waiting.code).toBe(0);
    expect(waiting.stdout).toMatch(/^cost of delay/m);
    expect(turnedAwayLines(waiting.stdout)).toEqual([]);
    const noMoney = flowlab(
      'run',
      file('no-money.json', team('no money', 'reject', false)),
      '--workers',
      '1',
    );
    expect(noMoney.code).toBe(0);
    expect(noMoney.stdout).toMatch(/^rejected +[\d.]+ arrivals per replication/m);
    expect(noMoney.stdout).not.toMatch(/^cost of delay/m);
    expect(turnedAwayLines(noMoney.stdout)).toEqual([]);
  });

  it('has the work turned away in --json only when there was some', () => {
    const json = (path: string) => JSON.parse(flowlab('run', path, '--json', '--workers', '1').stdout);
    const turned = json(rejectFile).economics.turnedAway;
    expect(turned).toEqual(simulate(rejects).economics?.turnedAway);
    expect(turned.items).toBeGreaterThan(0);
    expect('turnedAway' in json(waitFile).economics).toBe(false);
  });
});

describe('flowlab compare, where one variant turned work away', () => {
  const { code, stdout } = flowlab('compare', waitFile, rejectFile, '--workers', '1');
  const said = comparisonReport(
    compare([
      { name: 'waits', scenario: waits },
      { name: 'rejects', scenario: rejects },
    ]),
  ).variants[1].turnedAway;

  it('has a row of the work each turned away with the money', () => {
    expect(code).toBe(0);
    const r = simulate(rejects);
    const row = stdout.split('\n').find((l) => l.startsWith('turned away (per replication)'));
    expect(row?.split(/\s{2,}/).slice(1)).toEqual([
      '0 (0%)',
      `${number(r.rejected / r.replications)} (${percent(r.rejectionRate)})`,
    ]);
  });

  it('says which turned more away, and that its lower cost of delay is partly work not done, after its money', () => {
    expect(said).toMatch(
      /^rejects turned away more work than waits: \d+ items per replication \(\d+% of arrivals\) against none; its lower cost of delay is partly work not done, and the work it turned away was worth about [\d,]+ per replication \(an estimate\)$/,
    );
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => l.endsWith(said ?? '-'));
    expect(lines[at]).toBe(`${' '.repeat('rejects:'.length)} ${said}`);
    expect(lines[at - 1]).toMatch(/^ +value delivered [\d,]+ less than waits/);
    expect(lines.findIndex((l) => l.startsWith('── middle loop'))).toBeGreaterThan(at);
  });

  it('says nothing of it where neither turned work away', () => {
    const same = flowlab('compare', waitFile, file('waits-too.json', { ...waits, name: 'waits too' }));
    expect(same.code).toBe(0);
    expect(turnedAwayLines(same.stdout)).toEqual([]);
  });
});

describe('compare, where a variant without money turned work away', () => {
  const row = (variants: { name: string; scenario: unknown }[]) =>
    describeComparison(compare(variants))
      .split('\n')
      .find((l) => l.startsWith('turned away (per replication)'))
      ?.split(/\s{2,}/)
      .slice(1);
  const cell = (scenario: unknown) => {
    const r = simulate(scenario);
    return `${number(r.rejected / r.replications)} (${percent(r.rejectionRate)})`;
  };
  const free = team('free', 'reject', false);

  it('has the row of the work each turned away, though neither has money', () => {
    const waitsFree = team('waits free', 'wait', false);
    expect(
      row([
        { name: 'waits', scenario: waitsFree },
        { name: 'rejects', scenario: free },
      ]),
    ).toEqual(['0 (0%)', cell(free)]);
  });

  it('gives a variant without money its count beside one with money, not "–"', () => {
    expect(simulate(free).rejected).toBeGreaterThan(0);
    expect(
      row([
        { name: 'waits', scenario: waits },
        { name: 'rejects', scenario: free },
      ]),
    ).toEqual(['0 (0%)', cell(free)]);
  });
});
