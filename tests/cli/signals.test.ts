/**
 * A stopped or overloaded run never looks healthy on the command line: run says so first,
 * compare flags it and never ranks it, sweep rows carry their stability, and a sweep in
 * which nothing ran to the end fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_ALL_FAILED } from '../../src/cli/commands/sweep.ts';

function flowlab(...args: string[]) {
  const out = spawnSync(process.execPath, ['bin/flowlab.js', ...args], { encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const small = ['--set', 'run.duration=300', '--set', 'run.warmup=30', '--reps', '3', '--workers', '1'];
// The change board offered 120% of its capacity; at 160%, its queue is still draining at the cap.
const overloaded = ['--set', 'nodes.change-board.serves.approval=1.5'];
const cap = ['--set', 'run.maxTime=400'];
const capped = ['--set', 'nodes.change-board.serves.approval=2', ...cap];

const tmp = mkdtempSync(join(tmpdir(), 'flowlab-signals-'));
const weeklyBoard = join(tmp, 'weekly-board.json');
writeFileSync(
  weeklyBoard,
  JSON.stringify({
    name: 'weekly board',
    run: { duration: 700, warmup: 70, seed: 5, replications: 2 },
    demand: [{ id: 'item', interarrival: { dist: 'exponential', mean: 1 }, steps: ['build', 'approve'] }],
    nodes: [
      { id: 'builders', capacity: 1, serves: { build: { dist: 'exponential', mean: 0.6 } } },
      { id: 'board', kind: 'gate', capacity: 10, schedule: { every: 7, open: 1 }, serves: { approve: 0.05 } },
    ],
  }),
);

describe('flowlab run says first when its numbers are not the system’s', () => {
  it('a healthy run has no alert', () => {
    const { code, stdout } = flowlab('run', 'scenarios/token-ring.json', ...small);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/OVERLOADED|STOPPED EARLY/);
    expect(stdout).toMatch(/mean ± 95% interval/);
  });

  it('an overloaded node is named before any number', () => {
    const { code, stdout } = flowlab('run', 'scenarios/token-ring.json', ...small, ...overloaded);
    expect(code).toBe(0);
    const alert = stdout.search(/^OVERLOADED: change-board is offered 120% of its capacity/m);
    expect(alert).toBeGreaterThan(0);
    expect(alert).toBeLessThan(stdout.search(/^lead time/m));
  });

  it('a run stopped at the cap says so before any number, and its means are over the items that finished', () => {
    const { code, stdout } = flowlab('run', 'scenarios/token-ring.json', ...small, ...capped);
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter((l) => l.trim() !== '');
    expect(lines[2]).toMatch(/^STOPPED EARLY: The run reached run\.maxTime with work still in progress/);
    expect(lines[3]).toMatch(/^OVERLOADED: change-board is offered 160%/);
    const finished = Number(/only the ([\d,]+) items that finished/.exec(stdout)?.[1].replaceAll(',', ''));
    expect(finished).toBeGreaterThan(0);
    expect(stdout).toContain(
      `mean over the ${finished.toLocaleString('en')} items that finished ± 95% interval`,
    );
  });

  it('shows each node’s share of lead time spent waiting for it, and names the constraint when it is not the busiest', () => {
    const { code, stdout } = flowlab('run', weeklyBoard, '--workers', '1');
    expect(code).toBe(0);
    expect(stdout).toMatch(/utilisation\s+wait share/);
    expect(stdout).toMatch(/^builders .*◀ bottleneck \(busiest\)$/m);
    expect(stdout).toMatch(/^board .*◀ constraint \(items wait longest\)$/m);
    expect(stdout).toMatch(
      /^constraint: board, where items spend \d+% of their lead time waiting, though it is [\d.]+% busy/m,
    );
  });

  it('names the busiest node the constraint when items wait longest there, and marks it only as the bottleneck', () => {
    const chain = join(tmp, 'chain.json');
    writeFileSync(
      chain,
      JSON.stringify({
        name: 'chain',
        run: { duration: 500, seed: 2 },
        demand: [{ id: 'item', interarrival: { dist: 'exponential', mean: 1 }, steps: ['a', 'b'] }],
        nodes: [
          { id: 'quick', capacity: 1, serves: { a: { dist: 'exponential', mean: 0.3 } } },
          { id: 'busy', capacity: 1, serves: { b: { dist: 'exponential', mean: 0.8 } } },
        ],
      }),
    );
    const { stdout } = flowlab('run', chain);
    expect(stdout).toMatch(/^busy .*◀ bottleneck \(busiest\)$/m);
    expect(stdout).not.toMatch(/◀.*constraint/);
    expect(stdout).toMatch(
      /^constraint: busy, where items spend [\d.]+% of their lead time waiting; it is the busiest node too \([\d.]+% busy\)$/m,
    );
  });
});

describe('flowlab compare never ranks a variant that stopped or cannot keep up', () => {
  it('flags the variant first, gives its status, and states no difference for it', () => {
    const bad = join(tmp, 'bad-ring.json');
    const ring = JSON.parse(spawnSync('cat', ['scenarios/token-ring.json'], { encoding: 'utf8' }).stdout) as {
      name: string;
      nodes: { id: string; serves: Record<string, unknown> }[];
    };
    ring.name = 'bad ring';
    const board = ring.nodes.find((n) => n.id === 'change-board');
    if (!board) throw new Error('token-ring.json has no change-board');
    board.serves.approval = 2;
    writeFileSync(bad, JSON.stringify(ring));
    const { code, stdout } = flowlab(
      'compare',
      'scenarios/token-ring.json',
      'scenarios/dynamic-network.json',
      bad,
      '--set',
      'run.duration=300',
      ...cap,
      '--reps',
      '3',
      '--workers',
      '1',
    );
    expect(code).toBe(0);
    expect(stdout.search(/^bad ring: STOPPED EARLY/m)).toBeLessThan(stdout.search(/^status/m));
    expect(stdout).toMatch(/^bad ring: OVERLOADED: change-board is offered 160%/m);
    expect(stdout).toMatch(/^status\s+ok\s+ok\s+stopped: time-cap, unstable: change-board 160%/m);
    expect(stdout).toMatch(
      /^bad ring: not ranked against Token-ring pipeline: bad ring stopped early and bad ring is overloaded/m,
    );
    expect(stdout).not.toMatch(/^bad ring: mean lead time/m);
    // The sound variant is still compared with the baseline.
    expect(stdout).toMatch(
      /^Dynamic value-stream network: mean lead time \d+% shorter than Token-ring pipeline/m,
    );
  });
});

describe('flowlab sweep carries each point’s stability', () => {
  const sweep = (...extra: string[]) =>
    flowlab(
      'sweep',
      'scenarios/token-ring.json',
      ...small,
      '--vary',
      'nodes.change-board.serves.approval=1,1.5',
      ...extra,
    );

  it('in the table, with the most loaded node and "unstable"', () => {
    const { code, stdout } = sweep();
    expect(code).toBe(0);
    expect(stdout).toMatch(/most loaded/);
    expect(stdout).toMatch(/^\s+1\s+\S+ \d+%\s/m);
    expect(stdout).toMatch(/^\s+1\.5\s+change-board 120% unstable/m);
  });

  it('in CSV and JSON', () => {
    const csv = sweep('--csv').stdout.trim().split('\n');
    const header = csv[0].split(',');
    const column = (name: string) => csv.slice(1).map((row) => row.split(',')[header.indexOf(name)]);
    expect(column('peak_load_node')[1]).toBe('change-board');
    expect(Number(column('peak_offered_load')[1])).toBeCloseTo(1.2, 9);
    expect(column('stable')).toEqual(['true', 'false']);
    const json = JSON.parse(sweep('--json').stdout) as {
      points: { stability: { stable: boolean; peak: { id: string; load: number } } }[];
    };
    expect(json.points.map((p) => p.stability.stable)).toEqual([true, false]);
    expect(json.points[1].stability.peak).toMatchObject({ id: 'change-board' });
  });

  it(`exits ${EXIT_ALL_FAILED} when no point ran to the end, and 0 when one did`, () => {
    const none = flowlab(
      'sweep',
      'scenarios/token-ring.json',
      ...small,
      ...capped,
      '--vary',
      'nodes.change-board.serves.approval=2,3',
    );
    expect(none.code).toBe(EXIT_ALL_FAILED);
    expect(none.stderr).toMatch(/none of the 2 points ran to the end/);
    const invalid = flowlab(
      'sweep',
      'scenarios/token-ring.json',
      ...small,
      '--vary',
      'nodes.change-board.capacity=0,-1',
    );
    expect(invalid.code).toBe(EXIT_ALL_FAILED);
    const some = flowlab(
      'sweep',
      'scenarios/token-ring.json',
      ...small,
      ...cap,
      '--vary',
      'nodes.change-board.serves.approval=1,2',
    );
    expect(some.stdout).toMatch(/stopped: time-cap/);
    expect(some.code).toBe(0);
  });
});
