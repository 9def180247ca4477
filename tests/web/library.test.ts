import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/index.ts';
import { presetChoices } from '../../web/viewmodel/comparison-setup.ts';
import {
  BLANK_SCENARIO,
  duplicate,
  fileNameFor,
  isOwn,
  nameOf,
  newScenario,
  openFile,
  remove,
  rename,
  undoRemove,
} from '../../web/viewmodel/library.ts';
import {
  activeDraft,
  draftOf,
  editText,
  initialWorkspace,
  readWorkspace,
  restoreWorkspace,
  serializeWorkspace,
  type Workspace,
} from '../../web/viewmodel/workspace.ts';
import { PRESETS } from './presets-fixture.ts';

const fresh = () => initialWorkspace(PRESETS);
const nameIn = (ws: Workspace, id: string) => nameOf(draftOf(ws, id, PRESETS));
const docIn = (ws: Workspace, id: string) => JSON.parse(draftOf(ws, id, PRESETS).text);

describe('My scenarios', () => {
  it('a new scenario is a valid stream with one class of work, under a name of its own', () => {
    const first = newScenario(fresh(), PRESETS);
    expect(first.workspace.active).toBe(first.id);
    expect(isOwn(first.workspace, first.id)).toBe(true);
    const outcome = parseScenarioText(activeDraft(first.workspace, PRESETS).text);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.scenario.demand).toHaveLength(1);
    const second = newScenario(first.workspace, PRESETS);
    expect(second.id).not.toBe(first.id);
    expect([nameIn(second.workspace, first.id), nameIn(second.workspace, second.id)]).toEqual([
      BLANK_SCENARIO.name,
      `${BLANK_SCENARIO.name} 2`,
    ]);
  });

  it('copies a preset as edited under its name, and makes a named variant of an own scenario', () => {
    const edited = editText(
      fresh(),
      activeDraft(fresh(), PRESETS).text.replace('"capacity": 4', '"capacity": 5'),
      PRESETS,
    );
    const copy = duplicate(edited.workspace, 'token-ring', PRESETS);
    expect(nameIn(copy.workspace, copy.id)).toBe('Token-ring pipeline');
    expect(docIn(copy.workspace, copy.id).nodes[4].capacity).toBe(5);
    expect(copy.workspace.own).toEqual([{ id: copy.id }]);
    const variant = duplicate(copy.workspace, copy.id, PRESETS);
    expect(nameIn(variant.workspace, variant.id)).toBe('Token-ring pipeline (variant)');
    expect(variant.workspace.own.at(-1)).toEqual({ id: variant.id, from: copy.id });
    expect(variant.workspace.active).toBe(variant.id);
  });

  it('renames by changing the document’s own name and description, and refuses an empty name', () => {
    const { workspace, id } = newScenario(fresh(), PRESETS);
    const renamed = rename(workspace, id, PRESETS, '  Five-stage pipeline ', 'With a weekly board');
    if (typeof renamed === 'string') throw new Error(renamed);
    expect(docIn(renamed, id)).toMatchObject({
      name: 'Five-stage pipeline',
      description: 'With a weekly board',
    });
    expect(activeDraft(renamed, PRESETS).lastGood).toMatchObject({ name: 'Five-stage pipeline' });
    expect(rename(workspace, id, PRESETS, '   ')).toBe('a scenario needs a name');
    const broken = editText(workspace, '{ "name": ', PRESETS).workspace;
    expect(typeof rename(broken, id, PRESETS, 'x')).toBe('string');
  });

  it('delete can be undone, back in its place with its text and variant link', () => {
    let ws = newScenario(fresh(), PRESETS).workspace;
    const a = ws.active;
    ws = duplicate(ws, a, PRESETS).workspace;
    const b = ws.active;
    ws = newScenario(ws, PRESETS).workspace;
    const before = ws;
    const done = remove(ws, b, 'token-ring');
    if (!done) throw new Error('not removed');
    expect(done.workspace.own.map((e) => e.id)).not.toContain(b);
    expect(done.workspace.drafts[b]).toBeUndefined();
    expect(remove(done.workspace, b, 'token-ring')).toBeNull();
    expect(undoRemove(done.workspace, done.removed)).toEqual(before);
    const activeGone = remove(ws, ws.active, 'token-ring');
    expect(activeGone?.workspace.active).toBe(b);
  });

  it('opens a file as a new scenario, with its problems kept to fix, and refuses what is not a scenario', () => {
    const text = JSON.stringify({ $schema: 'x', ...BLANK_SCENARIO, name: 'From disk' });
    const opened = openFile(fresh(), 'stream.json', text, PRESETS);
    if (typeof opened === 'string') throw new Error(opened);
    expect(opened.problems).toBe(0);
    expect(nameIn(opened.workspace, opened.id)).toBe('From disk');
    expect(docIn(opened.workspace, opened.id).$schema).toBeUndefined();
    const unnamed = openFile(fresh(), 'board.json', JSON.stringify({ demand: [] }), PRESETS);
    if (typeof unnamed === 'string') throw new Error(unnamed);
    expect(nameIn(unnamed.workspace, unnamed.id)).toBe('board');
    expect(unnamed.problems).toBeGreaterThan(0);
    expect(openFile(fresh(), 'a.json', 'not json', PRESETS)).toMatch(/a\.json is not JSON/);
    expect(openFile(fresh(), 'a.json', '[1]', PRESETS)).toMatch(/holds no scenario/);
    expect(openFile(fresh(), 'a.json', `${'['.repeat(100)}${']'.repeat(100)}`, PRESETS)).toMatch(/deeper/);
  });

  it('names the saved file after the scenario', () => {
    expect(fileNameFor('Five-stage pipeline (variant)')).toBe('five-stage-pipeline-variant.json');
    expect(fileNameFor('Équipe № 1')).toBe('equipe-no-1.json');
    expect(fileNameFor('!!!')).toBe('scenario.json');
  });

  it('compares own scenarios and edited presets by their own names', () => {
    let ws = duplicate(fresh(), 'token-ring', PRESETS).workspace;
    const own = ws.active;
    const renamed = rename(ws, own, PRESETS, 'Our pipeline');
    if (typeof renamed === 'string') throw new Error(renamed);
    ws = renamed;
    const choices = presetChoices(
      PRESETS,
      (id) => ({
        edited: id === 'token-ring',
        document: {},
        name: id === 'token-ring' ? 'Our ring' : undefined,
      }),
      [{ id: own, name: nameIn(ws, own), document: docIn(ws, own) }],
    );
    expect(choices.find((c) => c.id === 'token-ring')?.name).toBe('Our ring');
    expect(choices.at(-1)).toMatchObject({ id: own, name: 'Our pipeline' });
  });
});

describe('My scenarios in storage', () => {
  it('survive a reload', () => {
    let ws = newScenario(fresh(), PRESETS).workspace;
    ws = duplicate(ws, ws.active, PRESETS).workspace;
    expect(restoreWorkspace(serializeWorkspace(ws), PRESETS)).toEqual(ws);
  });

  it('a workspace saved before My scenarios existed reads with none', () => {
    const { own: _own, ...old } = fresh();
    expect(readWorkspace(JSON.stringify(old), PRESETS)).toEqual({ workspace: fresh(), problems: [] });
  });

  it('a damaged entry is left out and reported, the rest kept', () => {
    let ws = newScenario(fresh(), PRESETS).workspace;
    const good = ws.active;
    ws = newScenario(ws, PRESETS).workspace;
    const saved = JSON.parse(serializeWorkspace(ws));
    saved.own.push({ id: 42 }, { id: 'own-404' });
    saved.drafts['token-ring'] = { text: 7 };
    saved.drafts[good].text = '{"name": "Half typed", "nodes": 3}';
    const { workspace, problems } = readWorkspace(JSON.stringify(saved), PRESETS);
    expect(workspace.own.map((e) => e.id)).toEqual([good, ws.active]);
    expect(workspace.drafts['token-ring']).toBeUndefined();
    expect(problems).toHaveLength(4);
    expect(problems.join(' ')).toMatch(/“Half typed” in My scenarios has \d+ problems/);
    expect(readWorkspace('{"version":1', PRESETS).problems).toHaveLength(1);
  });
});
