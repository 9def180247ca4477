/**
 * JSON for people: objects and lists that fit on one line stay on one line, the rest are
 * indented. A scenario then reads like the preset files (one node's distribution per line)
 * instead of JSON.stringify's column of braces.
 */
export function prettyJson(value: unknown, width = 88): string {
  return write(value, '', width);
}

/** `lead` is what precedes the value on its first line (its key), which counts towards the width. */
function write(value: unknown, indent: string, width: number, lead = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const flat = spaced(value);
  if (indent.length + lead + flat.length <= width) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) return filled(value, inner, indent, width);
    return `[\n${value.map((v) => inner + write(v, inner, width)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([k, v]) => {
    const key = `${JSON.stringify(k)}: `;
    return inner + key + write(v, inner, width, key.length);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** One-line JSON with a space after colons and commas, as people write it. */
function spaced(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(spaced).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${spaced(v)}`).join(', ')} }`;
}

/** A long list of plain values (steps, measured times), as many per line as fit. */
function filled(values: readonly unknown[], inner: string, indent: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const v of values) {
    const item = JSON.stringify(v) ?? 'null';
    if (line && inner.length + line.length + item.length + 2 > width) {
      lines.push(line);
      line = '';
    }
    line += line ? ` ${item},` : `${item},`;
  }
  lines.push(line.slice(0, -1));
  return `[\n${lines.map((l) => inner + l).join('\n')}\n${indent}]`;
}
