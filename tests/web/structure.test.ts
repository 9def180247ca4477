import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioSchema } from '../../src/index.ts';
import { schemaFields } from '../../web/viewmodel/schema-fields.ts';
import {
  addBranch,
  addDemand,
  addNode,
  addStep,
  FREE_TEXT,
  moveStep,
  REFERENCES,
  removeBranch,
  removeDemand,
  removeNode,
  removeStep,
  rename,
  renameReferent,
  setPriority,
  setServes,
  stepsOf,
} from '../../web/viewmodel/structure.ts';
import { PRESETS, presetDocument } from './presets-fixture.ts';

/**
 * Every text field of the scenario schema and every map's keys, as paths like the table's
 * (`nodes[].serves{}`, `demand[].steps[]`), from the walk the form is laid out by: a kind of
 * schema the walk does not know fails it rather than hiding the fields under it.
 */
function textPaths(): string[] {
  return schemaFields(scenarioSchema).flatMap((f) => {
    if (f.kind.type === 'text' || f.kind.type === 'key') return [f.path];
    if (f.kind.type === 'texts') return [`${f.path}[]`];
    // A step is a name, or a parallel step whose `all` lists names.
    if (f.kind.type === 'steps') return [`${f.path}[]`, `${f.path}[].all[]`];
    return [];
  });
}

const ok = (doc: unknown) => {
  const outcome = parseScenario(doc);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return outcome.scenario;
};

describe('names that refer to nodes and steps', () => {
  it('the table lists every text field of the schema that is not free text, and nothing else', () => {
    const found = textPaths().sort();
    const listed = [...Object.values(REFERENCES).flat(), ...FREE_TEXT].sort();
    expect(listed).toEqual(found);
  });

  it('renaming a step renames it in every class of work, every node that serves it, and every failure that sends work to it', () => {
    const doc = {
      ...presetDocument('token-ring'),
      demand: [
        { id: 'feature', interarrival: 2, steps: ['build', 'review', 'release'] },
        { id: 'bug', interarrival: 4, steps: ['build', 'release'] },
      ],
      nodes: [
        { id: 'devs', capacity: 2, serves: { build: 1, fix: 0.5 } },
        { id: 'seniors', capacity: 1, serves: { fix: 0.5 } },
        {
          id: 'reviewers',
          capacity: 1,
          serves: { review: 0.5 },
          failure: { probability: 0.2, reworkTo: 'build' },
        },
        {
          id: 'ops',
          capacity: 1,
          serves: { release: 0.3 },
          failure: { probability: 0.1, escalateTo: 'fix' },
        },
      ],
    };
    const renamed = rename(rename(doc, 'step', 'build', 'develop') as object, 'step', 'fix', 'repair');
    if (typeof renamed === 'string') throw new Error(renamed);
    const s = ok(renamed);
    expect(s.demand.map((d) => d.steps)).toEqual([
      ['develop', 'review', 'release'],
      ['develop', 'release'],
    ]);
    expect(Object.keys(s.nodes[0].serves)).toEqual(['develop', 'repair']);
    expect(s.nodes[2].failure?.reworkTo).toBe('develop');
    expect(s.nodes[3].failure?.escalateTo).toBe('repair');
    expect(JSON.stringify(renamed)).not.toMatch(/"build"|"fix"/);
  });

  it('renaming a node renames the time series’ mention of it, and nothing that only shares its name', () => {
    const doc = {
      ...presetDocument('token-ring'),
      run: { duration: 100, seriesNodes: ['developers'] },
      demand: [{ id: 'feature', interarrival: 2, steps: ['developers'] }],
      nodes: [{ id: 'developers', name: 'developers', capacity: 2, serves: { developers: 1 } }],
    };
    const renamed = rename(doc, 'node', 'developers', 'builders');
    if (typeof renamed === 'string') throw new Error(renamed);
    const s = ok(renamed);
    expect(s.nodes[0].id).toBe('builders');
    expect(s.run.seriesNodes).toEqual(['builders']);
    // A step and a display name that happen to read the same are other things.
    expect(s.nodes[0].name).toBe('developers');
    expect(s.demand[0].steps).toEqual(['developers']);
  });

  it('every preset stays valid with each of its nodes, steps and classes renamed', () => {
    for (const p of PRESETS) {
      let doc: unknown = p.document;
      const s = ok(doc);
      for (const n of s.nodes) doc = rename(doc, 'node', n.id, `${n.id}-x`);
      for (const step of stepsOf(doc)) doc = rename(doc, 'step', step, `${step} renamed`);
      for (const d of s.demand) doc = rename(doc, 'demand', d.id, `${d.id}-x`);
      expect(typeof doc, p.id).toBe('object');
      const after = ok(doc);
      expect(after.nodes.map((n) => n.id)).toEqual(s.nodes.map((n) => `${n.id}-x`));
      expect(after.demand.map((d) => d.steps)).toEqual(
        // A parallel step's branches are steps too (component-teams.json has one).
        s.demand.map((d) =>
          d.steps.map((x) =>
            typeof x === 'string' ? `${x} renamed` : { all: x.all.map((b) => `${b} renamed`) },
          ),
        ),
      );
    }
  });

  it('refuses a name that is empty, taken, or not an id the schema takes', () => {
    const doc = presetDocument('token-ring');
    expect(rename(doc, 'node', 'analysts', ' ')).toBe('a name must not be empty');
    expect(rename(doc, 'node', 'analysts', 'designers')).toMatch(/already the name of another node/);
    expect(rename(doc, 'step', 'analysis', 'design')).toMatch(/another step/);
    expect(rename(doc, 'node', 'analysts', 'the analysts')).toMatch(/must start with a letter or digit/);
    expect(rename(doc, 'node', 'analysts', 'analysts')).toEqual(doc);
    // A path the document does not have is left alone.
    expect(renameReferent({ name: 'x' }, 'node', 'a', 'b')).toEqual({ name: 'x' });
  });
});

describe('editing the shape of a value stream', () => {
  it('builds a five-stage pipeline from one team, each step served, and it validates', () => {
    let doc: unknown = {
      name: 'Five stages',
      run: { duration: 100 },
      demand: [{ id: 'work', interarrival: 1, steps: ['do'] }],
      nodes: [{ id: 'team', capacity: 1, serves: { do: 0.5 } }],
    };
    doc = rename(doc, 'step', 'do', 'analyse');
    for (const [i, step] of ['design', 'build', 'test', 'release'].entries()) {
      doc = addStep(doc, 0, step);
      doc = addNode(doc, i % 2 ? 'agent' : 'team', step);
    }
    const s = ok(doc);
    expect(s.demand[0].steps).toEqual(['analyse', 'design', 'build', 'test', 'release']);
    expect(s.nodes.map((n) => [n.id, n.kind, Object.keys(n.serves)])).toEqual([
      ['team', 'team', ['analyse']],
      ['team-2', 'team', ['design']],
      ['agent', 'agent', ['build']],
      ['team-3', 'team', ['test']],
      ['agent-2', 'agent', ['release']],
    ]);
  });

  it('reorders and removes steps, and a move past either end changes nothing', () => {
    const doc = { demand: [{ id: 'w', steps: ['a', 'b', 'c'] }] };
    const steps = (d: unknown) => (d as typeof doc).demand[0].steps;
    expect(steps(moveStep(doc, 0, 2, -1))).toEqual(['a', 'c', 'b']);
    expect(steps(moveStep(doc, 0, 0, 1))).toEqual(['b', 'a', 'c']);
    expect(steps(moveStep(doc, 0, 0, -1))).toEqual(['a', 'b', 'c']);
    expect(steps(moveStep(doc, 0, 2, 1))).toEqual(['a', 'b', 'c']);
    expect(steps(removeStep(doc, 0, 1))).toEqual(['a', 'c']);
    expect(doc.demand[0].steps).toEqual(['a', 'b', 'c']);
  });

  it('adds classes of work with their rate and priority, and removes them', () => {
    const doc = addDemand(addDemand(presetDocument('token-ring')));
    const s = ok(doc);
    expect(s.demand.map((d) => [d.id, d.priority, d.steps])).toEqual([
      ['feature', 0, expect.any(Array)],
      ['work', 0, ['intake']],
      ['work-2', 0, ['intake']],
    ]);
    expect(ok(removeDemand(doc, 1)).demand.map((d) => d.id)).toEqual(['feature', 'work-2']);
  });

  it('chooses which nodes serve which steps, and removing a node drops it from the time series', () => {
    let doc: unknown = {
      ...presetDocument('token-ring'),
      run: { duration: 100, seriesNodes: ['analysts', 'designers'] },
    };
    doc = setServes(doc, 2, 'analysis', true);
    expect(ok(doc).nodes[2].serves).toHaveProperty('analysis');
    doc = removeNode(doc, 1);
    const s = ok(doc);
    expect(s.nodes.map((n) => n.id)).not.toContain('analysts');
    expect(s.run.seriesNodes).toEqual(['designers']);
    doc = setServes(doc, 1, 'analysis', false);
    const problems = parseScenario(doc);
    expect(problems.ok).toBe(false);
    if (!problems.ok) expect(problems.problems[0].message).toMatch(/no node serves "analysis"/);
  });
});

describe('a class of work’s priority', () => {
  it('is set as a whole number, left to its default when emptied, and refused otherwise', () => {
    const doc = addDemand(presetDocument('token-ring'));
    const set = setPriority(doc, 1, ' 2 ');
    if (typeof set === 'string') throw new Error(set);
    expect(ok(set).demand.map((d) => d.priority)).toEqual([0, 2]);
    const cleared = setPriority(set, 1, '');
    if (typeof cleared === 'string') throw new Error(cleared);
    expect((cleared.demand as object[])[1]).not.toHaveProperty('priority');
    expect(setPriority(doc, 1, '1.5')).toMatch(/whole number/);
    expect(setPriority(doc, 1, 'high')).toMatch(/whole number/);
  });
});

describe('parallel steps in the structure', () => {
  const parallel = () => ({
    ...presetDocument('token-ring'),
    demand: [{ id: 'feature', interarrival: 2, steps: ['plan', { all: ['web', 'api'] }, 'release'] }],
    nodes: [
      { id: 'product', capacity: 1, serves: { plan: 1, release: 0.3 } },
      { id: 'web-team', capacity: 1, serves: { web: 1 } },
      { id: 'api-team', capacity: 1, serves: { api: 1 } },
      { id: 'platform-team', capacity: 1, serves: { platform: 1 } },
    ],
  });

  it('knows each branch as a step, and renames a branch wherever it is named', () => {
    expect(stepsOf(parallel())).toEqual(['plan', 'web', 'api', 'release', 'platform']);
    const renamed = rename(parallel(), 'step', 'api', 'backend');
    if (typeof renamed === 'string') throw new Error(renamed);
    const s = ok(renamed);
    expect(s.demand[0].steps).toEqual(['plan', { all: ['web', 'backend'] }, 'release']);
    expect(s.nodes[2].serves).toHaveProperty('backend');
    expect(rename(parallel(), 'step', 'api', 'web')).toMatch(/already the name of another step/);
  });

  it('a step gains a branch worked on in parallel, and drops back to an ordinary step', () => {
    let doc: unknown = addBranch(parallel(), 0, 0, 'platform');
    expect(ok(doc).demand[0].steps[0]).toEqual({ all: ['plan', 'platform'] });
    doc = addBranch(doc, 0, 1, 'platform');
    expect(ok(doc).demand[0].steps[1]).toEqual({ all: ['web', 'api', 'platform'] });
    // A branch it has already is left be.
    expect(addBranch(doc, 0, 1, 'web')).toEqual(doc);
    doc = removeBranch(doc, 0, 0, 'platform');
    expect(ok(doc).demand[0].steps[0]).toBe('plan');
    // Moving and removing steps keeps a parallel step whole.
    doc = moveStep(doc, 0, 1, 1);
    expect(ok(doc).demand[0].steps).toEqual(['plan', 'release', { all: ['web', 'api', 'platform'] }]);
    doc = removeStep(doc, 0, 0);
    expect(ok(doc).demand[0].steps).toEqual(['release', { all: ['web', 'api', 'platform'] }]);
  });
});
