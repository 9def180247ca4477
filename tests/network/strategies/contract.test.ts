import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTING_STRATEGIES, type RoutingStrategy } from '../../../src/model/scenario.ts';
import type { LoadSplit, RoutingView } from '../../../src/network/routing.ts';
import { STRATEGIES } from '../../../src/network/strategies/index.ts';
import { loadShareRatio } from './load-share.ts';
import { everyNode, viewOf } from './routing-view.ts';

const SPLITS: readonly LoadSplit[] = ['first', 'even', 'by-rate', 'by-reliable-rate'];

describe('every routing strategy has one descriptor', () => {
  it('for each name the schema accepts, and no other, in the schema order', () => {
    expect(Object.keys(STRATEGIES)).toEqual([...ROUTING_STRATEGIES]);
  });

  it.each(ROUTING_STRATEGIES)(
    '%s declares how it routes, what it reads, its load split and its help',
    (name) => {
      const s = STRATEGIES[name];
      expect(typeof s.route).toBe('function');
      expect(typeof s.readsWork).toBe('boolean');
      expect(SPLITS).toContain(s.split);
      expect(s.help.length).toBeGreaterThan(10);
    },
  );
});

describe("the README's routing table", () => {
  // The rows of the table under "**Routing strategies**", code marks taken out of the text.
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('| `routing` | the next node for a step is |'));
  const rows = table
    .slice(0, table.indexOf('\n\n'))
    .split('\n')
    .slice(2)
    .map((line) => /^\| `([^`]+)` \| (.*) \|$/.exec(line))
    .map((m) => (m ? [m[1], m[2].replaceAll('`', '')] : ['(unreadable row)', '']));

  it('lists every strategy, in the schema order, with its own help text', () => {
    expect(rows).toEqual(ROUTING_STRATEGIES.map((name) => [name, STRATEGIES[name].help]));
  });
});

describe('a strategy reads the expected work at each node only if it says so', () => {
  // The run keeps queuedWork and busyWork only for a strategy that declares `readsWork`;
  // one that read them without declaring it would see every node idle. Each route is
  // asked about many states, idle and busy, through a view that records what it reads.
  function readsWork(name: RoutingStrategy): boolean {
    let read = false;
    for (let seed = 1; seed <= 200; seed++) {
      const states = [0, 1, 2].map((i) => ({
        capacity: 1 + ((seed + i) % 2),
        busy: (seed >> i) % 3,
        queued: (seed * (i + 1)) % 4,
        queuedWork: (seed * (i + 3)) % 5,
        busyWork: (seed + i) % 3,
        mean: 1 + i,
      }));
      const view = viewOf(states, seed);
      const watched = new Proxy(view, {
        get(target, key) {
          if (key === 'queuedWork' || key === 'busyWork') read = true;
          return target[key as keyof RoutingView];
        },
      });
      STRATEGIES[name].route(watched, everyNode(view), 0, 3, 0);
    }
    return read;
  }

  it.each(ROUTING_STRATEGIES)('%s', (name) => {
    expect(readsWork(name)).toBe(STRATEGIES[name].readsWork);
  });
});

describe("the offered-load estimate splits a shared step as the strategy's split says", () => {
  const expected: Record<LoadSplit, number> = {
    first: Number.POSITIVE_INFINITY, // all to quick, none to slow
    even: 1,
    'by-rate': 2, // service rates 1/1 and 1/2
    'by-reliable-rate': 2 * (1 - 0.2), // and quick's rate discounted by its failures
  };

  it.each(ROUTING_STRATEGIES)('%s', (name) => {
    expect(loadShareRatio(name)).toBeCloseTo(expected[STRATEGIES[name].split], 12);
  });
});
