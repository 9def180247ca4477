/**
 * Predict, then reveal: the facilitator's three steps, as a state machine that keeps the
 * results hidden until the room has guessed.
 * 1. the question: A (the baseline) against B, which will have the shorter mean lead time;
 * 2. the guesses, one per table;
 * 3. the reveal: the comparison, with every guess marked against it.
 * The comparison runs while the room guesses, but nothing of it may be shown before the reveal:
 * the reveal step can only be reached by revealing, from the guesses; revealing needs the results,
 * at least one guess and a readable guess in every row that has one; once revealed the guesses
 * are fixed.
 *
 * The workshop is kept in session storage, so a reload during the session keeps the guesses,
 * and closing the tab forgets them. It is not put in share links: a link is how the comparison
 * reaches the room's phones, and it must not carry other tables' guesses, nor an answer.
 */
import { z } from 'zod';
import { type GuessEntry, type GuessOutcome, readGuesses } from './guesses.ts';

export const STEPS = ['question', 'predict', 'reveal'] as const;
export type Step = (typeof STEPS)[number];

export type ResultsState = 'running' | 'ready' | 'failed';

export interface Workshop {
  /** The names of A (the baseline) and B. */
  variants: [string, string];
  entries: GuessEntry[];
  step: Step;
  revealed: boolean;
  /** How the comparison run is going; never what it found. */
  results: ResultsState;
}

export type WorkshopEvent =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'reveal' }
  | { kind: 'results'; state: 'ready' | 'failed' }
  | { kind: 'edit'; index: number; entry: GuessEntry }
  | { kind: 'add' }
  | { kind: 'remove'; index: number };

/** A new workshop on A and B, with a row for each of the tables named (one, "Table 1", if none). */
export function startWorkshop(variants: [string, string], tables: readonly string[] = []): Workshop {
  const names = tables.length > 0 ? tables : ['Table 1'];
  return {
    variants,
    entries: names.map((table) => ({ table, shorter: '', by: '' })),
    step: 'question',
    revealed: false,
    results: 'running',
  };
}

/** Why the results cannot be revealed yet, or null when they can. */
export function revealBlocked(w: Workshop): string | null {
  if (w.results === 'running') return 'the results are still being simulated';
  if (w.results === 'failed') return 'the simulation failed';
  const read = readGuesses(w.entries);
  const i = read.findIndex((r) => r.kind === 'problem');
  if (i >= 0) {
    const problem = read[i] as Extract<GuessOutcome, { kind: 'problem' }>;
    return `row ${i + 1}'s guess needs fixing: ${problem.message}`;
  }
  // Nothing to reveal against: the point is the room's guess, so an empty table is a slip.
  if (!read.some((r) => r.kind === 'guess')) return "enter at least one table's guess";
  return null;
}

/**
 * Whether the results may be on screen: only on the reveal step, which only revealing reaches,
 * and once they are in (a revealed workshop read back after a reload simulates them again).
 */
export function showsResults(w: Workshop): boolean {
  return w.revealed && w.step === 'reveal' && w.results === 'ready';
}

export function advance(w: Workshop, event: WorkshopEvent): Workshop {
  switch (event.kind) {
    case 'results':
      return w.results === 'running' ? { ...w, results: event.state } : w;
    case 'next':
      if (w.step === 'question') return { ...w, step: 'predict' };
      // A clicker has only next and back: from the guesses, next reveals.
      return advance(w, { kind: 'reveal' });
    case 'previous':
      return w.step === 'reveal' ? { ...w, step: 'predict' } : { ...w, step: 'question' };
    case 'reveal':
      if (w.revealed) return { ...w, step: 'reveal' };
      // Only from the guesses, where the room can see what is being revealed against.
      return w.step === 'predict' && revealBlocked(w) === null ? { ...w, revealed: true, step: 'reveal' } : w;
    case 'edit':
      if (w.revealed || event.index < 0 || event.index >= w.entries.length) return w;
      return { ...w, entries: w.entries.map((e, i) => (i === event.index ? event.entry : e)) };
    case 'add':
      if (w.revealed) return w;
      return { ...w, entries: [...w.entries, { table: nextTableName(w.entries), shorter: '', by: '' }] };
    case 'remove':
      if (w.revealed || w.entries.length <= 1) return w;
      return { ...w, entries: w.entries.filter((_, i) => i !== event.index) };
  }
}

/** "Table 4" after three rows, or the first "Table n" no row is called yet. */
function nextTableName(entries: readonly GuessEntry[]): string {
  const taken = new Set(entries.map((e) => e.table.trim().toLowerCase()));
  let n = entries.length + 1;
  while (taken.has(`table ${n}`)) n++;
  return `Table ${n}`;
}

export const SESSION_KEY = 'flowlab.workshop.v1';

const entrySchema = z.strictObject({
  table: z.string().max(200),
  shorter: z.enum(['A', 'B', '']),
  by: z.string().max(200),
});

const savedSchema = z.strictObject({
  v: z.literal(1),
  /** Whether the workshop was on screen, to put it back there after a reload. */
  open: z.boolean(),
  /** What was compared: A and B, and the seed and replications, to run it again after a reload. */
  request: z.strictObject({
    variants: z.tuple([
      z.strictObject({ name: z.string(), scenario: z.unknown() }),
      z.strictObject({ name: z.string(), scenario: z.unknown() }),
    ]),
    seed: z.number().int().min(0).optional(),
    replications: z.number().int().min(1).optional(),
  }),
  entries: z.array(entrySchema).min(1).max(100),
  step: z.enum(STEPS),
  revealed: z.boolean(),
});

export type SavedWorkshop = z.infer<typeof savedSchema>;

export function saveWorkshop(w: Workshop, request: SavedWorkshop['request'], open: boolean): string {
  const saved: SavedWorkshop = {
    v: 1,
    open,
    request,
    entries: w.entries,
    step: w.step,
    revealed: w.revealed,
  };
  return JSON.stringify(saved);
}

/**
 * A workshop read back from session storage, as untrusted input: null when there is none or it
 * is damaged. Its results are simulated again (the same seeds give the same numbers), so it
 * comes back running, and a revealed one is shown once they are in.
 */
export function readWorkshop(text: string | null): { workshop: Workshop; saved: SavedWorkshop } | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = savedSchema.safeParse(value);
  if (!parsed.success) return null;
  const s = parsed.data;
  const variants: [string, string] = [s.request.variants[0].name, s.request.variants[1].name];
  const workshop: Workshop = {
    variants,
    entries: s.entries,
    // A step the saved state could not have reached is not trusted: back to the guesses.
    step: s.step === 'reveal' && !s.revealed ? 'predict' : s.step,
    revealed: s.revealed,
    results: 'running',
  };
  return { workshop, saved: s };
}
