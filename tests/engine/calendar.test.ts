import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.ts';

describe('the event calendar', () => {
  it('hands events back earliest first, ties in the order they were scheduled', () => {
    const calendar = new Calendar(2);
    calendar.schedule(5, 1, 50);
    calendar.schedule(1, 2, 10);
    calendar.schedule(5, 3, 51);
    calendar.schedule(3, 4, 30);
    const popped: [number, number, number][] = [];
    while (calendar.pop()) popped.push([calendar.time, calendar.kind, calendar.subject]);
    expect(popped).toEqual([
      [1, 2, 10],
      [3, 4, 30],
      [5, 1, 50],
      [5, 3, 51],
    ]);
  });

  it('reports Infinity as the next time when nothing is pending', () => {
    const calendar = new Calendar();
    expect(calendar.peekTime()).toBe(Number.POSITIVE_INFINITY);
    expect(calendar.pop()).toBe(false);
  });

  it('behaves like a stable sort under any mix of schedules and pops (and grows as needed)', () => {
    const op = fc.oneof(fc.record({ at: fc.integer({ min: 0, max: 20 }) }), fc.constant('pop' as const));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const calendar = new Calendar(1);
        const model: { time: number; seq: number }[] = [];
        let seq = 0;
        let now = 0;
        for (const o of ops) {
          if (o === 'pop') {
            const had = calendar.pop();
            expect(had).toBe(model.length > 0);
            if (!had) continue;
            model.sort((a, b) => a.time - b.time || a.seq - b.seq);
            const expected = model.shift()!;
            expect(calendar.time).toBe(expected.time);
            expect(calendar.subject).toBe(expected.seq);
            now = calendar.time;
          } else {
            // A simulation only schedules in the future: the clock never goes back.
            const time = now + o.at;
            calendar.schedule(time, 0, seq);
            model.push({ time, seq });
            seq++;
          }
          expect(calendar.size).toBe(model.length);
        }
      }),
    );
  });

  it('hands events back in the same order whether each is popped or taken and replaced by the next scheduled', () => {
    // Each step handles the earliest event and schedules `k` more, ties on time included.
    const step = fc.record({
      k: fc.integer({ min: 0, max: 3 }),
      at: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 200 }), (steps) => {
        const order = (take: boolean) => {
          const calendar = new Calendar(1);
          let seq = 0;
          for (let i = 0; i < 4; i++) calendar.schedule(i % 2, 0, seq++);
          const seen: [number, number][] = [];
          for (const { k, at } of steps) {
            if (calendar.peekTime() === Number.POSITIVE_INFINITY) break;
            if (take) calendar.take();
            else calendar.pop();
            seen.push([calendar.time, calendar.subject]);
            for (let j = 0; j < k; j++) calendar.schedule(calendar.time + at[j], j, seq++);
            if (take) calendar.settle();
          }
          while (calendar.pop()) seen.push([calendar.time, calendar.subject]);
          return seen;
        };
        const taken = order(true);
        expect(taken).toEqual(order(false));
      }),
    );
  });
});
