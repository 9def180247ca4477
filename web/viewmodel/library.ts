/**
 * My scenarios: the coach's own scenarios, kept in the workspace beside the drafts of the
 * presets. An own scenario is a draft like any other (text as typed, last good document); the
 * library only remembers which drafts are the coach's, in what order, and which one a variant
 * was made from, so "this scenario and its variant" is one comparison.
 *
 * A scenario's name and description are the document's own `name` and `description`: there is
 * no second label to drift from what the file, the results and the CLI say.
 */
import { parseScenarioText } from '../../src/index.ts';
import { deeperThan } from '../../src/runner.ts';
import type { Preset } from './presets.ts';
import { prettyJson } from './pretty-json.ts';
import { MAX_JSON_BYTES, MAX_JSON_DEPTH } from './share.ts';
import { type Draft, draftOf, type OwnEntry, type Workspace } from './workspace.ts';

/**
 * A new scenario from scratch: one class of work, one step, one team to do it, at a load the
 * team can carry (0.8 of a day's work arriving a day), so the first Run already says something.
 */
export const BLANK_SCENARIO = {
  name: 'My value stream',
  description: 'Work arrives, one team does it. Add steps, teams and classes of work to grow it.',
  timeUnit: 'day',
  run: { duration: 1000, warmup: 100, seed: 1, replications: 10 },
  routing: 'fixed',
  demand: [{ id: 'work', interarrival: { dist: 'exponential', mean: 1 }, steps: ['do'] }],
  nodes: [{ id: 'team', kind: 'team', capacity: 1, serves: { do: { dist: 'exponential', mean: 0.8 } } }],
};

/** What the coach calls a draft: its document's name, or a placeholder while the text has none. */
export function nameOf(draft: Draft): string {
  return field(draft, 'name') ?? 'Untitled scenario';
}

export function descriptionOf(draft: Draft): string {
  return field(draft, 'description') ?? '';
}

function field(draft: Draft, key: 'name' | 'description'): string | undefined {
  const read = (doc: unknown) => {
    const v = doc && typeof doc === 'object' ? (doc as Record<string, unknown>)[key] : undefined;
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
  };
  return read(jsonObject(draft.text)) ?? read(draft.lastGood);
}

function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

export function isOwn(ws: Workspace, id: string): boolean {
  return ws.own.some((e) => e.id === id);
}

/** `own-1`, `own-2`, ...: the first number no draft uses, so ids stay short and deterministic. */
function nextId(ws: Workspace): string {
  for (let n = 1; ; n++) if (!ws.drafts[`own-${n}`]) return `own-${n}`;
}

/** `name`, or `name 2`, `name 3`, ... when one of the coach's scenarios already has it. */
export function uniqueName(ws: Workspace, name: string, presets: readonly Preset[]): string {
  const taken = new Set(ws.own.map((e) => nameOf(draftOf(ws, e.id, presets))));
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name} ${n}`)) return `${name} ${n}`;
}

/** Adds a draft to My scenarios and makes it the one being edited. */
export function addOwn(ws: Workspace, text: string, from?: string): { workspace: Workspace; id: string } {
  const id = nextId(ws);
  const outcome = parseScenarioText(text);
  const lastGood = outcome.ok ? JSON.parse(text) : null;
  const entry: OwnEntry = from ? { id, from } : { id };
  return {
    workspace: {
      ...ws,
      active: id,
      own: [...ws.own, entry],
      drafts: { ...ws.drafts, [id]: { text, lastGood } },
    },
    id,
  };
}

/** "New scenario": the blank stream, under a name none of the coach's scenarios has yet. */
export function newScenario(ws: Workspace, presets: readonly Preset[]) {
  const name = uniqueName(ws, BLANK_SCENARIO.name, presets);
  return addOwn(ws, prettyJson({ ...BLANK_SCENARIO, name }));
}

/**
 * A copy of any source (a preset as edited, a scenario from a link, one of the coach's own)
 * in My scenarios. A copy of the coach's own scenario is its variant, named so ("Pipeline
 * (variant)") and remembered as made from it; a copy of a preset keeps the preset's name.
 */
export function duplicate(ws: Workspace, id: string, presets: readonly Preset[]) {
  const draft = draftOf(ws, id, presets);
  const doc = jsonObject(draft.text);
  const own = isOwn(ws, id);
  if (!doc) return addOwn(ws, draft.text, own ? id : undefined);
  const base = nameOf(draft);
  const name = uniqueName(ws, own ? `${base} (variant)` : base, presets);
  return addOwn(ws, prettyJson({ ...doc, name }), own ? id : undefined);
}

/**
 * Renames a scenario by changing its document's name (and, when given, its description).
 * Returns the reason when the text is not a JSON object that could take a name.
 */
export function rename(
  ws: Workspace,
  id: string,
  presets: readonly Preset[],
  name: string,
  description?: string,
): Workspace | string {
  const trimmed = name.trim();
  if (trimmed === '') return 'a scenario needs a name';
  const draft = draftOf(ws, id, presets);
  const doc = jsonObject(draft.text);
  if (!doc) return 'fix the scenario’s JSON first, then rename it';
  const next: Record<string, unknown> = { ...doc, name: trimmed };
  if (description !== undefined) {
    if (description.trim() === '') delete next.description;
    else next.description = description.trim();
  }
  const text = prettyJson(next);
  const outcome = parseScenarioText(text);
  const lastGood = outcome.ok ? JSON.parse(text) : draft.lastGood;
  return { ...ws, drafts: { ...ws.drafts, [id]: { text, lastGood } } };
}

/** What a delete took away, so Undo puts it back where it was. */
export interface Removed {
  entry: OwnEntry;
  draft: Draft;
  index: number;
  wasActive: boolean;
}

/** Removes one of the coach's scenarios; the next one (or the first preset) becomes active. */
export function remove(
  ws: Workspace,
  id: string,
  fallback: string,
): { workspace: Workspace; removed: Removed } | null {
  const index = ws.own.findIndex((e) => e.id === id);
  if (index < 0) return null;
  const { [id]: draft, ...drafts } = ws.drafts;
  const own = ws.own.filter((e) => e.id !== id);
  const wasActive = ws.active === id;
  const active = wasActive ? (own[Math.min(index, own.length - 1)]?.id ?? fallback) : ws.active;
  return {
    workspace: { ...ws, active, own, drafts },
    removed: { entry: ws.own[index], draft: draft ?? { text: '{}', lastGood: null }, index, wasActive },
  };
}

/** Undo of a delete: the scenario back in its place, with the same id, text and variant link. */
export function undoRemove(ws: Workspace, removed: Removed): Workspace {
  if (ws.drafts[removed.entry.id]) return ws;
  const own = [...ws.own];
  own.splice(Math.min(removed.index, own.length), 0, removed.entry);
  return {
    ...ws,
    own,
    active: removed.wasActive ? removed.entry.id : ws.active,
    drafts: { ...ws.drafts, [removed.entry.id]: removed.draft },
  };
}

/**
 * A file the coach opened or dropped on the page, as a new scenario of theirs. It is input
 * like a link: too large or too deep is refused with a reason; otherwise it opens even with
 * problems, which the editor then shows beside the fields, so nothing typed in it is lost.
 */
export function openFile(
  ws: Workspace,
  fileName: string,
  text: string,
  presets: readonly Preset[],
): { workspace: Workspace; id: string; problems: number } | string {
  if (text.length > MAX_JSON_BYTES)
    return `${fileName} is too large to be a scenario (over ${MAX_JSON_BYTES.toLocaleString('en')} characters)`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `${fileName} is not JSON; a scenario file is the JSON that Save to file or the CLI reads`;
  }
  if (deeperThan(value, MAX_JSON_DEPTH)) return `${fileName} nests deeper than ${MAX_JSON_DEPTH} levels`;
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return `${fileName} holds no scenario (a scenario is a JSON object with a name, demand and nodes)`;
  const { $schema: _schema, ...doc } = value as Record<string, unknown>;
  const given = typeof doc.name === 'string' && doc.name.trim() !== '' ? doc.name : null;
  const named = given ? doc : { ...doc, name: fileName.replace(/\.json$/i, '') || 'Opened scenario' };
  const body = prettyJson({ ...named, name: uniqueName(ws, String(named.name), presets) });
  const outcome = parseScenarioText(body);
  return { ...addOwn(ws, body), problems: outcome.ok ? 0 : outcome.problems.length };
}

/**
 * A scenario fitted to a team's history, as a new scenario of the coach's, opened in the
 * editor to make what-ifs from; under a name none of theirs has yet.
 */
export function addFitted(ws: Workspace, scenario: Record<string, unknown>, presets: readonly Preset[]) {
  const name =
    typeof scenario.name === 'string' && scenario.name.trim() !== '' ? scenario.name : 'Fitted model';
  return addOwn(ws, prettyJson({ ...scenario, name: uniqueName(ws, name, presets) }));
}

/** A file name for Save to file: the scenario's name in lower case, words joined by hyphens. */
export function fileNameFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'scenario'}.json`;
}
