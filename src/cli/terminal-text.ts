/**
 * User text made safe to print to a terminal. A scenario's name, time unit or capability,
 * a variant's name or a file name can carry control characters, and a terminal obeys them:
 * `\x1b[2J` clears the screen, an OSC sequence retitles the window or writes a hyperlink,
 * `\r` returns to the start of the line so later text hides earlier text, and Unicode's
 * bidirectional overrides reorder what is shown. They are removed: C0 controls but the line
 * break and the tab, DEL, C1 controls (U+0080 to U+009F, which some terminals read as
 * escapes too) and the bidirectional embeddings, overrides and isolates. The text that was
 * around them stays, so a message still says what it said.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text without what a terminal would obey rather than show. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, '');
}

/** One line of user text, for a table cell or a progress label: line breaks become spaces too. */
export function terminalLine(text: string): string {
  return terminalText(text).replace(/[\n\t]/g, ' ');
}
