/**
 * Where each validation problem is shown: beside the form field it is about when there is
 * one, and always at its line in the JSON editor, so no problem is ever only in one place
 * that the coach is not looking at.
 */
import type { ScenarioProblem } from '../../src/index.ts';
import { type JsonPath, lineOfPath, lineOfSyntaxError, locateValues } from './json-locate.ts';

/** A form field's address in the document, e.g. ['nodes', 2, 'capacity']. */
export function fieldKey(path: JsonPath): string {
  return path.join('.');
}

/**
 * Problems by the field that should show them: the field whose path is the longest prefix
 * of the problem's path (a problem at `nodes.2.serves.build.mean` belongs to the service-time
 * field `nodes.2.serves.build`). Problems no field claims are left out.
 */
export function problemsByField(
  problems: readonly ScenarioProblem[],
  fields: readonly JsonPath[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    let best: JsonPath | undefined;
    for (const f of fields)
      if (f.length <= p.at.length && f.every((k, i) => String(k) === String(p.at[i])))
        if (!best || f.length > best.length) best = f;
    if (!best) continue;
    const k = fieldKey(best);
    out.set(k, [...(out.get(k) ?? []), p.message]);
  }
  return out;
}

export interface LineProblem {
  line: number;
  path: string;
  message: string;
}

/** Every problem with the editor line it points at. */
export function problemsByLine(text: string, problems: readonly ScenarioProblem[]): LineProblem[] {
  let located: Map<string, number> | undefined;
  return problems.map((p) => {
    if (p.at.length === 0) {
      const line = lineOfSyntaxError(p.message) ?? 1;
      return { line, path: p.path, message: p.message };
    }
    located ??= locateValues(text);
    return { line: lineOfPath(text, p.at, located), path: p.path, message: p.message };
  });
}
