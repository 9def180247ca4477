import { describe, expect, it } from 'vitest';
import {
  activeDraft,
  editText,
  initialWorkspace,
  isEdited,
  openDocument,
  resetDraft,
  restoreWorkspace,
  SHARED,
  selectSource,
  serializeWorkspace,
} from '../../web/viewmodel/workspace.ts';
import { PRESETS } from './presets-fixture.ts';

describe('the workspace keeps what the coach typed', () => {
  it('starts on the token-ring preset, unedited', () => {
    const ws = initialWorkspace(PRESETS);
    expect(ws.active).toBe('token-ring');
    expect(activeDraft(ws, PRESETS).text).toBe(PRESETS.find((p) => p.id === 'token-ring')?.text);
  });

  it('a valid edit becomes the last good scenario', () => {
    const ws = initialWorkspace(PRESETS);
    const text = activeDraft(ws, PRESETS).text.replace('"capacity": 4', '"capacity": 5');
    const { workspace, outcome } = editText(ws, text, PRESETS);
    expect(outcome.ok).toBe(true);
    expect(JSON.stringify(activeDraft(workspace, PRESETS).lastGood)).toContain('"capacity":5');
    expect(isEdited(workspace, 'token-ring', PRESETS)).toBe(true);
  });

  it('a bad edit is kept as text but never replaces the last good scenario', () => {
    const ws = initialWorkspace(PRESETS);
    const good = activeDraft(ws, PRESETS).lastGood;
    const broken = editText(ws, '{ "name": ', PRESETS);
    expect(broken.outcome.ok).toBe(false);
    expect(activeDraft(broken.workspace, PRESETS).text).toBe('{ "name": ');
    expect(activeDraft(broken.workspace, PRESETS).lastGood).toEqual(good);
    const invalid = editText(broken.workspace, JSON.stringify({ name: 'x' }), PRESETS);
    expect(invalid.outcome.ok).toBe(false);
    expect(activeDraft(invalid.workspace, PRESETS).lastGood).toEqual(good);
  });

  it('switching presets keeps every draft', () => {
    let ws = editText(initialWorkspace(PRESETS), '{ half typed', PRESETS).workspace;
    ws = selectSource(ws, 'dynamic-network');
    expect(activeDraft(ws, PRESETS).text).toBe(PRESETS.find((p) => p.id === 'dynamic-network')?.text);
    ws = selectSource(ws, 'token-ring');
    expect(activeDraft(ws, PRESETS).text).toBe('{ half typed');
    ws = resetDraft(ws, 'token-ring');
    expect(isEdited(ws, 'token-ring', PRESETS)).toBe(false);
  });

  it('survives a reload through storage, and distrusts what storage holds', () => {
    const ws = openDocument(initialWorkspace(PRESETS), SHARED, '{"oops"');
    expect(restoreWorkspace(serializeWorkspace(ws), PRESETS)).toEqual(ws);
    expect(restoreWorkspace(null, PRESETS)).toEqual(initialWorkspace(PRESETS));
    expect(restoreWorkspace('not json', PRESETS)).toEqual(initialWorkspace(PRESETS));
    expect(restoreWorkspace('{"version":1,"active":3}', PRESETS)).toEqual(initialWorkspace(PRESETS));
    const gone = { ...initialWorkspace(PRESETS), active: 'a-preset-that-was-removed' };
    expect(restoreWorkspace(JSON.stringify(gone), PRESETS).active).toBe('token-ring');
  });
});
