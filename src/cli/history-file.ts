/**
 * Reading a tracker's export for a command: the file, bounded in size before it is read,
 * and every problem with the file, its line and its column (exit 2).
 */
import { readFileSync, statSync } from 'node:fs';
import { fromCommitment } from '../history/commitment.ts';
import { CSV_LIMITS } from '../history/csv.ts';
import type { DateOrder } from '../history/dates.ts';
import type { History } from '../history/history.ts';
import { readHistory } from '../history/read.ts';
import { UsageError } from './errors.ts';

/** Bytes: UTF-8 takes up to 4 a character, and the characters are bounded. */
const MAX_BYTES = CSV_LIMITS.characters * 4;

export function readHistoryFile(file: string, dateOrder?: DateOrder): History {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_BYTES)
      throw new UsageError(
        `${file}: ${size.toLocaleString('en')} bytes, more than a history may hold (${MAX_BYTES.toLocaleString('en')})`,
      );
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
    throw new UsageError(`${file}: ${why}`);
  }
  const outcome = readHistory(text, { dateOrder });
  if (!outcome.ok)
    throw new UsageError(
      outcome.problems
        .map(
          (p) =>
            `${file}: line ${p.line}${p.column !== undefined ? `, column "${p.column}"` : ''}: ${p.reason}`,
        )
        .join('\n'),
    );
  return outcome.history;
}

export function dateOrderFlag(value: string | undefined): DateOrder | undefined {
  if (value === undefined || value === 'dmy' || value === 'mdy') return value;
  throw new UsageError(
    `--dates must be dmy (day first, 03/04 is 3 April) or mdy (month first, 03/04 is March 4); got "${value}"`,
  );
}

/** The history counted from its commitment point, when --commit names one. */
export function committed(history: History, stage: string | undefined, file: string): History {
  if (stage === undefined) return history;
  const outcome = fromCommitment(history, stage);
  if (!outcome.ok) throw new UsageError(`--commit: ${file}: ${outcome.reason}`);
  return outcome.history;
}
