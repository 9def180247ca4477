/**
 * What the coach is working on, and the promise that nothing they typed is lost.
 *
 * Each source (a preset, or a scenario opened from a link) has its own draft: the text exactly
 * as typed, valid or not, and the last document that validated. A bad edit changes the text
 * but never the last good document, and switching presets keeps every draft. The whole
 * workspace is saved to local storage after each change and validated when read back, like
 * any other input.
 */
import { z } from 'zod';
import { type ParseOutcome, parseScenarioText } from '../../src/index.ts';
import type { Preset } from './presets.ts';

export interface Draft {
  /** What is in the editor, exactly as typed. */
  text: string;
  /** The last document (as written, defaults not filled in) that validated. */
  lastGood: unknown;
}

/** One of the coach's own scenarios: its draft's id, and the scenario it is a variant of. */
export interface OwnEntry {
  id: string;
  from?: string;
}

export interface Workspace {
  version: 1;
  /** The source being edited: a preset id, SHARED, or one of the coach's own scenarios. */
  active: string;
  drafts: Record<string, Draft>;
  /** My scenarios, in the order they are listed (see library.ts). */
  own: OwnEntry[];
  largeType: boolean;
}

/** The draft slot for a scenario opened from a shared link. */
export const SHARED = 'shared-link';
export const DEFAULT_PRESET = 'token-ring';
/** What the Compare view puts beside the default preset at first. */
export const DEFAULT_COMPARISON = 'dynamic-network';
export const STORAGE_KEY = 'flowlab.sandbox.v1';

const draftSchema = z.object({ text: z.string(), lastGood: z.unknown() });
const ownSchema = z.object({ id: z.string(), from: z.string().optional() });
/** The frame of a saved workspace; its drafts and own scenarios are then read one by one. */
const workspaceSchema = z.object({
  version: z.literal(1),
  active: z.string(),
  drafts: z.record(z.string(), z.unknown()),
  own: z.array(z.unknown()).optional(),
  largeType: z.boolean(),
});

export function initialWorkspace(presets: readonly Preset[]): Workspace {
  const first = presets.find((p) => p.id === DEFAULT_PRESET) ?? presets[0];
  return { version: 1, active: first?.id ?? SHARED, drafts: {}, own: [], largeType: false };
}

/** The draft for a source, or the preset as shipped when it has not been edited. */
export function draftOf(ws: Workspace, id: string, presets: readonly Preset[]): Draft {
  const saved = ws.drafts[id];
  if (saved) return saved;
  const preset = presets.find((p) => p.id === id);
  return preset ? { text: preset.text, lastGood: preset.document } : { text: '{}', lastGood: null };
}

export function activeDraft(ws: Workspace, presets: readonly Preset[]): Draft {
  return draftOf(ws, ws.active, presets);
}

/** Whether a source's draft differs from what it was loaded as. */
export function isEdited(ws: Workspace, id: string, presets: readonly Preset[]): boolean {
  const preset = presets.find((p) => p.id === id);
  const saved = ws.drafts[id];
  return !!saved && !!preset && saved.text !== preset.text;
}

/** The workspace after the coach changed the editor's text, and what validation said. */
export function editText(
  ws: Workspace,
  text: string,
  presets: readonly Preset[],
): { workspace: Workspace; outcome: ParseOutcome } {
  const outcome = parseScenarioText(text);
  const before = activeDraft(ws, presets);
  const lastGood = outcome.ok ? JSON.parse(text) : before.lastGood;
  return { workspace: { ...ws, drafts: { ...ws.drafts, [ws.active]: { text, lastGood } } }, outcome };
}

export function selectSource(ws: Workspace, id: string): Workspace {
  return { ...ws, active: id };
}

/** Puts a document in a source's slot and makes it active (a shared link, for instance). */
export function openDocument(ws: Workspace, id: string, text: string): Workspace {
  const outcome = parseScenarioText(text);
  const previous = ws.drafts[id];
  const lastGood = outcome.ok ? JSON.parse(text) : (previous?.lastGood ?? null);
  return { ...ws, active: id, drafts: { ...ws.drafts, [id]: { text, lastGood } } };
}

/** Drops the edits to a preset: the one deliberate way to lose them. */
export function resetDraft(ws: Workspace, id: string): Workspace {
  const { [id]: _dropped, ...drafts } = ws.drafts;
  return { ...ws, drafts };
}

/** Back to the last document that validated, as text. */
export function revertToLastGood(ws: Workspace, presets: readonly Preset[], format: (v: unknown) => string) {
  const draft = activeDraft(ws, presets);
  if (draft.lastGood === null) return ws;
  return editText(ws, format(draft.lastGood), presets).workspace;
}

export function serializeWorkspace(ws: Workspace): string {
  return JSON.stringify(ws);
}

/** A saved workspace, or a fresh one when nothing (or nothing trustworthy) was saved. */
export function restoreWorkspace(saved: string | null, presets: readonly Preset[]): Workspace {
  return readWorkspace(saved, presets).workspace;
}

/**
 * A saved workspace read as untrusted input: each draft and each of My scenarios is checked
 * on its own, so one damaged entry costs that entry alone, and every loss is reported in words
 * the coach can act on rather than passed over in silence.
 */
export function readWorkspace(
  saved: string | null,
  presets: readonly Preset[],
): { workspace: Workspace; problems: string[] } {
  const fresh = initialWorkspace(presets);
  if (!saved) return { workspace: fresh, problems: [] };
  const unreadable = {
    workspace: fresh,
    problems: ['The scenarios saved in this browser could not be read; the sandbox starts afresh.'],
  };
  let value: unknown;
  try {
    value = JSON.parse(saved);
  } catch {
    return unreadable;
  }
  const parsed = workspaceSchema.safeParse(value);
  if (!parsed.success) return unreadable;
  const problems: string[] = [];
  const drafts: Record<string, Draft> = {};
  for (const [id, raw] of Object.entries(parsed.data.drafts)) {
    const draft = draftSchema.safeParse(raw);
    if (draft.success) drafts[id] = draft.data as Draft;
    else problems.push(`A saved draft (${id}) was damaged and is left out.`);
  }
  const own: OwnEntry[] = [];
  for (const raw of parsed.data.own ?? []) {
    const entry = ownSchema.safeParse(raw);
    if (!entry.success || !drafts[entry.data.id] || own.some((e) => e.id === entry.data.id)) {
      problems.push('One of My scenarios was damaged in storage and is left out.');
      continue;
    }
    own.push(entry.data);
    const outcome = parseScenarioText(drafts[entry.data.id].text);
    if (!outcome.ok) {
      const n = outcome.problems.length;
      problems.push(
        `${ownLabel(drafts[entry.data.id])} in My scenarios has ${n} problem${n === 1 ? '' : 's'}; open it to see them beside the fields.`,
      );
    }
  }
  const ws: Workspace = { ...parsed.data, drafts, own } as Workspace;
  const known =
    ws.active === SHARED
      ? !!ws.drafts[SHARED]
      : presets.some((p) => p.id === ws.active) || own.some((e) => e.id === ws.active);
  return { workspace: known ? ws : { ...ws, active: fresh.active }, problems };
}

function ownLabel(draft: Draft): string {
  try {
    const name = JSON.parse(draft.text)?.name;
    if (typeof name === 'string' && name.trim() !== '') return `“${name}”`;
  } catch {
    // Not JSON: named by its place instead.
  }
  return 'A scenario';
}
