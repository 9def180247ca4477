/**
 * A file the coach opens or drops on the page: a scenario (JSON) or a team's history (a
 * tracker's CSV export), told apart by its name and its first character; a history is
 * bounded in size before it is read, and its problems are written as the CLI writes them,
 * with the line and the column.
 */
import { CSV_LIMITS, type StudyProblem } from '../../src/runner.ts';

export type FileKind = 'scenario' | 'history';

/**
 * `.json` is a scenario, `.csv` and `.tsv` a history. Any other file (`.txt`, a download saved
 * without a name's ending) is read by its first character: `{` opens a scenario, and no CSV
 * header starts with it.
 */
export function fileKind(name: string, head: string): FileKind {
  if (/\.json$/i.test(name)) return 'scenario';
  if (/\.(csv|tsv)$/i.test(name)) return 'history';
  return head
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{')
    ? 'scenario'
    : 'history';
}

/** UTF-8 takes up to 4 bytes a character, and the characters are bounded. */
export const MAX_HISTORY_BYTES = CSV_LIMITS.characters * 4;

/** Why a file of this many bytes is not read, or null when it may be. */
export function historySizeProblem(name: string, bytes: number): string | null {
  if (bytes === 0) return `${name}: the file is empty`;
  if (bytes > MAX_HISTORY_BYTES)
    return `${name}: ${bytes.toLocaleString('en')} bytes, more than a history may hold (${MAX_HISTORY_BYTES.toLocaleString('en')})`;
  return null;
}

/** `team.csv: line 4, column "enteredAt": …`, as `flowlab fit` says it, its flags named as the page's fields. */
export function problemLines(file: string, problems: readonly StudyProblem[]): string[] {
  return problems.map((p) =>
    asFields(
      `${file}: ${p.line !== undefined ? `line ${p.line}${p.column !== undefined ? `, column "${p.column}"` : ''}: ` : ''}${p.reason}`,
    ),
  );
}

/**
 * The report's words are the command line's, and name its flags where the coach can act
 * (`--waiting`, `--commit STAGE`, `--dates dmy`); on the page the same choices are the fields
 * beside the history, named here instead.
 */
export function asFields(text: string): string {
  return text
    .replace(
      /--dates dmy \(day first\) or --dates mdy \(month first\)/g,
      '“Dates such as 03/04/2025” beside the history (day first or month first)',
    )
    .replace(/with --commit STAGE/g, 'with “Commitment point” beside the history')
    .replace(/with --waiting/g, 'in “Waiting stages” beside the history');
}
