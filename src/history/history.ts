/**
 * A team's history as flowlab reads it from a tracker's export: items, each with the
 * stages it visited and when, whatever format the file came in.
 */

/** One stay of an item in a stage. Times are days since 1970-01-01 (dates.ts). */
export interface Visit {
  stage: string;
  enteredAt: number;
  /** When it left; null while it is still there. */
  exitedAt: number | null;
}

export interface HistoryItem {
  id: string;
  /** The type or class of work; "" when the file has none for it. */
  type: string;
  /** The line of the file the item was read from (its first row). */
  line: number;
  /** Stays in the stages before done, in time order. */
  visits: Visit[];
  /** When it was done; null while it is in progress. */
  doneAt: number | null;
}

/** What was done with one row of the file, for the report. */
export interface RowNote {
  line: number;
  id?: string;
  column?: string;
  note: string;
}

/** A fault that stops the file being read: it names the line and the column. */
export interface HistoryProblem {
  line: number;
  column?: string;
  reason: string;
}

export interface History {
  format: 'stage dates' | 'event log';
  /** The workflow's stages in order, the done stage (if the file has one) last. */
  stages: string[];
  /** The stage that means done, or null when leaving the last stage does. */
  doneStage: string | null;
  items: HistoryItem[];
  /** Every value was a date without a time of day. */
  dateOnly: boolean;
  /** How day and month were told apart in dates such as 03/04/2025, when the file has any. */
  dateOrder?: { order: 'dmy' | 'mdy'; from: string };
  /** Columns that are neither stages nor recognised, and were left aside. */
  ignoredColumns: string[];
  notes: RowNote[];
  /** The first and the last time in the file. */
  start: number;
  end: number;
}

export type HistoryOutcome = { ok: true; history: History } | { ok: false; problems: HistoryProblem[] };

/** Items that entered the done stage, and when. */
export function doneItems(history: History): HistoryItem[] {
  return history.items.filter((item) => item.doneAt !== null);
}

/** When an item entered the workflow: its first visit. */
export function arrivedAt(item: HistoryItem): number {
  return item.visits.length > 0 ? item.visits[0].enteredAt : (item.doneAt as number);
}
