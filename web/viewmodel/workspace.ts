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

export interface Workspace {
  version: 1;
  /** The source being edited: a preset id or SHARED. */
  active: string;
  drafts: Record<string, Draft>;
  largeType: boolean;
}

/** The draft slot for a scenario opened from a shared link. */
export const SHARED = 'shared-link';
export const DEFAULT_PRESET = 'token-ring';
/** What the Compare view puts beside the default preset at first. */
export const DEFAULT_COMPARISON = 'dynamic-network';
export const STORAGE_KEY = 'flowlab.sandbox.v1';

const workspaceSchema = z.object({
  version: z.literal(1),
  active: z.string(),
  drafts: z.record(z.string(), z.object({ text: z.string(), lastGood: z.unknown() })),
  largeType: z.boolean(),
});

export function initialWorkspace(presets: readonly Preset[]): Workspace {
  const first = presets.find((p) => p.id === DEFAULT_PRESET) ?? presets[0];
  return { version: 1, active: first?.id ?? SHARED, drafts: {}, largeType: false };
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
  const fresh = initialWorkspace(presets);
  if (!saved) return fresh;
  let value: unknown;
  try {
    value = JSON.parse(saved);
  } catch {
    return fresh;
  }
  const parsed = workspaceSchema.safeParse(value);
  if (!parsed.success) return fresh;
  const ws = parsed.data as Workspace;
  const known = ws.active === SHARED ? !!ws.drafts[SHARED] : presets.some((p) => p.id === ws.active);
  return known ? ws : { ...ws, active: fresh.active };
}
