/**
 * A table's guess in predict-then-reveal: which of two variants, A (the baseline) and B, will
 * have the shorter mean lead time, and by how much, said the way a room says it: "40%" (the
 * shorter is 40% below the longer) or "2x" (the longer takes twice as long). Every guess
 * becomes one number, B's mean lead time over A's, the ratio the comparison measures
 * (1 + its relative difference), so guesses said either way are judged alike.
 */

export type Side = 'A' | 'B';

/** A row of the guesses table, as typed. */
export interface GuessEntry {
  table: string;
  shorter: Side | '';
  by: string;
}

export interface Guess {
  table: string;
  shorter: Side;
  /** The amount as typed, tidied: "40%", "2x". */
  by: string;
  /** B's mean lead time over A's that the guess says. */
  ratio: number;
}

export type GuessField = keyof GuessEntry;

/** What a row says: nothing (no guess yet), a guess, or what is wrong with it and where. */
export type GuessOutcome =
  | { kind: 'empty' }
  | { kind: 'guess'; guess: Guess }
  | { kind: 'problem'; field: GuessField; message: string };

export const MAX_TABLE_NAME = 40;
/** Beyond a thousand times as long, a guess says "far longer", not a number to judge. */
export const MAX_RATIO = 1000;

type Amount = { kind: 'percent'; value: number } | { kind: 'ratio'; value: number };

const NUMBER = String.raw`(\d+(?:[.,]\d+)?|[.,]\d+)`;
const PERCENT = new RegExp(`^${NUMBER}\\s*%$`);
const RATIO = new RegExp(`^${NUMBER}\\s*(?:x|×|times)$`, 'i');

/** "40%", "40 %", "12.5%" or "2x", "1,5×", "3 times"; else why not, in a room's words. */
export function parseAmount(text: string): Amount | string {
  const t = text.trim();
  if (t === '') return 'say by how much: a percentage (40%) or a ratio (2x)';
  const decimal = (s: string) => Number(s.replace(',', '.'));
  const percent = PERCENT.exec(t);
  if (percent) {
    const value = decimal(percent[1]);
    if (value >= 100) return 'a lead time cannot be 100% or more shorter: say it as a ratio (2x) instead';
    return { kind: 'percent', value };
  }
  const ratio = RATIO.exec(t);
  if (ratio) {
    const value = decimal(ratio[1]);
    if (value < 1) return 'a ratio is the longer lead time over the shorter, so at least 1x';
    if (value > MAX_RATIO) return `a ratio of at most ${MAX_RATIO}x`;
    return { kind: 'ratio', value };
  }
  return 'write it as a percentage (40%) or a ratio (2x)';
}

/** B's mean lead time over A's, when `shorter` is shorter by `amount`. */
export function ratioOf(shorter: Side, amount: Amount): number {
  // The shorter's lead time over the longer's: 40% shorter is 0.6, twice as long is 1/2.
  const fraction = amount.kind === 'percent' ? 1 - amount.value / 100 : 1 / amount.value;
  return shorter === 'B' ? fraction : 1 / fraction;
}

/** One row read, with the other rows' table names to tell them apart. */
export function readGuess(entry: GuessEntry, others: readonly string[] = []): GuessOutcome {
  const table = entry.table.trim();
  // A table that has not guessed yet (its name only) is no guess, not a wrong one.
  if (entry.shorter === '' && entry.by.trim() === '') return { kind: 'empty' };
  if (table === '') return { kind: 'problem', field: 'table', message: 'name the table' };
  if (table.length > MAX_TABLE_NAME)
    return {
      kind: 'problem',
      field: 'table',
      message: `a table's name of at most ${MAX_TABLE_NAME} characters`,
    };
  if (others.some((o) => o.trim().toLowerCase() === table.toLowerCase()))
    return { kind: 'problem', field: 'table', message: `another table is called “${table}”` };
  if (entry.shorter === '')
    return { kind: 'problem', field: 'shorter', message: 'say which is shorter, A or B' };
  const amount = parseAmount(entry.by);
  if (typeof amount === 'string') return { kind: 'problem', field: 'by', message: amount };
  const by = amount.kind === 'percent' ? `${amount.value}%` : `${amount.value}x`;
  return {
    kind: 'guess',
    guess: { table, shorter: entry.shorter, by, ratio: ratioOf(entry.shorter, amount) },
  };
}

/** Every row read; a row's name is checked against the rows above it. */
export function readGuesses(entries: readonly GuessEntry[]): GuessOutcome[] {
  return entries.map((e, i) =>
    readGuess(
      e,
      entries.slice(0, i).map((o) => o.table),
    ),
  );
}

/**
 * How far a guessed ratio is from the measured one, as the share by which the guessed lead
 * time of B (with A's as measured) misses B's measured one, whichever side it errs on:
 * max(g/m, m/g) - 1. A guess of twice as long and one of half as long are equally far from the
 * truth, as on a log scale, without taking a logarithm.
 */
export function offBy(guessed: number, measured: number): number {
  return Math.max(guessed / measured, measured / guessed) - 1;
}

export interface Judged extends Guess {
  offBy: number;
  /** Whether the guess lies within the measured ratio's 95% interval. */
  inInterval: boolean;
  /** Whether it picked the variant that was shorter (or either, when they measured the same). */
  rightSide: boolean;
  closest: boolean;
}

/** Two guesses closer than this (relative) are equally close: a tie, not a winner by rounding. */
const TIE = 1e-9;

/**
 * The guesses judged against the measured ratio (B over A) and its 95% interval, closest first;
 * every guess as close as the closest is marked closest (a tie names them all).
 */
export function judge(
  guesses: readonly Guess[],
  measured: number,
  interval: readonly [number, number] | null,
): Judged[] {
  const judged = guesses.map((g) => ({
    ...g,
    offBy: offBy(g.ratio, measured),
    inInterval: interval !== null && g.ratio >= interval[0] && g.ratio <= interval[1],
    rightSide: measured === 1 || g.ratio < 1 === measured < 1,
    closest: false,
  }));
  const best = Math.min(...judged.map((j) => j.offBy));
  for (const j of judged) j.closest = j.offBy <= best + TIE * (1 + best);
  return judged.sort((a, b) => a.offBy - b.offBy);
}

/** A ratio (B over A) in the guesses' own words: which is shorter, and by what share. */
export function inWords(ratio: number): { shorter: Side | null; by: number; times: number } {
  if (ratio === 1) return { shorter: null, by: 0, times: 1 };
  return ratio < 1
    ? { shorter: 'B', by: 1 - ratio, times: 1 / ratio }
    : { shorter: 'A', by: 1 - 1 / ratio, times: ratio };
}
