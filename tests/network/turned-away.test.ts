/**
 * Work turned away at a full first node (`whenFull: "reject"`) costs no delay and delivers no
 * value, so a result with economics counts it apart: how many items of each class, their share
 * of the arrivals, and what they were worth on average, with no draw.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';
import { validated } from './traced-run.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

/**
 * Two classes into one small team whose WIP limit turns work away: features worth 500 to
 * 1,500 (mean 1,000) and fixes worth nothing said; `whenFull` for each as given.
 */
function team(whenFull: { feature?: string; fix?: string }, wipLimit = 3) {
  return {
    name: 'a team that turns work away',
    timeUnit: 'day',
    run: { duration: 400, warmup: 40, seed: 11, replications: 4 },
    demand: [
      {
        id: 'feature',
        interarrival: exponential(1.5),
        steps: ['build'],
        costOfDelay: { profile: 'standard', rate: 100 },
        value: { dist: 'uniform', min: 500, max: 1_500 },
        ...(whenFull.feature ? { whenFull: whenFull.feature } : {}),
      },
      {
        id: 'fix',
        interarrival: exponential(3),
        steps: ['build'],
        costOfDelay: { profile: 'standard', rate: 20 },
        ...(whenFull.fix ? { whenFull: whenFull.fix } : {}),
      },
    ],
    nodes: [{ id: 'team', capacity: 1, wipLimit, serves: { build: exponential(0.9) } }],
  };
}

describe('work turned away, counted by class', () => {
  it('counts each class’s items turned away after warm-up, as the trace shows them', () => {
    const scenario = validated(team({ feature: 'reject', fix: 'reject' }));
    const classOf = new Map<number, { c: number; at: number }>();
    const seen = [0, 0];
    const replication = new Replication(scenario, compileTopology(scenario), 1, {
      trace: (event, time, item, _node, _other, c) => {
        if (event === 'arrive') classOf.set(item, { c, at: time });
        const arrival = classOf.get(item);
        if (event === 'reject' && arrival && arrival.at >= scenario.run.warmup) seen[arrival.c]++;
      },
    });
    replication.advance();
    const outcome = replication.outcome();
    expect(seen[0]).toBeGreaterThan(10);
    expect(seen[1]).toBeGreaterThan(5);
    expect([...outcome.economics!.turnedAway]).toEqual(seen);
    expect(seen[0] + seen[1]).toBe(outcome.rejected);
  });

  it('counts only the classes that are turned away: a class that waits is never among them', () => {
    const r = simulate(team({ feature: 'reject' }));
    const t = r.economics!.turnedAway!;
    expect(Object.keys(t.classes)).toEqual(['feature']);
    expect(t.classes.feature.items * r.replications).toBe(r.rejected);
  });
});

describe('the work turned away in a result with economics', () => {
  const r = simulate(team({ feature: 'reject', fix: 'reject' }));
  const t = r.economics!.turnedAway!;

  it('says the items per replication and their share of the arrivals, as the run counted them', () => {
    expect(r.rejected).toBeGreaterThan(0);
    expect(t.items * r.replications).toBe(r.rejected);
    expect(t.share).toBe(r.rejectionRate);
    expect(t.classes.feature.items + t.classes.fix.items).toBeCloseTo(t.items, 12);
  });

  it('values it at the class’s mean value per item (an estimate, no draw), and a class without a value at nothing', () => {
    // Uniform 500 to 1,500: mean 1,000 per feature; fixes have no value.
    expect(t.classes.feature.value).toBeCloseTo(1_000 * t.classes.feature.items, 9);
    expect(t.classes.fix).toEqual({ items: t.classes.fix.items });
    expect(t.value).toBeCloseTo(1_000 * t.classes.feature.items, 9);
  });

  it('has no value where no class turned away has one', () => {
    const fixes = simulate(team({ fix: 'reject' }, 1)).economics!.turnedAway!;
    expect(Object.keys(fixes.classes)).toEqual(['fix']);
    expect('value' in fixes).toBe(false);
  });

  it('is absent when nothing was turned away, so such a result is unchanged', () => {
    const waiting = simulate(team({}));
    expect(waiting.rejected).toBe(0);
    expect('turnedAway' in waiting.economics!).toBe(false);
    const roomy = simulate(team({ feature: 'reject', fix: 'reject' }, 1_000));
    expect(roomy.rejected).toBe(0);
    expect('turnedAway' in roomy.economics!).toBe(false);
  });

  it('is absent without economics, where the result counts the rejections alone', () => {
    const plain = team({ feature: 'reject' });
    for (const d of plain.demand as Record<string, unknown>[]) {
      delete d.costOfDelay;
      delete d.value;
    }
    const result = simulate(plain);
    expect(result.rejected).toBeGreaterThan(0);
    expect(result.economics).toBeUndefined();
  });
});
