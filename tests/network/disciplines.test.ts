/**
 * Queue disciplines: a ranked queue always gives the waiting item of lowest rank, equals in
 * the order they came; a fifo queue ignores class priority; and each discipline ranks by
 * what it says it does (cost of delay over expected duration, due date, expected duration).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, simulate } from '../../src/index.ts';
import { parseScenario } from '../../src/model/parse.ts';
import {
  BY_PRIORITY,
  DISCIPLINE_SPECS,
  ONE_LINE,
  RANKED,
  type RankView,
} from '../../src/network/disciplines.ts';
import { compileEconomics } from '../../src/network/economics.ts';
import { Items } from '../../src/network/items.ts';
import { Queues } from '../../src/network/node-queue.ts';

/** A queue of the given mode over items whose rank is their number in `keys`. */
function queueOf(mode: number, keys: number[], levels = 1) {
  const items = new Items(4);
  const view = { items } as unknown as RankView;
  const queues = new Queues(1, levels, items, {
    mode: Uint8Array.of(mode),
    ranks: [(_v, item) => keys[item]],
    view,
  });
  return { items, queues };
}

describe('a ranked queue', () => {
  it('gives the waiting item of lowest rank, equals first come first served, under any pushes and shifts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(-1)), { maxLength: 300 }),
        (ops) => {
          const keys: number[] = [];
          const { items, queues } = queueOf(RANKED, keys);
          const waiting: { item: number; key: number }[] = [];
          for (const op of ops) {
            if (op >= 0) {
              const item = items.take(0, 0, 0, 0);
              keys[item] = op;
              queues.push(0, item, 0);
              waiting.push({ item, key: op });
            } else if (waiting.length > 0) {
              // The reference: the first of the lowest key, in the order they joined.
              const best = waiting.reduce((b, w, i) => (w.key < waiting[b].key ? i : b), 0);
              expect(queues.shift(0)).toBe(waiting[best].item);
              items.release(waiting[best].item);
              waiting.splice(best, 1);
            }
            expect(queues.length[0]).toBe(waiting.length);
          }
        },
      ),
    );
  });

  it('names the item that has waited longest, wherever its rank puts it (for batch timeouts)', () => {
    const keys = [5, 1, 3];
    const { items, queues } = queueOf(RANKED, keys);
    const enqueued = Float64Array.of(10, 20, 30);
    for (let i = 0; i < 3; i++) queues.push(0, items.take(0, 0, enqueued[i], 0), 0);
    expect(queues.oldest(0, enqueued)).toBe(0);
    expect(queues.shift(0)).toBe(1);
  });

  it('puts an item back first (work put aside resumes ahead), and work joining later after it', () => {
    const keys = [5, 1, 3];
    const { items, queues } = queueOf(RANKED, keys);
    const [a, b, c] = [0, 1, 2].map(() => items.take(0, 0, 0, 0));
    queues.push(0, a, 0);
    queues.pushFront(0, b, 0);
    queues.push(0, c, 0);
    expect([queues.shift(0), queues.shift(0), queues.shift(0)]).toEqual([b, c, a]);
  });
});

describe('a fifo queue', () => {
  it('serves in arrival order whatever the class priority, where a priority queue serves the urgent first', () => {
    const order = (mode: number) => {
      const { items, queues } = queueOf(mode, [], 2);
      // Levels: item 0 standard (1), item 1 urgent (0), item 2 standard (1).
      [1, 0, 1].forEach((level) => {
        queues.push(0, items.take(0, level, 0, 0), level);
      });
      return [queues.shift(0), queues.shift(0), queues.shift(0)];
    };
    expect(order(ONE_LINE)).toEqual([0, 1, 2]);
    expect(order(BY_PRIORITY)).toEqual([1, 0, 2]);
  });
});

describe('what each discipline ranks by', () => {
  const parsed = parseScenario({
    name: 'ranks',
    run: { duration: 10 },
    demand: [
      { id: 'cheap', interarrival: 1, steps: ['s'], costOfDelay: { profile: 'standard', rate: 2 } },
      {
        id: 'dated',
        interarrival: 1,
        steps: ['l'],
        costOfDelay: { profile: 'fixed-date', deadline: 5, penalty: 100, rate: 12 },
      },
    ],
    nodes: [{ id: 'n', capacity: 1, serves: { s: 1, l: 4 } }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const items = new Items(4);
  const cheap = items.take(0, 0, 3, 0);
  const dated = items.take(1, 0, 1, 1);
  const view = (now: number): RankView => ({
    now,
    items,
    economics: compileEconomics(parsed.scenario),
    serveStart: Int32Array.of(0, 2),
    servedCapability: Int32Array.of(0, 1),
    serviceMean: Float64Array.of(1, 4),
  });

  it('wsjf: the cost of delay per time unit as the item joins, over its expected duration here, highest first', () => {
    // Before its deadline a fixed-date item costs nothing per time unit; after it, 12 / 4 = 3 > 2 / 1.
    expect(DISCIPLINE_SPECS.wsjf.rank(view(4), cheap, 0)).toBe(-2);
    expect(DISCIPLINE_SPECS.wsjf.rank(view(4), dated, 0)).toBe(0);
    expect(DISCIPLINE_SPECS.wsjf.rank(view(7), dated, 0)).toBe(-3);
  });

  it('edd: the due date, arrival plus deadline; work without one after all that has one', () => {
    expect(DISCIPLINE_SPECS.edd.rank(view(4), dated)).toBe(6);
    expect(DISCIPLINE_SPECS.edd.rank(view(4), cheap)).toBe(Number.POSITIVE_INFINITY);
  });

  it('a part of a parallel step ranks as its whole item: its class’s cost and due date', () => {
    // A part's own class number is past the classes (forks.ts): the whole's is what counts.
    const part = items.take(2, 0, 1, 1);
    items.whole[part] = dated;
    expect(DISCIPLINE_SPECS.edd.rank(view(4), part)).toBe(6);
    expect(DISCIPLINE_SPECS.wsjf.rank(view(7), part, 0)).toBe(-3);
  });

  it('sjf: the node’s mean service time for the item’s step', () => {
    expect(DISCIPLINE_SPECS.sjf.rank(view(0), cheap, 0)).toBe(1);
    expect(DISCIPLINE_SPECS.sjf.rank(view(0), dated, 0)).toBe(4);
  });
});

describe('earliest due date in a run', () => {
  const dated = (discipline: string, deadlines: [number, number]) => ({
    name: `edd ${deadlines}`,
    run: { duration: 3_000, warmup: 100, seed: 4, replications: 8 },
    demand: deadlines.map((deadline, i) => ({
      id: `class${i}`,
      interarrival: { dist: 'exponential', mean: 2.4 },
      steps: ['work'],
      costOfDelay: { profile: 'fixed-date', deadline, penalty: 1 },
    })),
    nodes: [{ id: 'team', capacity: 1, serves: { work: { dist: 'exponential', mean: 1 } }, discipline }],
  });

  it('with one deadline for all, due dates fall in arrival order: the run is FIFO’s to the last byte', () => {
    const fifo = simulate(dated('fifo', [6, 6]));
    const edd = simulate(dated('edd', [6, 6]));
    expect(JSON.stringify({ ...edd, scenario: '' })).toBe(JSON.stringify({ ...fifo, scenario: '' }));
  });

  it('with a tight and a loose deadline, fewer items are late than under FIFO on the same arrivals', () => {
    // A penalty of 1 per late item makes the cost of delay the count of late items, whose
    // paired 95% interval (common random numbers) then lies wholly below FIFO's.
    const c = compare([
      { name: 'fifo', scenario: dated('fifo', [3, 15]) },
      { name: 'edd', scenario: dated('edd', [3, 15]) },
    ]);
    expect(c.variants[1].vsBaseline!.costOfDelay!.ci95![1]).toBeLessThan(0);
    expect(c.variants[1].result.economics!.dueDates!.shareLate).toBeLessThan(
      c.variants[0].result.economics!.dueDates!.shareLate,
    );
  });
});
