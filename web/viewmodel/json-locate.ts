/**
 * Where a JSON path is in the editor's text, so a zod problem at `nodes[2].capacity` can be
 * marked on the line the coach has to change.
 *
 * A small recursive-descent scan of the text records where each value starts (for an object
 * member, where its key starts). It is only ever asked about text that JSON.parse accepted,
 * but it never throws: on anything unexpected it returns what it found so far.
 */
export type JsonPath = readonly (string | number)[];

export function locateValues(text: string): Map<string, number> {
  const found = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return text.slice(start + 1, i - 1);
    }
  };
  const value = (path: (string | number)[], at: number): void => {
    ws();
    found.set(key(path), at < 0 ? i : at);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      while (i < text.length && text[i] !== '}') {
        ws();
        const keyAt = i;
        if (text[i] !== '"') return;
        const name = str();
        ws();
        if (text[i] !== ':') return;
        i++;
        value([...path, name], keyAt);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      ws();
      let index = 0;
      while (i < text.length && text[i] !== ']') {
        value([...path, index++], -1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== ']') return;
        ws();
      }
      i++;
    } else if (c === '"') str();
    else while (i < text.length && /[^\s,\]}]/.test(text[i])) i++;
  };
  value([], -1);
  return found;
}

function key(path: JsonPath): string {
  return JSON.stringify(path);
}

/**
 * The 1-based line of the value at `path`, or of its deepest ancestor present in the text
 * (a missing field is marked where it should be added).
 */
export function lineOfPath(text: string, path: JsonPath, located = locateValues(text)): number {
  for (let n = path.length; n >= 0; n--) {
    const offset = located.get(key(path.slice(0, n)));
    if (offset !== undefined) return lineAt(text, offset);
  }
  return 1;
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Character offsets where line `line` (1-based) starts and ends, for selecting it in a textarea. */
export function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return [text.length, text.length];
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

/** Line and column from a JSON syntax message ("… at line 3, column 5 …"), if it names one. */
export function lineOfSyntaxError(message: string): number | null {
  const m = /line (\d+)/.exec(message);
  return m ? Number(m[1]) : null;
}
