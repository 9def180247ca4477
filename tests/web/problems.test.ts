import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/index.ts';
import { lineOfPath, lineRange, locateValues } from '../../web/viewmodel/json-locate.ts';
import { prettyJson } from '../../web/viewmodel/pretty-json.ts';
import { problemsByField, problemsByLine } from '../../web/viewmodel/problems.ts';
import { presetDocument } from './presets-fixture.ts';

describe('showing problems where they are', () => {
  const text =
    '{\n  "name": "x",\n  "nodes": [\n    { "id": "a", "capacity": 0 },\n    { "id": "b" }\n  ]\n}';

  it('finds the line of a JSON path, or of its nearest ancestor', () => {
    expect(lineOfPath(text, ['name'])).toBe(2);
    expect(lineOfPath(text, ['nodes', 0, 'capacity'])).toBe(4);
    expect(lineOfPath(text, ['nodes', 1, 'capacity'])).toBe(5);
    expect(lineOfPath(text, [])).toBe(1);
    expect(locateValues('{"a": [1, {"b": "}"}]}').get('["a",1,"b"]')).toBe(11);
  });

  it('finds every value of any pretty-printed document, at its key or its first character', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 })), (doc) => {
        const text = prettyJson(doc);
        const located = locateValues(text);
        const walk = (value: unknown, path: (string | number)[]) => {
          const at = located.get(JSON.stringify(path));
          expect(at, JSON.stringify(path)).toBeDefined();
          const last = path[path.length - 1];
          if (typeof last === 'string') expect(text.startsWith(JSON.stringify(last), at)).toBe(true);
          if (value && typeof value === 'object')
            for (const [k, v] of Object.entries(value))
              walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
        };
        walk(JSON.parse(text), []);
      }),
    );
  });

  it('gives the character range of a line', () => {
    expect(text.slice(...lineRange(text, 2))).toBe('  "name": "x",');
  });

  it('puts a zod problem beside the form field and on the editor line', () => {
    const doc = presetDocument('token-ring');
    (doc.nodes as { capacity: number }[])[2].capacity = 0;
    const json = prettyJson(doc);
    const outcome = parseScenarioText(json);
    if (outcome.ok) throw new Error('should be invalid');
    const byField = problemsByField(outcome.problems, [
      ['nodes', 2, 'capacity'],
      ['nodes', 2, 'serves', 'design'],
    ]);
    expect(byField.get('nodes.2.capacity')).toEqual(['capacity must be a whole number of at least 1']);
    const [line] = problemsByLine(json, outcome.problems);
    expect(json.split('\n')[line.line - 1]).toContain('"capacity": 0');
    expect(line.path).toBe('nodes[2] (designers).capacity');
  });

  it('places a JSON syntax error on the line the parser names', () => {
    const outcome = parseScenarioText('{\n  "name": "x",\n  oops\n}');
    if (outcome.ok) throw new Error('should be invalid');
    expect(problemsByLine('', outcome.problems)[0].line).toBe(3);
  });

  it('gives a problem to the most specific field that covers it', () => {
    const byField = problemsByField(
      [
        {
          path: '',
          at: ['nodes', 0, 'serves', 'build', 'mean'],
          message: 'mean must be a number greater than 0',
        },
      ],
      [
        ['nodes', 0],
        ['nodes', 0, 'serves', 'build'],
      ],
    );
    expect([...byField.keys()]).toEqual(['nodes.0.serves.build']);
  });
});
