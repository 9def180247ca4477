import { describe, expect, it } from 'vitest';
import * as events from '../../src/network/events.ts';

describe('the kinds of event on the calendar', () => {
  it('each has its own number, a subject and a name in words, in one table', () => {
    const kinds: [string, number][] = [];
    for (const [name, value] of Object.entries(events))
      if (typeof value === 'number') kinds.push([name, value]);
    expect(kinds.length).toBeGreaterThan(10);
    expect(new Set(kinds.map(([, kind]) => kind)).size).toBe(kinds.length);
    for (const [name, kind] of kinds)
      expect(events.EVENT_KINDS[kind], name).toEqual({
        subject: expect.any(String),
        words: expect.any(String),
      });
    expect(Object.keys(events.EVENT_KINDS).map(Number).sort()).toEqual(kinds.map(([, kind]) => kind).sort());
  });
});
