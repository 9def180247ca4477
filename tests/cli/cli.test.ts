/**
 * The command line end to end: the real bin, in a child process, as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../src/cli/load.ts';
import { simulate } from '../../src/index.ts';
import { applyOverrides } from '../../src/model/overrides.ts';

function flowlab(...args: string[]) {
  const out = spawnSync(process.execPath, ['bin/flowlab.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const small = ['--set', 'run.duration=300', '--set', 'run.warmup=30', '--reps', '3'];
const tmp = mkdtempSync(join(tmpdir(), 'flowlab-cli-'));
function scenarioFile(name: string, content: unknown): string {
  const file = join(tmp, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('user text with terminal escapes is printed without them', () => {
  const hostile = {
    name: 'evil\x1b]0;owned\x07\x1b[2J\u009b31m\u202eeman',
    run: { duration: 200, warmup: 20, replications: 2 },
    demand: [{ id: 'feature', interarrival: { dist: 'exponential', mean: 2 }, steps: ['build\x1b[1A'] }],
    nodes: [{ id: 'devs', capacity: 1, serves: { 'build\x1b[1A': { dist: 'exponential', mean: 1 } } }],
  };
  const file = scenarioFile('hostile-text.json', hostile);
  // ESC, BEL, CR, CSI (C1) and the right-to-left override: none may reach the terminal.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is looked for.
  const unsafe = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

  it('in reports, tables and validation, the text around the escapes kept', () => {
    for (const args of [
      ['run', file],
      ['compare', file, '--routing', 'fixed,shortest-queue'],
      ['sweep', file, '--vary', 'nodes.devs.capacity=1,2', '--workers', '1'],
      ['forecast', file, '--items', '5', '--reps', '5'],
      ['validate', file],
    ]) {
      const { code, stdout, stderr } = flowlab(...args);
      expect(code, args.join(' ')).toBe(0);
      expect(stdout, args.join(' ')).not.toMatch(unsafe);
      expect(stderr, args.join(' ')).not.toMatch(unsafe);
      // The text between the escapes is still there (a comparison names its variants after it).
      expect(stdout).toMatch(/evil\]0;owned\[2J31meman/);
    }
  });

  it('in CSV printed to the terminal, where an error row quotes the text', () => {
    const { code, stdout } = flowlab(
      'sweep',
      file,
      '--vary',
      'demand.feature.steps=["\\u001b]0;owned\\u0007gone"],["build\\u001b[1A"]',
      '--csv',
      '--workers',
      '1',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/no node serves ""\]0;ownedgone/);
    expect(stdout).not.toMatch(unsafe);
  });

  it('in error messages that quote the text', () => {
    const broken = scenarioFile('hostile-error.json', {
      ...hostile,
      demand: [{ ...hostile.demand[0], steps: ['\x1b]8;;http://evil.example\x07click\x1b]8;;\x07'] }],
    });
    const { code, stderr } = flowlab('run', broken);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no node serves "\]8;;http:\/\/evil.exampleclick\]8;;"/);
    expect(stderr).not.toMatch(unsafe);
  });

  it('in the message that rejects a time unit (only known units are accepted)', () => {
    const broken = scenarioFile('hostile-unit.json', { ...hostile, timeUnit: '\x1b[31mday\r' });
    const { code, stderr } = flowlab('run', broken);
    expect(code).toBe(2);
    expect(stderr).toMatch(/timeUnit: "\[31mday" is not a time unit/);
    expect(stderr).not.toMatch(unsafe);
  });
});

describe('flowlab run', () => {
  it('prints the flow metrics and a node table with the bottleneck marked', () => {
    const { code, stdout } = flowlab('run', 'scenarios/token-ring.json', ...small);
    expect(code).toBe(0);
    expect(stdout).toMatch(/lead time/);
    expect(stdout).toMatch(/throughput/);
    expect(stdout).toMatch(/flow efficiency/);
    expect(stdout).toMatch(/Little's law/);
    expect(stdout).toMatch(/◀ bottleneck/);
  });

  it('--json prints exactly what the library returns, byte for byte the same each time', () => {
    const once = flowlab('run', 'scenarios/dynamic-network.json', ...small, '--json');
    const again = flowlab('run', 'scenarios/dynamic-network.json', ...small, '--json');
    expect(once.code).toBe(0);
    expect(again.stdout).toBe(once.stdout);
    const overridden = applyOverrides(readJson('scenarios/dynamic-network.json'), [
      'run.duration=300',
      'run.warmup=30',
      'run.replications=3',
    ]);
    if (!overridden.ok) throw new Error('override failed');
    expect(once.stdout.trim()).toBe(JSON.stringify(simulate(overridden.value), null, 2));
  });

  it('--set addresses nodes by id and changes the result', () => {
    const base = JSON.parse(flowlab('run', 'scenarios/token-ring.json', ...small, '--json').stdout);
    const more = JSON.parse(
      flowlab(
        'run',
        'scenarios/token-ring.json',
        ...small,
        '--set',
        'nodes.change-board.capacity=3',
        '--json',
      ).stdout,
    );
    expect(more.nodes['change-board'].utilization).toBeLessThan(base.nodes['change-board'].utilization / 2);
    expect(more.leadTime.mean).toBeLessThan(base.leadTime.mean);
  });

  it('--seed gives another run; the same seed the same run', () => {
    const a = flowlab('run', 'scenarios/token-ring.json', ...small, '--seed', '7', '--json').stdout;
    const b = flowlab('run', 'scenarios/token-ring.json', ...small, '--seed', '8', '--json').stdout;
    expect(JSON.parse(a).seed).toBe(7);
    expect(a).not.toBe(b);
  });

  it('a --set naming a node that does not exist exits 2 naming it and the ids there are', () => {
    const { code, stderr } = flowlab('run', 'scenarios/token-ring.json', '--set', 'nodes.testers.capacity=3');
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /scenarios\/token-ring.json: --set nodes.testers.capacity: no entry with id "testers"/,
    );
    expect(stderr).toMatch(/change-board/);
    noStackTrace(stderr);
  });

  it('--set and --vary through __proto__ or constructor exit 2 naming the key', () => {
    for (const args of [
      ['run', 'scenarios/token-ring.json', '--set', '__proto__.polluted=1'],
      ['sweep', 'scenarios/token-ring.json', '--vary', 'constructor.prototype.polluted=1,2'],
    ]) {
      const { code, stderr } = flowlab(...args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/"(__proto__|constructor)" cannot be part of a path/);
      noStackTrace(stderr);
    }
  });

  it('bad --reps, unknown flags and missing files exit 2 with a message, never a stack trace', () => {
    for (const args of [
      ['run', 'scenarios/token-ring.json', '--reps', '0'],
      ['run', 'scenarios/token-ring.json', '--repz', '3'],
      ['run', join(tmp, 'nowhere.json')],
      ['run'],
      ['fly', 'x.json'],
    ]) {
      const { code, stderr } = flowlab(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.length).toBeGreaterThan(10);
      noStackTrace(stderr);
    }
    expect(flowlab('run', 'scenarios/token-ring.json', '--reps', '0').stderr).toMatch(
      /--reps must be a whole number of at least 1/,
    );
    expect(flowlab('run', join(tmp, 'nowhere.json')).stderr).toMatch(/nowhere.json: no such file/);
  });

  it('an unstable system is run to the end and the overloaded node is named in a warning', () => {
    const { code, stdout } = flowlab(
      'run',
      'scenarios/token-ring.json',
      ...small,
      '--set',
      'nodes.change-board.serves.approval=1.5',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/warning: node "change-board" is offered 120% of its capacity/);
  });

  it('warns about an overloaded node before the run starts, on stderr', () => {
    const out = join(tmp, 'overloaded-part.json');
    const { code, stdout, stderr } = flowlab(
      'run',
      'scenarios/token-ring.json',
      ...small,
      '--set',
      'nodes.change-board.serves.approval=1.5',
      '--shard',
      '1/3',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    const warning = lines.findIndex((l) =>
      l.startsWith(
        'warning: node "change-board" is offered 120% of its capacity: its queue grows without bound',
      ),
    );
    const wrote = lines.findIndex((l) => l.startsWith(`wrote ${out}`));
    expect(warning).toBeGreaterThanOrEqual(0);
    expect(wrote).toBeGreaterThan(warning);
    // With --json the result stays alone on stdout, and the warning still comes first on stderr.
    const json = flowlab(
      'run',
      'scenarios/token-ring.json',
      ...small,
      '--set',
      'nodes.change-board.serves.approval=1.5',
      '--json',
    );
    expect(JSON.parse(json.stdout).nodes['change-board'].offeredLoad).toBeCloseTo(1.2, 12);
    expect(json.stderr).toMatch(/^warning: node "change-board" is offered 120%/);
  });
});

describe('flowlab compare', () => {
  it('states the difference in mean lead time with its 95% interval', () => {
    const { code, stdout } = flowlab(
      'compare',
      'scenarios/token-ring.json',
      'scenarios/dynamic-network.json',
      '--set',
      'run.duration=400',
      '--reps',
      '5',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Dynamic value-stream network: mean lead time \d+% shorter than Token-ring pipeline \(95% interval \d+% to \d+% shorter\)/,
    );
  });

  it('--json has the paired differences; --routing makes one variant per strategy', () => {
    const { stdout } = flowlab(
      'compare',
      'scenarios/dynamic-network.json',
      '--routing',
      'fixed,shortest-queue',
      '--reps',
      '3',
      '--set',
      'run.duration=300',
      '--json',
    );
    const comparison = JSON.parse(stdout);
    expect(comparison.variants.map((v: { name: string }) => v.name)).toEqual([
      'Dynamic value-stream network (fixed)',
      'Dynamic value-stream network (shortest-queue)',
    ]);
    expect(comparison.variants[1].vsBaseline.leadTime.ci95).toHaveLength(2);
    expect(comparison.variants[0].result.seed).toBe(comparison.variants[1].result.seed);
  });

  it('an unknown routing strategy exits 2 listing the valid ones', () => {
    const { code, stderr } = flowlab('compare', 'scenarios/token-ring.json', '--routing', 'fixed,fastes');
    expect(code).toBe(2);
    expect(stderr).toMatch(/"fastes" is not a routing strategy \(fixed, random/);
  });
});

describe('flowlab validate', () => {
  it('says a good file is valid', () => {
    const { code, stdout } = flowlab(
      'validate',
      'scenarios/token-ring.json',
      'scenarios/dynamic-network.json',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/token-ring.json: valid \(Token-ring pipeline, 7 nodes, 1 demand class\)/);
  });

  it('reports every problem with the file, the JSON path and the rule, and exits 2', () => {
    const file = scenarioFile('bad.json', {
      name: 'bad',
      run: { duration: 100 },
      demand: [{ id: 'feature', interarrival: 2, steps: ['build', 'deploy'] }],
      nodes: [
        { id: 'devs', capactiy: 2, serves: { build: 1 } },
        { id: 'ops', capacity: -1, serves: { run: 1 } },
      ],
    });
    const { code, stderr } = flowlab('validate', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: nodes[0] (devs): unknown key "capactiy"`);
    expect(stderr).toContain(
      `${file}: nodes[1] (ops).capacity: capacity must be a whole number of at least 1`,
    );
    noStackTrace(stderr);
  });

  it('a value and a cost of delay wrongly given are named in money, with the file and the path, and exit 2', () => {
    const file = scenarioFile('bad-money.json', {
      name: 'bad money',
      run: { duration: 100 },
      demand: [{ id: 'feature', interarrival: 2, steps: ['build'], value: -5, costOfDelay: 5 }],
      nodes: [{ id: 'devs', capacity: 2, serves: { build: 1 } }],
    });
    const { code, stderr } = flowlab('run', file);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${file}: demand[0] (feature).value: an amount must not be negative (a bare number means the same amount for every item)`,
    );
    expect(stderr).toContain(
      `${file}: demand[0] (feature).costOfDelay: costOfDelay must be an object with a profile (standard, fixed-date, expedite, intangible)`,
    );
    expect(stderr).not.toMatch(/time|Invalid input/);
    noStackTrace(stderr);
  });

  it('broken JSON is reported with its line and column', () => {
    const file = scenarioFile('broken.json', '{\n  "name": "x",\n  "run": { "duration": 10, }\n}');
    const { code, stderr } = flowlab('validate', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken.json: not valid JSON at line 3, column \d+/);
  });

  it('warns about a node offered more than it can do, counting rework, and still exits 0', () => {
    // λ 0.8, μ 1 and three failures in ten redone: offered 0.8 / 0.7 = 114%.
    const file = scenarioFile('feedback.json', {
      name: 'feedback',
      run: { duration: 100 },
      demand: [{ id: 'item', interarrival: { dist: 'exponential', mean: 1.25 }, steps: ['work'] }],
      nodes: [{ id: 'server', capacity: 1, serves: { work: 1 }, failure: { probability: 0.3 } }],
    });
    const { code, stdout, stderr } = flowlab(
      'validate',
      file,
      'scenarios/demand-surge.json',
      'scenarios/token-ring.json',
    );
    expect(code).toBe(0);
    expect(stdout).toContain(`${file}: valid`);
    expect(stderr).toContain(
      `${file}: warning: node "server" is offered 114% of its capacity: its queue grows without bound`,
    );
    // A surge is a finding for its window, not an average over the run.
    expect(stderr).toContain(
      'scenarios/demand-surge.json: warning: node "platform" is offered 106% of its capacity between day 500 and day 700',
    );
    expect(stderr).not.toContain('token-ring.json');
  });

  it('warns about a wsjf node serving fixed-date work, suggests edd, and still exits 0', () => {
    const file = scenarioFile('wsjf-dated.json', {
      name: 'wsjf with dated work',
      run: { duration: 100 },
      demand: [
        {
          id: 'launch',
          interarrival: 10,
          steps: ['build'],
          costOfDelay: { profile: 'fixed-date', deadline: 3, penalty: 100000 },
        },
        { id: 'feature', interarrival: 4, steps: ['build'], costOfDelay: { profile: 'standard', rate: 1 } },
      ],
      nodes: [{ id: 'devs', capacity: 1, discipline: 'wsjf', serves: { build: 1 } }],
    });
    const { code, stderr } = flowlab('validate', file);
    expect(code).toBe(0);
    expect(stderr).toContain(
      `${file}: warning: node "devs" orders its queue by wsjf, which ranks an item by its cost of delay per time unit as it joins: dated work ("launch", fixed-date)`,
    );
    expect(stderr).toMatch(/to serve by due date choose edd/);
  });

  it('says when the load that overloads a node is an estimate, and why', () => {
    const file = scenarioFile('busy-network.json', {
      ...(readJson('scenarios/dynamic-network.json') as object),
      demand: [
        {
          id: 'feature',
          interarrival: { dist: 'exponential', mean: 0.8 },
          steps: ['intake', 'analysis', 'design', 'approval', 'build', 'review', 'release'],
        },
      ],
    });
    const { code, stderr } = flowlab('validate', file);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /warning: node "stream-a" is offered 1\d\d% of its capacity \(an estimate: shortest-queue routing shares steps/,
    );
  });

  it('a step nobody serves is named', () => {
    const file = scenarioFile('unserved.json', {
      name: 'unserved',
      run: { duration: 100 },
      demand: [{ id: 'feature', interarrival: 2, steps: ['build', 'deploy'] }],
      nodes: [{ id: 'devs', capacity: 1, serves: { build: 1 } }],
    });
    expect(flowlab('run', file).stderr).toContain(
      `${file}: demand[0] (feature).steps[1]: no node serves "deploy" (nodes serve: build)`,
    );
  });
});

describe('help and version', () => {
  it('every command has --help, and help names the commands', () => {
    for (const command of ['run', 'compare', 'validate']) {
      const { code, stdout } = flowlab(command, '--help');
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^flowlab ${command}`));
    }
    expect(flowlab('--help').stdout).toMatch(/flowlab run FILE/);
    expect(flowlab('help', 'compare').stdout).toMatch(/--routing/);
    expect(flowlab('--version').stdout).toMatch(/^flowlab \d+\.\d+\.\d+/);
  });
});
