/**
 * Scenarios written by a clumsy user or an attacker, each of which once hung the command
 * line, wrapped round or died with an internal error: now each exits 2, naming the file,
 * the JSON path and the rule, before anything runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'flowlab-hostile-'));

const base = () => ({
  name: 'probe',
  run: { duration: 100 },
  demand: [{ id: 'feature', interarrival: { dist: 'exponential', mean: 1 }, steps: ['build'] }],
  nodes: [{ id: 'devs', capacity: 2, serves: { build: { dist: 'exponential', mean: 1.5 } } }],
});
type Scenario = ReturnType<typeof base> & Record<string, unknown>;

/** Stands in for a value that is written into the file as raw JSON text. */
const RAW = '"raw JSON here"';
const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

// [what it is, how it broke before, the change, the path named, the rule]
const cases: [string, string, (s: Scenario) => void, string, RegExp][] = [
  [
    'outages of no time at all',
    'ran forever',
    (s) => Object.assign(s.nodes[0], { outages: { mtbf: 0, mttr: 0 } }),
    'nodes[0] (devs).outages.mtbf',
    /mtbf must have a mean greater than 0/,
  ],
  [
    'a zero service time that always fails',
    'ran forever',
    (s) => Object.assign(s.nodes[0], { serves: { build: 0 }, failure: { probability: 1 } }),
    'nodes[0] (devs).failure.probability',
    /probability 1 sends every item back for rework forever/,
  ],
  [
    'a gate that opens every 1e-9 days',
    'ran forever',
    (s) => Object.assign(s.nodes[0], { kind: 'gate', schedule: { every: 1e-9, open: 5e-10 } }),
    'nodes[0] (devs).schedule.open',
    /open must be at least 1e-9/,
  ],
  [
    'a gate that opens every 1e-6 days',
    'ran for hours',
    (s) => Object.assign(s.nodes[0], { kind: 'gate', schedule: { every: 1e-6, open: 5e-7 } }),
    'nodes[0] (devs).schedule.every',
    /the gate would open every 0.000001, so about 100,000,000 times in this run/,
  ],
  [
    'a Weibull interarrival with shape 0.01 and scale 1e-150',
    'ran until memory ran out',
    (s) => {
      s.demand[0].interarrival = { dist: 'weibull', shape: 0.01, scale: 1e-150 } as never;
    },
    'demand[0] (feature).interarrival.shape',
    /shape must be at least 0.25/,
  ],
  [
    'a gamma service time with cv 1e155',
    'internal error (NaN)',
    (s) => {
      s.nodes[0].serves.build = { dist: 'gamma', mean: 1, cv: 1e155 } as never;
    },
    'nodes[0] (devs).serves.build.cv',
    /cv must be at most 10/,
  ],
  [
    'a capacity of 2^32 + 1',
    'ran as one server',
    (s) => {
      s.nodes[0].capacity = 4294967297;
    },
    'nodes[0] (devs).capacity',
    /capacity must be at most 1,000,000/,
  ],
  [
    'a duration of 1e-321',
    'internal error (series interval 0)',
    (s) => {
      s.run.duration = 1e-321;
    },
    'run.duration',
    /duration must be at least 1e-9/,
  ],
  [
    'a million steps',
    'internal error (stack overflow)',
    (s) => {
      s.demand[0].steps = new Array(1_000_000).fill('build');
    },
    'demand[0] (feature).steps',
    /steps must name at most 1,000 capabilities/,
  ],
  [
    'a service time nested 5,000 arrays deep',
    'internal error (stack overflow)',
    (s) => {
      s.nodes[0].serves.build = RAW as never;
    },
    'nodes[0] (devs).serves.build[0][0][0][0]…',
    /is nested more than 32 levels deep/,
  ],
];

describe('a scenario that cannot make sense exits 2 with the file, the path and the rule', () => {
  it.each(cases)('%s (before: %s)', (name, _before, change, path, rule) => {
    const scenario = base() as Scenario;
    change(scenario);
    const file = join(tmp, `${name.replace(/\W+/g, '-')}.json`);
    // JSON.stringify itself recurses, so a deep value goes into the text as text.
    writeFileSync(file, JSON.stringify(scenario).replace(JSON.stringify(RAW), nested(5_000)));
    for (const command of ['validate', 'run']) {
      // A generous cap, so that a regression fails the test instead of hanging it.
      const out = spawnSync(process.execPath, ['bin/flowlab.js', command, file], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(out.status).toBe(2);
      const line = out.stderr.split('\n').find((l) => l.startsWith(`${file}: ${path}: `));
      expect(line).toMatch(rule);
      expect(out.stderr).not.toMatch(/internal error|^\s+at /m);
    }
  });
});
