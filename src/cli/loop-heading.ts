/**
 * A loop of measurement's heading in the terminal (src/report/loops.ts): its name and subject
 * set off by rules, and beneath them the question it answers. `run` and `compare` both head
 * their loops this way.
 */
import { type Loop, loopTitle } from '../report/loops.ts';

export function loopHeading(loop: Loop): string[] {
  return [`── ${loopTitle(loop)} ──`, loop.question];
}

/**
 * What a loop says, laid out: a string is a line of the list of measures, whose consecutive
 * lines stay together; an array is a block (a table and its notes) set apart by blank lines.
 */
export function layOut(parts: readonly (string | readonly string[])[]): string[] {
  const out: string[] = [];
  let listing = false;
  for (const part of parts) {
    const line = typeof part === 'string';
    if (out.length > 0 && !(line && listing)) out.push('');
    if (line) out.push(part);
    else out.push(...part);
    listing = line;
  }
  return out;
}
