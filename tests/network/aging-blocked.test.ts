/**
 * The aging-WIP snapshot says which items are blocked when arrivals stop, and for how long so
 * far. Deterministic: a change arrives each day and is blocked as soon as work on it starts,
 * for 10 days, then worked on for half a day. On day 30.25 the items that arrived in the last
 * 10 days are blocked, each for as long as its age; the one that arrived 10.25 days ago was
 * unblocked a quarter of a day ago and is being worked on.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';

const blocked = (policy: 'hold' | 'aside', blocker = true) =>
  simulate({
    name: 'blocked for ten days',
    run: { duration: 30.25, warmup: 0, replications: 1 },
    demand: [{ id: 'change', interarrival: 1, steps: ['build'] }],
    nodes: [
      {
        id: 'team',
        // Held items each keep a person for 10.5 days; put aside, one server takes the new
        // item while the other works on the one just unblocked.
        capacity: policy === 'hold' ? 20 : 2,
        serves: { build: 0.5 },
        ...(blocker ? { blocker: { probability: 1, time: 10, policy } } : {}),
      },
    ],
  });

describe('blocked items in the aging-WIP snapshot', () => {
  it.each(['aside', 'hold'] as const)(
    'with policy %s, says each item blocked and for how long so far',
    (policy) => {
      const { agingWip } = blocked(policy);
      const items = agingWip.age.map((age, i) => ({ age, blocked: agingWip.blocked?.[i] }));
      // Oldest first: 10.25 days old and in service, then ten items blocked since they arrived.
      items.sort((a, b) => b.age - a.age);
      expect(items.map((i) => i.age)).toEqual([
        10.25, 9.25, 8.25, 7.25, 6.25, 5.25, 4.25, 3.25, 2.25, 1.25, 0.25,
      ]);
      expect(items.map((i) => i.blocked)).toEqual([
        null,
        9.25,
        8.25,
        7.25,
        6.25,
        5.25,
        4.25,
        3.25,
        2.25,
        1.25,
        0.25,
      ]);
      expect(agingWip.step).toEqual(Array(11).fill('build'));
    },
  );

  it('says nothing of blocking where no node has a blocker', () => {
    const { agingWip } = blocked('hold', false);
    expect('blocked' in agingWip).toBe(false);
  });
});
