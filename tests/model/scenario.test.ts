import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/model/json-schema.ts';
import { applyOverrides } from '../../src/model/overrides.ts';
import { formatProblems, parseScenario, parseScenarioText } from '../../src/model/parse.ts';
import { TIME_UNITS } from '../../src/model/time-unit.ts';
import { arbitraryScenario } from '../network/arbitrary-scenario.ts';

const valid = () => ({
  name: 'small',
  run: { duration: 100 },
  demand: [{ id: 'feature', interarrival: { dist: 'exponential', mean: 2 }, steps: ['build', 'review'] }],
  nodes: [
    { id: 'devs', capacity: 2, serves: { build: { dist: 'exponential', mean: 1 } } },
    { id: 'reviewers', capacity: 1, serves: { review: 0.5 } },
  ],
});

function problemsOf(input: unknown) {
  const outcome = parseScenario(input);
  if (outcome.ok) throw new Error('expected the scenario to be rejected');
  return outcome.problems;
}

describe('scenario files', () => {
  it('every preset in scenarios/ is valid and has a description a coach can read', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const outcome = parseScenarioText(readFileSync(`scenarios/${file}`, 'utf8'));
      expect(outcome.ok ? [] : formatProblems(outcome.problems, file)).toEqual([]);
      if (outcome.ok) expect(outcome.scenario.description?.length ?? 0).toBeGreaterThan(40);
    }
  });

  it('fills in the documented defaults', () => {
    const outcome = parseScenario(valid());
    expect(outcome.ok && outcome.scenario).toMatchObject({
      timeUnit: 'day',
      routing: 'fixed',
      run: { duration: 100, warmup: 0, seed: 1, replications: 1 },
      nodes: [{ kind: 'team' }, { kind: 'team' }],
    });
  });

  it('the committed JSON Schema is the one generated from the zod schema (run npm run schema)', () => {
    const committed = JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});

describe('bad input is rejected with the JSON path and the rule broken', () => {
  it('a typo in a key is an error, not a silent default', () => {
    const input = valid() as Record<string, unknown>;
    (input.nodes as Record<string, unknown>[])[0] = { id: 'devs', capactiy: 2, serves: { build: 1 } };
    const problems = problemsOf(input);
    expect(problems.map((p) => p.path)).toContain('nodes[0] (devs)');
    expect(problems.find((p) => p.message.includes('"capactiy"'))?.message).toMatch(/unknown key/);
    expect(problems.find((p) => p.path === 'nodes[0] (devs).capacity')?.message).toMatch(/required/);
  });

  it('a negative or fractional capacity says what a capacity must be', () => {
    for (const capacity of [-1, 0, 1.5]) {
      const input = valid();
      input.nodes[0].capacity = capacity;
      expect(problemsOf(input)).toContainEqual({
        path: 'nodes[0] (devs).capacity',
        at: ['nodes', 0, 'capacity'],
        message: 'capacity must be a whole number of at least 1',
      });
    }
  });

  it('a step that no node serves names the step and what is served', () => {
    const input = valid();
    input.demand[0].steps = ['build', 'deploy'];
    const [problem] = problemsOf(input);
    expect(problem.path).toBe('demand[0] (feature).steps[1]');
    expect(problem.message).toBe('no node serves "deploy" (nodes serve: build, review)');
  });

  it('empty demand, duplicate ids, a warm-up longer than the run and an unknown routing are each named', () => {
    expect(problemsOf({ ...valid(), demand: [] })[0]).toMatchObject({
      path: 'demand',
      message: 'demand must list at least one class of work',
    });
    const twice = valid();
    twice.nodes[1].id = 'devs';
    expect(problemsOf(twice)[0]).toMatchObject({
      path: 'nodes[1] (devs).id',
      message: expect.stringMatching(/twice/),
    });
    expect(problemsOf({ ...valid(), run: { duration: 10, warmup: 10 } })[0].path).toBe('run.warmup');
    expect(problemsOf({ ...valid(), routing: 'fastes' })[0].message).toMatch(
      /routing must be one of fixed, random/,
    );
  });

  it('an interarrival time of zero is refused: items would never stop arriving', () => {
    const input = valid() as Record<string, unknown> & ReturnType<typeof valid>;
    (input.demand[0] as Record<string, unknown>).interarrival = 0;
    expect(problemsOf(input)[0]).toMatchObject({ path: 'demand[0] (feature).interarrival' });
  });

  it('a run too large to finish is refused up front, not left to hang', () => {
    const input = valid();
    input.run.duration = 1e12;
    expect(problemsOf(input)[0]).toMatchObject({
      path: 'run.duration',
      message: expect.stringMatching(
        /^this run would simulate about 500,000,000,000 items, more than the limit/,
      ),
    });
    // Past what digits can say, a power of ten.
    input.run.duration = 100;
    input.demand[0].interarrival = { dist: 'normal', mean: 0, sd: 1e-300 } as never;
    expect(problemsOf(input)[0].message).toMatch(/^this run would simulate about 1\.3e302 items/);
  });

  it('broken JSON gives the line and column', () => {
    const outcome = parseScenarioText('{\n  "name": "x",\n  "run": { "duration": 10, }\n}');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0].message).toMatch(/^not valid JSON at line 3, column \d+/);
  });

  it('whatever is broken, parsing returns problems with a path and a message and never throws', () => {
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('delete' as const),
        key: fc.constantFrom('name', 'run', 'demand', 'nodes'),
      }),
      fc.record({
        kind: fc.constant('replace' as const),
        key: fc.constantFrom('name', 'run', 'demand', 'nodes', 'routing', 'timeUnit'),
        value: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.integer()), fc.boolean()),
      }),
      fc.record({ kind: fc.constant('unknown' as const), key: fc.string({ minLength: 1 }) }),
      fc.record({
        kind: fc.constant('capacity' as const),
        value: fc.oneof(fc.integer({ max: 0 }), fc.double()),
      }),
      fc.record({ kind: fc.constant('step' as const), value: fc.string() }),
    );
    fc.assert(
      fc.property(arbitraryScenario(), mutation, (scenario, m) => {
        const input = structuredClone(scenario) as Record<string, unknown>;
        if (m.kind === 'delete') delete input[m.key];
        else if (m.kind === 'replace') {
          // Any non-empty text is a fine name; a time unit must be a known one.
          if (m.key === 'name' && typeof m.value === 'string' && m.value.length > 0) return;
          if (m.key === 'timeUnit' && TIME_UNITS.includes(m.value as string)) return;
          input[m.key] = m.value;
        } else if (m.kind === 'unknown') {
          if (m.key in input || m.key === '$schema' || m.key === 'description') return;
          input[m.key] = 1;
        } else if (m.kind === 'capacity') {
          if (Number.isInteger(m.value) && m.value >= 1) return;
          (input.nodes as { capacity: number }[])[0].capacity = m.value;
        } else {
          if (['analysis', 'build', 'review', 'release'].includes(m.value)) return;
          (input.demand as { steps: string[] }[])[0].steps.push(m.value);
        }
        let outcome: ReturnType<typeof parseScenario> | undefined;
        expect(() => {
          outcome = parseScenario(input);
        }).not.toThrow();
        expect(outcome?.ok).toBe(false);
        if (outcome && !outcome.ok)
          for (const p of outcome.problems) {
            expect(typeof p.path).toBe('string');
            expect(p.message.length).toBeGreaterThan(5);
          }
      }),
      { numRuns: 300 },
    );
  });

  it('any JSON value at all yields a scenario or problems, never an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => parseScenario(value)).not.toThrow();
      }),
    );
  });
});

describe('what cannot make sense is refused before it can hang, wrap round or crash a run', () => {
  type Loose = ReturnType<typeof valid> & {
    run: Record<string, unknown>;
    nodes: Record<string, unknown>[];
    demand: Record<string, unknown>[];
  } & Record<string, unknown>;
  const loose = () => valid() as Loose;
  const problemAt = (input: unknown, path: string) => problemsOf(input).find((p) => p.path === path)?.message;

  it('outages that take no time: a node that fails and recovers endlessly at one instant', () => {
    const input = loose();
    input.nodes[0].outages = { mtbf: 0, mttr: 0 };
    expect(problemAt(input, 'nodes[0] (devs).outages.mtbf')).toMatch(/^mtbf must have a mean greater than 0/);
    expect(problemAt(input, 'nodes[0] (devs).outages.mttr')).toMatch(/^mttr must have a mean greater than 0/);
    input.nodes[0].outages = { mtbf: { dist: 'exponential', mean: 1e-300 }, mttr: 1 };
    expect(problemAt(input, 'nodes[0] (devs).outages.mtbf.mean')).toMatch(/at least 1e-9/);
  });

  it('outages so frequent that the run would be nothing but outages', () => {
    const input = loose();
    input.nodes[0].outages = { mtbf: 1e-7, mttr: 1e-7 };
    expect(problemAt(input, 'nodes[0] (devs).outages.mtbf')).toMatch(
      /^the node would go down about 500,000,000 times in this run \(over 1 replication\), more than the limit of 50,000,000/,
    );
    input.nodes[0].outages = { mtbf: 20, mttr: 2 };
    expect(parseScenario(input).ok).toBe(true);
  });

  it('openings and outages count together: many nodes each under the limit can be over it', () => {
    const input = loose();
    // Over 100 time units and 10 replications: 25,000,000 outages and 30,000,000 openings.
    input.run.replications = 10;
    input.nodes[0].outages = { mtbf: 2e-5, mttr: 2e-5 };
    input.nodes[1].kind = 'gate';
    input.nodes[1].schedule = { every: 1e-4 / 3, open: 1e-5 };
    expect(problemAt(input, 'nodes[1] (reviewers).schedule.every')).toMatch(
      /^the gate would open every 0\.0000333.*, so about 30,000,000 times in this run \(over 10 replications\); with the other gates and outages, about 55,000,000/,
    );
  });

  it('a failure that always sends work back: the item would never leave', () => {
    const input = loose();
    input.nodes[0].serves = { build: 0 } as never;
    input.nodes[0].failure = { probability: 1 };
    expect(problemAt(input, 'nodes[0] (devs).failure.probability')).toMatch(
      /^probability 1 sends every item back for rework forever/,
    );
    input.nodes[0].failure = { probability: 0.999999 };
    expect(problemAt(input, 'nodes[0] (devs).failure.probability')).toMatch(
      /about 1,000,000 times before it passes/,
    );
    input.nodes[0].failure = { probability: 0.99 };
    expect(parseScenario(input).ok).toBe(true);
    // Escalated items carry on after the escalation, so every one of them may fail.
    input.nodes[0].failure = { probability: 1, escalateTo: 'review' };
    expect(parseScenario(input).ok).toBe(true);
  });

  it('a batch-scope failure that a full batch would practically never pass', () => {
    const input = loose();
    input.nodes[0].batch = { size: 100, timeout: 1 };
    input.nodes[0].failure = { probability: 0.5, scope: 'batch' };
    expect(problemAt(input, 'nodes[0] (devs).failure.probability')).toMatch(
      /^with scope "batch", a full batch of 100 fails with probability 1 .*practically never pass/,
    );
    input.nodes[0].failure = { probability: 0.01, scope: 'batch' };
    expect(parseScenario(input).ok).toBe(true);
  });

  it('a gate that opens so often that the run would be nothing but openings', () => {
    const input = loose();
    input.nodes[1].kind = 'gate';
    input.nodes[1].schedule = { every: 1e-9, open: 5e-10 };
    expect(problemAt(input, 'nodes[1] (reviewers).schedule.open')).toMatch(
      /^schedule open must be at least 1e-9/,
    );
    input.nodes[1].schedule = { every: 1e-6, open: 5e-7 };
    expect(problemAt(input, 'nodes[1] (reviewers).schedule.every')).toMatch(
      /^the gate would open every 0.000001, so about 100,000,000 times in this run/,
    );
    input.nodes[1].schedule = { every: 7, open: 1 };
    expect(parseScenario(input).ok).toBe(true);
  });

  it('a gate open for less than the clock can tell, late in a long run, is refused', () => {
    const input = loose();
    input.run.duration = 1e9;
    input.demand[0].interarrival = { dist: 'exponential', mean: 1e5 };
    input.nodes[1].kind = 'gate';
    input.nodes[1].schedule = { every: 1e5, open: 1e-9 };
    expect(problemAt(input, 'nodes[1] (reviewers).schedule.open')).toBe(
      "open (1e-9) must be at least a billionth of the run's duration (1): late in the run the clock could not tell so short an opening from none",
    );
    input.nodes[1].schedule = { every: 1e5, open: 1 };
    expect(parseScenario(input).ok).toBe(true);
  });

  it('counts that the engine keeps in 32-bit integers have a ceiling, so 2^32 + 1 never runs as 1', () => {
    const input = loose();
    input.nodes[0].capacity = 4294967297;
    expect(problemAt(input, 'nodes[0] (devs).capacity')).toMatch(/^capacity must be at most 1,000,000/);
    const more = loose();
    more.nodes[0].wipLimit = 2 ** 31;
    more.nodes[0].batch = { size: 4294967297 };
    more.nodes[0].capacitySchedule = [{ from: 10, capacity: 2 ** 31 }];
    more.wipLimit = 2 ** 31;
    const problems = problemsOf(more);
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'nodes[0] (devs).wipLimit',
        message: 'wipLimit must be at most 1,000,000,000',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'nodes[0] (devs).batch.size',
        message: 'batch size must be at most 1,000,000',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'nodes[0] (devs).capacitySchedule[0].capacity',
        message: 'capacity must be at most 1,000,000',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'wipLimit', message: 'wipLimit must be at most 1,000,000,000' }),
    );
    const unlimited = loose();
    unlimited.nodes[0].capacity = 1_000_000;
    expect(parseScenario(unlimited).ok).toBe(true);
  });

  it('a run too short to divide, or too long for a double to count in, is refused', () => {
    const input = loose();
    input.run.duration = 1e-321;
    expect(problemAt(input, 'run.duration')).toMatch(/^duration must be at least 1e-9/);
    input.run.duration = 1e300;
    expect(problemAt(input, 'run.duration')).toMatch(
      /^duration must be at most 1,000,000,000,000 time units/,
    );
    const late = loose();
    late.run.maxTime = 1e308;
    late.handoff = 1e308;
    late.demand[0].schedule = [{ from: 1e308, interarrival: 2 }];
    late.nodes[1].kind = 'gate';
    late.nodes[1].schedule = { every: 10, open: 1, offset: 1e308 };
    late.nodes[0].batch = { size: 2, timeout: 1e-300 };
    const paths = problemsOf(late).map((p) => p.path);
    for (const path of [
      'run.maxTime',
      'handoff',
      'demand[0] (feature).schedule[0].from',
      'nodes[1] (reviewers).schedule.offset',
      'nodes[0] (devs).batch.timeout',
    ])
      expect(paths).toContain(path);
  });

  it('a number too large for a double (1e999 reads as Infinity) is named as such', () => {
    const outcome = parseScenarioText(JSON.stringify(valid()).replace('"duration":100', '"duration":1e999'));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.problems[0]).toMatchObject({
        path: 'run.duration',
        message:
          "duration must be a number (the file's number is too large for a double and reads as infinity)",
      });
  });

  it('lists too long to be a scenario are refused before they reach the engine', () => {
    const input = loose();
    input.demand[0].steps = new Array(1_001).fill('build');
    expect(problemAt(input, 'demand[0] (feature).steps')).toBe('steps must name at most 1,000 capabilities');
    const changes = loose();
    changes.nodes[0].capacitySchedule = Array.from({ length: 10_001 }, (_, i) => ({ from: i, capacity: 2 }));
    expect(problemAt(changes, 'nodes[0] (devs).capacitySchedule')).toBe(
      'capacitySchedule must list at most 10,000 changes',
    );
  });

  it('a document nested thousands deep is named at the place, not a crash', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = [deep];
    const input = loose();
    input.nodes[0].serves = { build: deep } as never;
    const problems = problemsOf(input);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('nodes[0] (devs).serves.build[0][0][0][0]…');
    expect(problems[0].message).toMatch(/^is nested more than 32 levels deep/);
    expect(problems[0].at).toHaveLength(32);
  });
});

describe('names that JavaScript objects already use', () => {
  it('a "__proto__" key in the file is named at its place, never silently dropped or obeyed', () => {
    const text = JSON.stringify(valid()).replace('"serves":{"review"', '"serves":{"__proto__":2,"review"');
    const outcome = parseScenarioText(text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.problems).toEqual([
        {
          path: 'nodes[1] (reviewers).serves.__proto__',
          at: ['nodes', 1, 'serves', '__proto__'],
          message: 'a key must not be named "__proto__"; no field or capability has that name',
        },
      ]);
    const step = valid();
    step.demand[0].steps = ['build', '__proto__'];
    expect(problemsOf(step)).toContainEqual(
      expect.objectContaining({
        path: 'demand[0] (feature).steps[1]',
        message: 'a capability must not be named "__proto__"',
      }),
    );
  });

  it('a capability called "toString" is served only where a node lists it', () => {
    // Every object inherits toString, so asking `in` found it at every node.
    const input = valid() as ReturnType<typeof valid> & { nodes: Record<string, unknown>[] };
    input.nodes[0].serves = { build: 1, toString: 1 } as never;
    input.demand[0].steps = ['toString', 'build', 'review'];
    input.nodes[1].failure = { probability: 0.1, reworkTo: 'build' };
    expect(parseScenario(input).ok).toBe(true);
  });
});

describe('--set overrides', () => {
  it('address nodes and demand by id, and read values as JSON where they are JSON', () => {
    const outcome = applyOverrides(valid(), [
      'nodes.reviewers.capacity=3',
      'demand.feature.interarrival={"dist":"exponential","mean":4}',
      'run.duration=500',
      'routing=shortest-queue',
    ]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const parsed = parseScenario(outcome.value);
    expect(parsed.ok && parsed.scenario).toMatchObject({
      routing: 'shortest-queue',
      run: { duration: 500 },
      nodes: [{ capacity: 2 }, { capacity: 3 }],
      demand: [{ interarrival: { dist: 'exponential', mean: 4 } }],
    });
  });

  it('address list entries by index and create missing objects', () => {
    const outcome = applyOverrides(valid(), ['nodes.0.capacity=5', 'run.maxTime=900']);
    expect(outcome.ok && outcome.value).toMatchObject({ run: { maxTime: 900 } });
    expect(outcome.ok && (outcome.value as ReturnType<typeof valid>).nodes[0].capacity).toBe(5);
  });

  it('an unknown id is named with the ids that exist', () => {
    const outcome = applyOverrides(valid(), ['nodes.testers.capacity=3']);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.problems[0].message).toBe('no entry with id "testers" in nodes (ids: devs, reviewers)');
  });

  it('a value with a typo is caught by validation like the file itself', () => {
    const outcome = applyOverrides(valid(), ['nodes.devs.capasity=3']);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(problemsOf(outcome.value)[0].message).toMatch(/unknown key "capasity"/);
  });

  it('an assignment without "=" is an error', () => {
    expect(applyOverrides(valid(), ['run.duration']).ok).toBe(false);
  });

  it('a document nested thousands deep is a problem, not a stack overflow in the copy', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = [deep];
    const outcome = applyOverrides({ ...valid(), extra: deep }, ['run.duration=5']);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0].message).toMatch(/^is nested more than 32 levels deep/);
  });

  it('leaves the original document untouched', () => {
    const original = valid();
    applyOverrides(original, ['nodes.devs.capacity=9']);
    expect(original.nodes[0].capacity).toBe(2);
  });
});

describe('lean mechanisms are checked with the path and the reason', () => {
  it('a WIP limit below the capacity (or a scheduled capacity) is rejected', () => {
    const input = valid() as ReturnType<typeof valid> & { nodes: Record<string, unknown>[] };
    input.nodes[0].wipLimit = 1;
    expect(problemsOf(input)[0]).toMatchObject({
      path: 'nodes[0] (devs).wipLimit',
      message: expect.stringMatching(/wipLimit \(1\) must be at least the node's capacity \(2\)/),
    });
    input.nodes[0].wipLimit = 3;
    input.nodes[0].capacitySchedule = [{ from: 10, capacity: 4 }];
    expect(problemsOf(input)[0].message).toMatch(/capacity \(4\)/);
  });

  it('a batch without a timeout that its WIP limit, or the system one, could never let fill is rejected', () => {
    const input = valid() as ReturnType<typeof valid> & {
      nodes: Record<string, unknown>[];
      wipLimit?: number;
    };
    input.nodes[1].batch = { size: 5 };
    input.nodes[1].wipLimit = 4;
    expect(problemsOf(input)[0]).toMatchObject({
      path: 'nodes[1] (reviewers).batch.size',
      message:
        'a batch of 5 can never fill at a node whose wipLimit is 4: give the batch a timeout, or the node a wipLimit of at least 5',
    });
    input.nodes[1].wipLimit = 5;
    input.wipLimit = 3;
    expect(problemsOf(input)[0]).toMatchObject({
      path: 'nodes[1] (reviewers).batch.size',
      message: expect.stringMatching(/can never fill under the system wipLimit of 3/),
    });
    // With a timeout a smaller batch starts anyway.
    input.nodes[1].batch = { size: 5, timeout: 2 };
    expect(parseScenario(input).ok).toBe(true);
  });

  it('a reworkTo step that does not come before the failing step is rejected', () => {
    const input = valid() as ReturnType<typeof valid> & { nodes: Record<string, unknown>[] };
    input.nodes[0].failure = { probability: 0.1, reworkTo: 'review' };
    expect(problemsOf(input)[0]).toMatchObject({
      path: 'nodes[0] (devs).failure.reworkTo',
      message:
        'reworkTo "review" must be a step that comes before "build" in demand "feature" (build → review)',
    });
    input.nodes[0].failure = undefined;
    input.nodes[1].failure = { probability: 0.1, reworkTo: 'build' };
    expect(parseScenario(input).ok).toBe(true);
  });

  it('an escalateTo capability nobody serves is rejected', () => {
    const input = valid() as ReturnType<typeof valid> & { nodes: Record<string, unknown>[] };
    input.nodes[0].failure = { probability: 0.1, escalateTo: 'judgement' };
    expect(problemsOf(input)[0]).toMatchObject({
      path: 'nodes[0] (devs).failure.escalateTo',
      message: expect.stringMatching(/no node serves "judgement"/),
    });
  });

  it('a gate open longer than its interval, or a schedule out of time order, is rejected', () => {
    const input = valid() as ReturnType<typeof valid> & { nodes: Record<string, unknown>[] };
    input.nodes[1].schedule = { every: 5, open: 5 };
    expect(problemsOf(input)[0].path).toBe('nodes[1] (reviewers).schedule.open');
    input.nodes[1].schedule = undefined;
    input.nodes[1].capacitySchedule = [
      { from: 10, capacity: 2 },
      { from: 5, capacity: 1 },
    ];
    expect(problemsOf(input)[0].path).toBe('nodes[1] (reviewers).capacitySchedule[1].from');
  });

  it('typos inside a mechanism are errors too', () => {
    const input = valid() as ReturnType<typeof valid> & { nodes: Record<string, unknown>[] };
    input.nodes[0].batch = { size: 5, timout: 2 };
    expect(problemsOf(input)[0].message).toMatch(/unknown key "timout"/);
  });
});
