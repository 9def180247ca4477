import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prettyJson } from '../../web/viewmodel/pretty-json.ts';
import { presetDocument } from './presets-fixture.ts';

describe('JSON for people', () => {
  it('always parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(prettyJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });

  it('keeps small objects on one line when they fit', () => {
    const text = prettyJson(presetDocument('token-ring'));
    expect(text).toContain('      "serves": { "build": { "dist": "gamma", "mean": 4.4, "cv": 0.7 } }\n');
    expect(text).toContain('"run": { "duration": 2000, "warmup": 200, "seed": 1, "replications": 10 }');
    // Only long text (the description) may run past the editor's width.
    expect(text.split('\n').filter((line) => line.length > 88)).toHaveLength(1);
  });
});
