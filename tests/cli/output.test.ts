/**
 * What `--shard k/n --out FILE` may write, and how: never over a file the command reads,
 * checked before the run, replacing a file whole or not at all.
 */
import { spawnSync } from 'node:child_process';
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CannotWrite } from '../../src/cli/errors.ts';
import { outputFile } from '../../src/cli/output-file.ts';

function flowlab(...args: string[]) {
  const out = spawnSync(process.execPath, ['bin/flowlab.js', ...args], { encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const small = ['--set', 'run.duration=300', '--set', 'run.warmup=30', '--reps', '4'];
// 24 million items a replication: were --out checked after the run, these tests would time out.
const endless = ['--set', 'run.duration=30000000', '--reps', '2'];
const tokenRing = readFileSync('scenarios/token-ring.json', 'utf8');
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

/** A fresh directory holding a copy of the token ring as s.json. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'flowlab-out-'));
  const scenario = join(dir, 's.json');
  writeFileSync(scenario, tokenRing);
  return { dir, scenario };
}

describe('--out never overwrites the scenario it reads', () => {
  it.each([
    ['the same name', (dir: string) => join(dir, 's.json')],
    ['another spelling', (dir: string) => join(dir, '..', dir.split('/').pop() as string, 's.json')],
    [
      'a symbolic link to it',
      (dir: string) => {
        symlinkSync('s.json', join(dir, 'link.json'));
        return join(dir, 'link.json');
      },
    ],
  ])('given %s, even with --force: exit 2 and the file untouched', (_, name) => {
    const { dir, scenario } = workspace();
    const out = name(dir);
    for (const extra of [[], ['--force']]) {
      const { code, stderr } = flowlab('run', scenario, ...endless, '--shard', '1/2', '--out', out, ...extra);
      expect(code).toBe(2);
      expect(stderr).toContain(`--out ${out}: is ${scenario}, which this command reads`);
      noStackTrace(stderr);
    }
    expect(readFileSync(scenario, 'utf8')).toBe(tokenRing);
  });

  it('in a sweep too', () => {
    const { scenario } = workspace();
    const args = ['--vary', 'nodes.reviewers.capacity=1,2', '--shard', '1/2', '--out', scenario];
    const { code, stderr } = flowlab('sweep', scenario, ...endless, ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/which this command reads/);
    expect(readFileSync(scenario, 'utf8')).toBe(tokenRing);
  });
});

describe('--out is checked before the run', () => {
  it.each([
    [
      'a directory that does not exist',
      (dir: string) => join(dir, 'missing', 'part.json'),
      /the directory .*missing does not exist/,
    ],
    [
      'a path through a file',
      (dir: string) => join(dir, 's.json', 'part.json'),
      /a part of the path is a file, not a directory/,
    ],
    ['a directory', (dir: string) => dir, /is a directory; give a file name/],
  ])('%s is exit 2 at once, naming the problem', (_, name, why) => {
    const { dir, scenario } = workspace();
    const { code, stderr } = flowlab('run', scenario, ...endless, '--shard', '1/2', '--out', name(dir));
    expect(code).toBe(2);
    expect(stderr).toMatch(why);
    noStackTrace(stderr);
  });

  it('an existing file that is not a partial result needs --force', () => {
    const { dir, scenario } = workspace();
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'keep me');
    const refused = flowlab('run', scenario, ...endless, '--shard', '1/2', '--out', notes);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/exists and is not a flowlab partial result; add --force to replace it/);
    expect(readFileSync(notes, 'utf8')).toBe('keep me');
    const forced = flowlab('run', scenario, ...small, '--shard', '1/2', '--out', notes, '--force');
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(notes, 'utf8')).format).toBe('flowlab-partial');
  });

  it('--out without --shard, or --force without --out, is refused rather than ignored', () => {
    const { dir, scenario } = workspace();
    const alone = flowlab('run', scenario, ...small, '--out', join(dir, 'result.json'));
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--out is where --shard k\/n writes its partial result/);
    const force = flowlab('sweep', scenario, ...small, '--vary', 'nodes.reviewers.capacity=1,2', '--force');
    expect(force.code).toBe(2);
    expect(force.stderr).toMatch(/--force goes with --shard k\/n --out FILE/);
  });
});

describe('--out writes a file whole or not at all', () => {
  it('a shard run again replaces its partial result by a rename, never by writing into the old file', () => {
    const { dir, scenario } = workspace();
    const part = join(dir, 'part-1.json');
    expect(flowlab('run', scenario, ...small, '--shard', '1/2', '--out', part).code).toBe(0);
    const before = readFileSync(part, 'utf8');
    // A second name for the old file: written in place, it would change too.
    linkSync(part, join(dir, 'old.json'));
    const again = flowlab('run', scenario, ...small, '--seed', '9', '--shard', '1/2', '--out', part);
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(part, 'utf8')).seed).toBe(9);
    expect(readFileSync(join(dir, 'old.json'), 'utf8')).toBe(before);
    expect(statSync(part).ino).not.toBe(statSync(join(dir, 'old.json')).ino);
    expect(readdirSync(dir).sort()).toEqual(['old.json', 'part-1.json', 's.json']);
  });

  it('a write that fails leaves no temporary file and says what happened', () => {
    const { dir } = workspace();
    const part = join(dir, 'part.json');
    const out = outputFile(part, { inputs: [] });
    // The rename cannot replace a directory: the failure comes after the data is written.
    mkdirSync(part);
    expect(() => out.write('{}\n')).toThrow(CannotWrite);
    expect(() => out.write('{}\n')).toThrow(/could not write .*part\.json: is a directory \(EISDIR\)/);
    expect(readdirSync(dir).sort()).toEqual(['part.json', 's.json']);
  });

  it('a full device is exit 74 with the reason, not an internal error', () => {
    const { scenario } = workspace();
    const { code, stderr } = flowlab('run', scenario, ...small, '--shard', '1/2', '--out', '/dev/full');
    expect(code).toBe(74);
    expect(stderr).toMatch(/flowlab: could not write \/dev\/full: no space left on the disk \(ENOSPC\)/);
    expect(stderr).not.toMatch(/internal error/);
    noStackTrace(stderr);
  });
});
