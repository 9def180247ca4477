import { describe, expect, it } from 'vitest';
import { getAt, readInput, setAt, setOptional } from '../../web/viewmodel/document-edit.ts';

describe('editing one value of a document', () => {
  const doc = {
    run: { duration: 10 },
    nodes: [
      { id: 'a', capacity: 1 },
      { id: 'b', capacity: 2 },
    ],
  };

  it('changes only that value and leaves the original alone', () => {
    const next = setAt(doc, ['nodes', 1, 'capacity'], 3);
    expect(getAt(next, ['nodes', 1, 'capacity'])).toBe(3);
    expect(getAt(next, ['nodes', 0])).toBe(doc.nodes[0]);
    expect(doc.nodes[1].capacity).toBe(2);
  });

  it('creates missing objects on the way and removes a value set to undefined', () => {
    expect(getAt(setAt(doc, ['nodes', 0, 'batch', 'size'], 4), ['nodes', 0, 'batch'])).toEqual({ size: 4 });
    expect(getAt(setAt(doc, ['run', 'duration'], undefined), ['run'])).toEqual({});
  });

  it('clearing an optional setting removes the object it leaves empty', () => {
    const withBatch = setAt(doc, ['nodes', 0, 'batch', 'size'], 4);
    const cleared = setOptional(withBatch, ['nodes', 0, 'batch', 'size'], undefined, 2);
    expect(getAt(cleared, ['nodes', 0])).toEqual({ id: 'a', capacity: 1 });
    const keepsTimeout = setAt(withBatch, ['nodes', 0, 'batch', 'timeout'], 2);
    expect(
      getAt(setOptional(keepsTimeout, ['nodes', 0, 'batch', 'size'], undefined, 2), ['nodes', 0, 'batch']),
    ).toEqual({ timeout: 2 });
  });

  it('reads form input as a number, nothing, or the text for validation to judge', () => {
    expect(readInput(' 2.5 ')).toBe(2.5);
    expect(readInput('')).toBeUndefined();
    expect(readInput('two')).toBe('two');
  });
});
