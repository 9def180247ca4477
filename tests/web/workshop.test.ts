/**
 * Predict, then reveal: the results stay hidden until the reveal, which only revealing reaches,
 * and revealing needs the results in and every guess readable; then the guesses are fixed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  readWorkshop,
  revealBlocked,
  saveWorkshop,
  showsResults,
  startWorkshop,
  type Workshop,
  type WorkshopEvent,
} from '../../web/viewmodel/workshop.ts';

const start = () => startWorkshop(['Token ring', 'Network']);
const run = (w: Workshop, ...events: WorkshopEvent[]) => events.reduce(advance, w);
const guess = (index: number, table: string, shorter: 'A' | 'B' | '', by: string): WorkshopEvent => ({
  kind: 'edit',
  index,
  entry: { table, shorter, by },
});

describe('predict, then reveal', () => {
  it('starts on the question, with one table to guess, the results running and hidden', () => {
    const w = start();
    expect(w.step).toBe('question');
    expect(w.entries).toEqual([{ table: 'Table 1', shorter: '', by: '' }]);
    expect(showsResults(w)).toBe(false);
    expect(revealBlocked(w)).toBe('the results are still being simulated');
  });

  it('next and back move between the question and the guesses, but next reveals only when it may', () => {
    let w = run(start(), { kind: 'next' });
    expect(w.step).toBe('predict');
    w = run(w, { kind: 'next' }, { kind: 'reveal' });
    expect(w.step).toBe('predict');
    expect(w.revealed).toBe(false);
    w = run(w, { kind: 'previous' });
    expect(w.step).toBe('question');
  });

  it('keeps the results hidden while they are in but a guess cannot be read', () => {
    const w = run(
      start(),
      { kind: 'results', state: 'ready' },
      { kind: 'next' },
      guess(0, 'Table 1', 'B', '40'),
    );
    expect(revealBlocked(w)).toBe(
      "row 1's guess needs fixing: write it as a percentage (40%) or a ratio (2x)",
    );
    const after = run(w, { kind: 'reveal' });
    expect(after.revealed).toBe(false);
    expect(showsResults(after)).toBe(false);
  });

  it('reveals with space (reveal) or with next from the guesses, and then fixes the guesses', () => {
    const ready = run(
      start(),
      { kind: 'results', state: 'ready' },
      { kind: 'next' },
      guess(0, 'Table 1', 'B', '40%'),
    );
    for (const how of [{ kind: 'reveal' }, { kind: 'next' }] as const) {
      const w = run(ready, how);
      expect(w.revealed).toBe(true);
      expect(w.step).toBe('reveal');
      expect(showsResults(w)).toBe(true);
      const edited = run(w, guess(0, 'Table 1', 'A', '2x'), { kind: 'add' }, { kind: 'remove', index: 0 });
      expect(edited.entries).toEqual(w.entries);
      // Back to the guesses hides the results; forward shows them again without a second reveal.
      const back = run(w, { kind: 'previous' });
      expect(showsResults(back)).toBe(false);
      expect(showsResults(run(back, { kind: 'next' }))).toBe(true);
    }
  });

  it('reveals only from the guesses, and only once a table has guessed', () => {
    const ready = run(start(), { kind: 'results', state: 'ready' });
    expect(run(ready, { kind: 'reveal' }).revealed).toBe(false);
    const guessing = run(ready, { kind: 'next' });
    expect(revealBlocked(guessing)).toBe("enter at least one table's guess");
    expect(run(guessing, { kind: 'reveal' }).revealed).toBe(false);
    const guessed = run(guessing, guess(0, 'Table 1', 'A', '2x'));
    // Back on the question, space does nothing: the room has not seen what it reveals against.
    expect(run(guessed, { kind: 'previous' }, { kind: 'reveal' }).revealed).toBe(false);
    expect(run(guessed, { kind: 'reveal' }).revealed).toBe(true);
  });

  it('cannot reveal a failed run', () => {
    const w = run(start(), { kind: 'results', state: 'failed' }, { kind: 'next' }, { kind: 'reveal' });
    expect(w.revealed).toBe(false);
    expect(revealBlocked(w)).toBe('the simulation failed');
  });

  it('adds tables by the next free name, and keeps at least one row', () => {
    let w = run(start(), { kind: 'add' }, { kind: 'add' });
    expect(w.entries.map((e) => e.table)).toEqual(['Table 1', 'Table 2', 'Table 3']);
    w = run(w, { kind: 'remove', index: 0 }, { kind: 'add' });
    expect(w.entries.map((e) => e.table)).toEqual(['Table 2', 'Table 3', 'Table 4']);
    w = run(w, { kind: 'remove', index: 0 }, { kind: 'remove', index: 0 }, { kind: 'remove', index: 0 });
    expect(w.entries.map((e) => e.table)).toEqual(['Table 4']);
  });

  it('never shows the results before they are in and revealed, whatever the clicks (property)', () => {
    const event: fc.Arbitrary<WorkshopEvent> = fc.oneof(
      fc.constantFrom<WorkshopEvent>(
        { kind: 'next' },
        { kind: 'previous' },
        { kind: 'reveal' },
        { kind: 'add' },
        { kind: 'results', state: 'ready' },
        { kind: 'results', state: 'failed' },
      ),
      fc.record({
        kind: fc.constant('edit' as const),
        index: fc.nat(3),
        entry: fc.record({
          table: fc.constantFrom('', 'Table 1', 'Back'),
          shorter: fc.constantFrom('' as const, 'A' as const, 'B' as const),
          by: fc.constantFrom('', '40%', '2x', '40', '100%'),
        }),
      }),
      fc.record({ kind: fc.constant('remove' as const), index: fc.nat(3) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let w = start();
        let revealedAt: Workshop | null = null;
        for (const e of events) {
          const before = w;
          w = advance(w, e);
          if (!before.revealed && w.revealed) {
            expect(before.results).toBe('ready');
            expect(before.step).toBe('predict');
            expect(revealBlocked(before)).toBeNull();
            revealedAt = w;
          }
          if (showsResults(w)) expect(w.revealed && w.results === 'ready').toBe(true);
          if (w.step === 'reveal') expect(w.revealed).toBe(true);
          if (revealedAt) expect(w.entries).toBe(revealedAt.entries);
        }
      }),
    );
  });
});

describe('a workshop kept for a reload', () => {
  const request = {
    variants: [
      { name: 'Token ring', scenario: { name: 'a' } },
      { name: 'Network', scenario: { name: 'b' } },
    ] as [{ name: string; scenario: unknown }, { name: string; scenario: unknown }],
    seed: 3,
    replications: 4,
  };

  it('comes back with its guesses and step, its results simulated again', () => {
    const w = run(start(), { kind: 'next' }, guess(0, 'Window', 'B', '40%'), { kind: 'add' });
    const back = readWorkshop(saveWorkshop(w, request, true));
    expect(back?.saved.open).toBe(true);
    expect(back?.saved.request).toEqual(request);
    expect(back?.workshop).toEqual({ ...w, results: 'running' });
  });

  it('a revealed one comes back revealed, but shows nothing until its results are in again', () => {
    const w = run(
      start(),
      { kind: 'results', state: 'ready' },
      { kind: 'next' },
      guess(0, 'Window', 'B', '40%'),
      { kind: 'reveal' },
    );
    expect(w.revealed).toBe(true);
    const back = readWorkshop(saveWorkshop(w, request, true));
    expect(back?.workshop.revealed).toBe(true);
    expect(back && showsResults(back.workshop)).toBe(false);
    expect(back && showsResults(advance(back.workshop, { kind: 'results', state: 'ready' }))).toBe(true);
  });

  it('is read as untrusted input: damaged or made-up states are left out', () => {
    expect(readWorkshop(null)).toBeNull();
    expect(readWorkshop('{')).toBeNull();
    expect(readWorkshop('{"v":1}')).toBeNull();
    const saved = JSON.parse(saveWorkshop(start(), request, true));
    expect(readWorkshop(JSON.stringify({ ...saved, entries: [] }))).toBeNull();
    expect(readWorkshop(JSON.stringify({ ...saved, extra: 1 }))).toBeNull();
    // On the reveal without having revealed: back to the guesses, nothing shown.
    const forged = readWorkshop(JSON.stringify({ ...saved, step: 'reveal', revealed: false }));
    expect(forged?.workshop.step).toBe('predict');
  });
});
