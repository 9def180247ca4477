/** Plain-text tables: columns padded to their widest cell, numbers right-aligned. */
import { terminalLine } from './terminal-text.ts';

/** A cell that is a number, a percentage, an estimate ("~35%") or a number with its interval. */
const NUMERIC = /^~?[-\d.,%±[\] ]+$/;

export function table(rawHeader: string[], rawRows: string[][]): string {
  // Cells hold user text (ids, names): made printable first, so the widths are what is shown.
  const header = rawHeader.map(terminalLine);
  const rows = rawRows.map((r) => r.map((c) => terminalLine(c ?? '')));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => NUMERIC.test(r[i] ?? '')));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? (c ?? '').padStart(widths[i]) : (c ?? '').padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
