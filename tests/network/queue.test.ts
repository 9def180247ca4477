import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ItemQueue } from '../../src/network/queue.ts';

describe('a node queue', () => {
  it('is first in, first out under any mix of pushes and shifts, growing as needed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.constant(-1)), { maxLength: 500 }),
        (ops) => {
          const queue = new ItemQueue(2);
          const model: number[] = [];
          for (const op of ops) {
            if (op >= 0) {
              queue.push(op);
              model.push(op);
            } else if (model.length > 0) {
              expect(queue.shift()).toBe(model.shift());
            }
            expect(queue.length).toBe(model.length);
          }
        },
      ),
    );
  });

  it('gives any item by its place and removes it there, keeping the others in order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ push: fc.integer({ min: 0, max: 1e6 }) }),
            fc.record({ removeAt: fc.nat(1000) }),
          ),
          { maxLength: 400 },
        ),
        (ops) => {
          const queue = new ItemQueue(2);
          const model: number[] = [];
          for (const op of ops) {
            if ('push' in op) {
              queue.push(op.push);
              model.push(op.push);
            } else if (model.length > 0) {
              const i = op.removeAt % model.length;
              expect(queue.at(i)).toBe(model[i]);
              queue.removeAt(i);
              model.splice(i, 1);
            }
            expect(Array.from({ length: queue.length }, (_, i) => queue.at(i))).toEqual(model);
          }
        },
      ),
    );
  });
});
