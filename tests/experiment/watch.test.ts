/**
 * Watching a run: the first replication's trace in bounded batches, numbered by arrival, and
 * a result that is the same bytes as the run unwatched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRACE_FIELDS, type TraceBatch, watchRun } from '../../src/experiment/watch.ts';
import { simulate } from '../../src/index.ts';
import { TRACE_EVENTS, type TraceEvent } from '../../src/network/events.ts';

const scenarios = join(import.meta.dirname, '../../scenarios');
const preset = (id: string) => JSON.parse(readFileSync(join(scenarios, `${id}.json`), 'utf8'));

interface Event {
  event: TraceEvent;
  time: number;
  item: number;
  node: number;
  capability: number;
  detail: number;
}

function decode(batch: TraceBatch): Event[] {
  const out: Event[] = [];
  for (let i = 0; i < batch.count; i++) {
    const at = i * TRACE_FIELDS;
    const e = batch.events;
    out.push({
      event: TRACE_EVENTS[e[at]],
      time: e[at + 1],
      item: e[at + 2],
      node: e[at + 3],
      capability: e[at + 4],
      detail: e[at + 5],
    });
  }
  return out;
}

/** Every event of the watched replication, pulled `size` at a time, and the batches' sizes. */
function watchAll(input: unknown, size = 500) {
  const run = watchRun(input);
  const events: Event[] = [];
  const sizes: number[] = [];
  for (;;) {
    const batch = run.next(size);
    expect(batch.events.length).toBe(batch.count * TRACE_FIELDS);
    sizes.push(batch.count);
    events.push(...decode(batch));
    if (batch.done) break;
  }
  return { run, events, sizes };
}

describe('a watched run', () => {
  it.each(readdirSync(scenarios).filter((f) => f.endsWith('.json')))(
    '%s: watched to the end, its result is the same bytes as the run unwatched',
    (file) => {
      const doc = preset(file.replace(/\.json$/, ''));
      const { run, events } = watchAll(doc, 2000);
      expect(events.length).toBeGreaterThan(1000);
      expect(JSON.stringify(run.result())).toBe(JSON.stringify(simulate(doc)));
    },
  );

  it('comes in batches of about the size asked for, and traces nothing ahead of them', () => {
    const { sizes } = watchAll(preset('token-ring'), 256);
    expect(sizes.length).toBeGreaterThan(20);
    // Every batch but the last holds what was asked, plus at most the few engine events that crossed the limit.
    for (const n of sizes.slice(0, -1)) {
      expect(n).toBeGreaterThanOrEqual(256);
      expect(n).toBeLessThan(256 + 100);
    }
  });

  it('numbers items in the order they arrive, and its events are in time order', () => {
    const { events } = watchAll(preset('wip-limits-pull'));
    const arrivals = events.filter((e) => e.event === 'arrive').map((e) => e.item);
    expect(arrivals).toEqual(arrivals.map((_, i) => i));
    for (let i = 1; i < events.length; i++) expect(events[i].time).toBeGreaterThanOrEqual(events[i - 1].time);
    // Each item that completes arrived first, and completes once.
    const done = events.filter((e) => e.event === 'complete').map((e) => e.item);
    expect(new Set(done).size).toBe(done.length);
    for (const item of done) expect(item).toBeLessThan(arrivals.length);
  });

  it('gives the same item the same arrival time in two variants run with the same seed (common random numbers)', () => {
    const arrivalsOf = (id: string) =>
      watchAll(preset(id))
        .events.filter((e) => e.event === 'arrive')
        .map((e) => [e.item, e.time]);
    const ring = arrivalsOf('token-ring');
    const network = arrivalsOf('dynamic-network');
    expect(ring.length).toBeGreaterThan(1000);
    expect(network).toEqual(ring);
    // ... and finish far apart: the runs differ after arrival.
    const finish = (id: string) =>
      watchAll(preset(id))
        .events.filter((e) => e.event === 'complete')
        .map((e) => e.item);
    expect(finish('dynamic-network')).not.toEqual(finish('token-ring'));
  });

  it('numbers the parts of an item at a parallel step apart, each forking from and joining to its item', () => {
    const { events } = watchAll(preset('component-teams'));
    const forks = events.filter((e) => e.event === 'fork');
    const joins = events.filter((e) => e.event === 'join');
    expect(forks.length).toBeGreaterThan(1000);
    // Parts are -2, -3, ... in the order they are made; the detail is the item's arrival number.
    expect(forks.map((e) => e.item)).toEqual(forks.map((_, i) => -2 - i));
    const whole = new Map(forks.map((e) => [e.item, e.detail]));
    for (const j of joins) expect(j.detail).toBe(whole.get(j.item));
    // Three parts per item, and an item completes after its last part joins.
    expect(forks.filter((e) => e.detail === 0)).toHaveLength(3);
    const lastJoin = joins.filter((e) => e.detail === 0).at(-1)!;
    const done = events.find((e) => e.event === 'complete' && e.item === 0)!;
    expect(done.time).toBe(lastJoin.time);
  });

  it('says where it starts: names, servers, WIP limits, gates and the warm-up as run', () => {
    const run = watchRun(preset('wip-limits-pull'));
    const doc = preset('wip-limits-pull');
    expect(run.start.nodeIds).toEqual(doc.nodes.map((n: { id: string }) => n.id));
    expect(run.start.capacity).toEqual(doc.nodes.map((n: { capacity: number }) => n.capacity));
    expect(run.start.wipLimit).toEqual(doc.nodes.map((n: { wipLimit?: number }) => n.wipLimit ?? 0));
    expect(run.start.warmup).toBe(doc.run.warmup);
    expect(run.start.timeUnit).toBe(doc.timeUnit ?? 'day');
  });
});
