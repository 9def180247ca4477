/**
 * Reading CSV as trackers and spreadsheets write it (RFC 4180 and its usual variations):
 * quoted fields with doubled quotes and line breaks inside, CRLF or LF line ends, a UTF-8
 * byte-order mark, and `,` or `;` between fields (spreadsheets in locales whose decimal mark
 * is a comma write `;`). One pass over the characters, so a hostile file costs time in
 * proportion to its length and never more; its size is bounded by the limits below.
 */

/** Bounds on an untrusted file, so a mistake or an attack costs seconds and megabytes, not hours. */
export const CSV_LIMITS = {
  /** Characters in the whole file (about 50 MB of text). */
  characters: 50_000_000,
  /** Rows, the header included. */
  rows: 200_000,
  /** Columns in a row. */
  columns: 500,
  /** Characters in one field. */
  fieldCharacters: 10_000,
} as const;

export interface CsvTable {
  delimiter: ',' | ';';
  /** The first row. */
  header: string[];
  /** Every other row, with the line (1-based, counting the header as line 1) it starts on. */
  rows: { line: number; cells: string[] }[];
}

export type CsvOutcome = { ok: true; table: CsvTable } | { ok: false; line: number; reason: string };

export function parseCsv(input: string): CsvOutcome {
  if (input.length > CSV_LIMITS.characters)
    return {
      ok: false,
      line: 1,
      reason: `the file holds ${input.length.toLocaleString('en')} characters, more than the limit of ${CSV_LIMITS.characters.toLocaleString('en')}`,
    };
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') return { ok: false, line: 1, reason: 'the file is empty' };
  const delimiter = detectDelimiter(text);
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  const endField = (): string | undefined => {
    if (field.length > CSV_LIMITS.fieldCharacters)
      return `a field holds ${field.length.toLocaleString('en')} characters, more than the limit of ${CSV_LIMITS.fieldCharacters.toLocaleString('en')}`;
    cells.push(wasQuoted ? field : field.trim());
    field = '';
    wasQuoted = false;
    if (cells.length > CSV_LIMITS.columns) return `a row has more than ${CSV_LIMITS.columns} columns`;
    return undefined;
  };
  const endRecord = (): string | undefined => {
    const problem = endField();
    if (problem) return problem;
    // A blank line (one empty field) is no record: spreadsheets leave them at the end.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    if (records.length > CSV_LIMITS.rows)
      return `the file has more than ${CSV_LIMITS.rows.toLocaleString('en')} rows`;
    cells = [];
    return undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
        if (field.length > CSV_LIMITS.fieldCharacters)
          return { ok: false, line, reason: endField() as string };
      }
      continue;
    }
    if (c === '"' && field.trim() === '' && !wasQuoted) {
      field = '';
      quoted = true;
      wasQuoted = true;
    } else if (c === delimiter) {
      const problem = endField();
      if (problem) return { ok: false, line, reason: problem };
    } else if (c === '\n' || c === '\r') {
      const problem = endRecord();
      if (problem) return { ok: false, line, reason: problem };
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else if (wasQuoted) {
      // Text after a closing quote: spreadsheets never write it; keep it rather than guess.
      if (c !== ' ' && c !== '\t')
        return {
          ok: false,
          line,
          reason: `text after a closing quote ("${field}" then "${c}"): a quote inside a quoted field must be doubled ("")`,
        };
    } else {
      field += c;
      if (field.length > CSV_LIMITS.fieldCharacters) return { ok: false, line, reason: endField() as string };
    }
  }
  if (quoted)
    return { ok: false, line: recordLine, reason: 'a quoted field is never closed (a " is missing)' };
  const problem = endRecord();
  if (problem) return { ok: false, line, reason: problem };
  if (records.length === 0) return { ok: false, line: 1, reason: 'the file is empty' };
  const [head, ...rows] = records;
  return { ok: true, table: { delimiter, header: head.cells, rows } };
}

/**
 * `;` when the first line has more semicolons than commas outside quotes, else `,`. The
 * header names the columns, so it holds no dates or decimals that could hold either mark.
 */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
