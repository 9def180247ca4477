/**
 * CSV a spreadsheet reads as data and never runs. A cell whose text starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets
 * (`=HYPERLINK(…)` in a scenario's name or time unit would be live in every row), so such
 * text gets a leading `'`, which they show as text (OWASP, "CSV Injection"). Numbers stay
 * numbers, negative ones included; text that is exactly a number is left as it is too.
 * Cells with a comma, a quote or a line break are quoted, quotes doubled (RFC 4180).
 *
 * One writer for the command line and the sandbox, so the two exports never disagree.
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** One cell: empty for a missing or non-finite number, neutralised and quoted where needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of cells, each row ended by `eol` (CRLF, as RFC 4180 and spreadsheets expect, by default). */
export function toCsv(rows: readonly (readonly unknown[])[], eol = '\r\n'): string {
  return rows.map((r) => r.map(csvCell).join(',') + eol).join('');
}
