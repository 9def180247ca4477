/**
 * The animation's view-model on small hand-made traces: where each token goes, what each
 * node shows, the running counters, playing against a clock that never outruns the trace,
 * and two variants stepped in lockstep.
 */
import { describe, expect, it } from 'vitest';
import { TRACE_EVENTS, TRACE_FIELDS, type TraceBatch, type TraceEvent } from '../../src/runner.ts';
import {
  applyEvent,
  type FlowStart,
  isFull,
  meanLeadSoFar,
  newFlowState,
  serversWorking,
} from '../../web/viewmodel/animation/flow-state.ts';
import { advanceAll, Playback, stepAll } from '../../web/viewmodel/animation/playback.ts';
import { placeTokens, stageOf } from '../../web/viewmodel/animation/stage.ts';
import { clockText, FarApart, farApartText, followText } from '../../web/viewmodel/animation/words.ts';
import type { NetworkLayout } from '../../web/viewmodel/chart-data/network-layout.ts';

type Row = [TraceEvent, number, number, number, number?];

/** A batch from rows of [event, time, item, node, detail]. */
function batch(rows: Row[], done = false): TraceBatch {
  const events = new Float64Array(rows.length * TRACE_FIELDS);
  rows.forEach(([event, time, item, node, detail = 0], i) => {
    events.set([TRACE_EVENTS.indexOf(event), time, item, node, -1, detail], i * TRACE_FIELDS);
  });
  return { events, count: rows.length, done };
}

const twoNodes = { capacity: [1, 2], wipLimit: [0, 2], gate: [false, false] };

function play(rows: Row[], start: FlowStart = twoNodes) {
  const s = newFlowState(start);
  for (const [event, time, item, node, detail = 0] of rows) applyEvent(s, event, time, item, node, detail);
  return s;
}

describe('the flow at a moment of the trace', () => {
  const rows: Row[] = [
    ['arrive', 1, 0, -1, 0],
    ['admit', 1, 0, 0],
    ['start', 1, 0, 0, 1],
    ['arrive', 1.5, 1, -1, 0],
    ['admit', 1.5, 1, 0],
    ['arrive', 1.7, 2, -1, 0],
    ['admit', 1.7, 2, 0],
  ];

  it('queues stack in arrival order in front of a busy node, and its one server is busy', () => {
    const s = play(rows);
    expect(s.nodes[0].service).toEqual([0]);
    expect(s.nodes[0].queue).toEqual([1, 2]);
    expect(serversWorking(s.nodes[0])).toBe(1);
    expect(s.counters).toEqual({ wip: 3, done: 0, rejected: 0, leadTotal: 0 });
  });

  it('an item moves on when it finishes, the next in line starts, and its wait is kept', () => {
    const s = play([
      ...rows,
      ['finish', 2, 0, 0],
      ['admit', 2, 0, 1],
      ['start', 2, 0, 1, 1],
      ['leave', 2, 0, 0],
      ['start', 2, 1, 0, 1],
      ['finish', 3, 0, 1],
      ['complete', 3, 0, 1],
      ['leave', 3, 0, 1],
    ]);
    expect(s.nodes[0].service).toEqual([1]);
    expect(s.nodes[0].queue).toEqual([2]);
    expect(s.nodes[1].service).toEqual([]);
    expect(s.items.get(1)?.waits).toEqual([{ node: 0, from: 1.5, to: 2, kind: 'queue' }]);
    expect(s.counters).toEqual({ wip: 2, done: 1, rejected: 0, leadTotal: 2 });
    expect(meanLeadSoFar(s)).toBe(2);
    expect(s.nodes.map((n) => n.wip)).toEqual([2, 0]);
  });

  it('a node at its WIP limit is full, and work finished upstream is blocked beside its exit', () => {
    const s = play([
      ['arrive', 0, 0, -1, 0],
      ['admit', 0, 0, 1],
      ['arrive', 0, 1, -1, 0],
      ['admit', 0, 1, 1],
      ['arrive', 0, 2, -1, 0],
      ['admit', 0, 2, 0],
      ['start', 0, 2, 0, 1],
      ['finish', 1, 2, 0],
      ['block', 1, 2, 0, 1],
    ]);
    expect(isFull(s.nodes[1])).toBe(true);
    expect(s.nodes[0].held).toEqual([2]);
    expect(s.items.get(2)).toMatchObject({ phase: 'blocked', target: 1, node: 0 });
    // Room appears: the blocked item is admitted, and its blocked stretch is kept.
    applyEvent(s, 'leave', 2, 0, 1, 0);
    applyEvent(s, 'admit', 2, 2, 1, 0);
    expect(s.items.get(2)?.waits).toEqual([{ node: 0, from: 1, to: 2, kind: 'room' }]);
    expect(s.nodes[0].held).toEqual([]);
    expect(s.nodes[1].queue).toEqual([0, 1, 2]);
  });

  it('work a blocker puts aside leaves the WIP count while blocked where it does not count against the limit', () => {
    const rows: Row[] = [
      ['arrive', 0, 0, -1, 0],
      ['admit', 0, 0, 1],
      ['start', 0, 0, 1, 1],
      ['blocked', 0, 0, 1, 3],
      ['arrive', 0.5, 1, -1, 0],
      ['admit', 0.5, 1, 1],
    ];
    const counted = play(rows);
    const freed = play(rows, { ...twoNodes, blockerFreesWip: [false, true] });
    // Counted, the blocked item holds its place: the node is full at its limit of 2.
    expect(counted.nodes[1].wip).toBe(2);
    expect(isFull(counted.nodes[1])).toBe(true);
    expect(freed.nodes[1].wip).toBe(1);
    expect(isFull(freed.nodes[1])).toBe(false);
    // Cleared, it counts again.
    applyEvent(freed, 'unblocked', 3, 0, 1, 0);
    expect(freed.nodes[1].wip).toBe(2);
    expect(isFull(freed.nodes[1])).toBe(true);
  });

  it('a batch takes one server, a gate opens and closes, an outage marks its node down', () => {
    const start = { capacity: [1], wipLimit: [0], gate: [true] };
    const s = play(
      [
        ['arrive', 0, 0, -1, 0],
        ['admit', 0, 0, 0],
        ['arrive', 1, 1, -1, 0],
        ['admit', 1, 1, 0],
        ['open', 5, -1, 0],
        ['start', 5, 0, 0, 2],
        ['start', 5, 1, 0, 2],
        ['down', 6, -1, 0],
      ],
      start,
    );
    expect(s.nodes[0]).toMatchObject({ open: true, up: false, batchAt: 5, batchSize: 2, service: [0, 1] });
    expect(serversWorking(s.nodes[0])).toBe(1);
    applyEvent(s, 'close', 7, -1, 0, 0);
    applyEvent(s, 'up', 8, -1, 0, 0);
    expect(s.nodes[0]).toMatchObject({ open: false, up: true });
  });

  it('failed work is marked, and a handoff lands in its node’s queue when its time comes', () => {
    const s = play([
      ['arrive', 0, 0, -1, 0],
      ['admit', 0, 0, 0],
      ['start', 0, 0, 0, 1],
      ['finish', 1, 0, 0, 1],
      ['admit', 1, 0, 1],
      ['handoff', 1, 0, 1, 1.5],
      ['leave', 1, 0, 0],
    ]);
    expect(s.items.get(0)).toMatchObject({ phase: 'transit', failures: 1, failedAt: 1, from: 0 });
    expect(s.transit).toEqual([0]);
    applyEvent(s, 'arrive', 2, 1, -1, 0);
    expect(s.transit).toEqual([]);
    expect(s.nodes[1].queue).toEqual([0]);
    expect(s.items.get(0)?.since).toBe(1.5);
  });
});

describe('a parallel step', () => {
  it('an item splits into parts that move as items do, and carries on when the last joins', () => {
    const three = { capacity: [1, 1, 1], wipLimit: [0, 0, 0], gate: [false, false, false] };
    const s = play(
      [
        ['arrive', 0, 0, -1, 0],
        ['fork', 0, -2, -1, 0],
        ['admit', 0, -2, 0],
        ['start', 0, -2, 0, 1],
        ['fork', 0, -3, -1, 0],
        ['admit', 0, -3, 1],
        ['start', 0, -3, 1, 1],
        ['finish', 1, -2, 0],
        ['join', 1, -2, 0, 0],
        ['leave', 1, -2, 0],
      ],
      three,
    );
    // Item 0 is drawn as its parts: one done and gone, one still in service.
    expect(s.items.get(0)?.phase).toBe('forked');
    expect(s.items.get(-3)).toMatchObject({ whole: 0, phase: 'service', node: 1 });
    expect(s.items.has(-2)).toBe(false);
    expect(s.nodes[1].service).toEqual([-3]);
    expect(serversWorking(s.nodes[0])).toBe(0);
    expect(serversWorking(s.nodes[1])).toBe(1);
    expect(s.counters.wip).toBe(1);
    // The last part joins at node 1, and the item carries on from there: to node 2.
    for (const [event, time, item, node, detail = 0] of [
      ['finish', 3, -3, 1],
      ['join', 3, -3, 1, 0],
      ['admit', 3, 0, 2],
      ['leave', 3, 0, 1],
    ] as Row[])
      applyEvent(s, event, time, item, node, detail);
    expect(s.items.get(0)).toMatchObject({ phase: 'queued', node: 2 });
    expect(s.nodes[2].queue).toEqual([0]);
    expect(s.nodes.map((n) => n.wip)).toEqual([0, 0, 1]);
  });
});

describe('where the tokens go', () => {
  const layout: NetworkLayout = {
    nodes: [
      { id: 'a', x: 0.25, y: 0.5 },
      { id: 'b', x: 0.75, y: 0.5 },
    ].map((n, i) => ({
      ...n,
      kind: 'team',
      column: i + 1,
      capacity: 1,
      utilization: 0,
      offeredLoad: 0,
      queue: 0,
      served: 0,
      bottleneck: false,
      serves: [],
    })),
    ends: { arrival: { x: 0, y: 0.5 }, done: { x: 1, y: 0.5 } },
    edges: [],
    maxItems: 1,
    columns: 2.6,
    height: 1,
  };

  it('queued tokens stack in front of their node, first in line nearest; in service inside; in transit along the route', () => {
    const stage = stageOf(layout, 800, 2, 8);
    expect(stage.pitch).toBe(10);
    const box = stage.boxes[0];
    const s = play([
      ['arrive', 0, 0, -1, 0],
      ['admit', 0, 0, 0],
      ['start', 0, 0, 0, 1],
      ['arrive', 0, 1, -1, 0],
      ['admit', 0, 1, 0],
      ['arrive', 0, 2, -1, 0],
      ['admit', 0, 2, 0],
      ['arrive', 0, 3, -1, 0],
      ['admit', 0, 3, 1],
      ['handoff', 0, 3, 1, 2],
    ]);
    s.items.get(3)!.from = 0;
    s.time = 1;
    const at = new Map(placeTokens(s, stage).map((p) => [p.id, [p.x, p.y]]));
    const left = box.x - box.hw;
    const top = box.y - box.hh;
    expect(at.get(1)).toEqual([left - 7.5, top + 5]);
    expect(at.get(2)).toEqual([left - 7.5, top + 15]);
    expect(at.get(0)).toEqual([left + 7.5, box.y + 2.5]);
    // Half way through a handoff from a to b: half way from a's exit to b's entrance.
    const b = stage.boxes[1];
    expect(at.get(3)).toEqual([(box.x + box.hw + b.x - b.hw) / 2, box.y]);
  });

  it('a queue longer than its stack shows only what fits: the work per frame follows the tokens in view', () => {
    const stage = stageOf(layout, 800, 2, 8);
    const rows: Row[] = [];
    for (let i = 0; i < 500; i++) rows.push(['arrive', 0, i, -1, 0], ['admit', 0, i, 0]);
    const s = play(rows);
    expect(s.nodes[0].queue).toHaveLength(500);
    expect(placeTokens(s, stage)).toHaveLength(stage.queueColumns * stage.rows);
  });
});

describe('playing the trace', () => {
  it('applies the events up to the clock, and the clock waits at the last event that has arrived', () => {
    const p = new Playback(twoNodes, () => Promise.reject(new Error('not in this test')));
    p.push(
      batch([
        ['arrive', 1, 0, -1, 0],
        ['admit', 1, 0, 0],
        ['arrive', 4, 1, -1, 0],
      ]),
    );
    p.advanceTo(2);
    expect(p.state.time).toBe(2);
    expect(p.state.counters.wip).toBe(1);
    p.advanceTo(10);
    expect(p.state.time).toBe(4);
    expect(p.state.counters.wip).toBe(2);
    expect(p.nextTime()).toBeNaN();
    p.push(batch([['arrive', 6, 2, -1, 0]], true));
    p.advanceTo(10);
    expect(p.state.time).toBe(10);
    expect(p.nextTime()).toBe(Number.POSITIVE_INFINITY);
  });

  it('pulls a batch only while fewer than two are waiting, one at a time', async () => {
    const asked: number[] = [];
    let t = 0;
    const p = new Playback(twoNodes, async (max) => {
      asked.push(max);
      const rows: Row[] = [];
      for (let i = 0; i < max; i++) rows.push(['arrive', t++, t, -1, 0]);
      return batch(rows);
    });
    await Promise.all([p.fill(100), p.fill(100)]);
    expect(asked).toEqual([100]);
    await p.fill(100);
    await p.fill(100);
    expect(asked).toEqual([100, 100]);
    expect(p.waiting).toBe(200);
    p.advanceTo(150);
    await p.fill(100);
    expect(asked).toEqual([100, 100, 100]);
  });

  it('two variants step in lockstep: each step goes to the earlier next event of the two', () => {
    const a = new Playback(twoNodes, () => Promise.reject(new Error('not in this test')));
    const b = new Playback(twoNodes, () => Promise.reject(new Error('not in this test')));
    const log: string[] = [];
    a.listen((event, time, item) => log.push(`a ${event} ${item} @${time}`));
    b.listen((event, time, item) => log.push(`b ${event} ${item} @${time}`));
    a.push(
      batch(
        [
          ['arrive', 1, 0, -1, 0],
          ['arrive', 3, 1, -1, 0],
        ],
        true,
      ),
    );
    b.push(
      batch(
        [
          ['arrive', 1, 0, -1, 0],
          ['arrive', 2, 1, -1, 0],
          ['arrive', 3, 2, -1, 0],
        ],
        true,
      ),
    );
    const times: number[] = [];
    for (let t = stepAll([a, b]); t < Number.POSITIVE_INFINITY; t = stepAll([a, b])) times.push(t);
    expect(times).toEqual([1, 2, 3]);
    expect(log).toEqual([
      'a arrive 0 @1',
      'b arrive 0 @1',
      'b arrive 1 @2',
      'a arrive 1 @3',
      'b arrive 2 @3',
    ]);
  });

  it('a shared clock is held to the variant that is behind', () => {
    const a = new Playback(twoNodes, () => Promise.reject(new Error('not in this test')));
    const b = new Playback(twoNodes, () => Promise.reject(new Error('not in this test')));
    a.push(batch([['arrive', 9, 0, -1, 0]]));
    b.push(batch([['arrive', 4, 0, -1, 0]]));
    expect(advanceAll([a, b], 20)).toBe(4);
    expect([a.state.time, b.state.time]).toEqual([4, 4]);
    expect(a.state.counters.wip).toBe(0);
    expect(stepAll([a, b])).toBeNaN();
  });
});

describe('what the animation says', () => {
  it('the clock in the scenario’s unit, marked during the warm-up', () => {
    expect(clockText(12.34, 'days', 20)).toBe('day 12.3 (warm-up)');
    expect(clockText(25, 'hours', 20)).toBe('hour 25.0');
  });

  it('where a followed item waited, was blocked and failed, and where it is now', () => {
    const s = play([
      ['arrive', 1, 0, -1, 1],
      ['admit', 1, 0, 0],
      ['start', 3, 0, 0, 1],
      ['finish', 4, 0, 0, 1],
      ['block', 4, 0, 0, 1],
      ['admit', 6, 0, 1],
    ]);
    const item = s.items.get(0)!;
    const names = { nodes: ['dev', 'test'], classes: ['feature', 'bug'], unit: 'days' };
    expect(followText(item, names, null)).toBe(
      'Item 1 (bug) arrived at day 1.0. Waited 2 days at dev, blocked 2 days at dev. Failed once and went back. Now waiting at test.',
    );
    expect(followText(item, names, 9)).toContain('Done at day 9.0: lead time 8 days.');
  });

  it('side by side, the item done in both whose lead times differ most', () => {
    const apart = new FarApart(3);
    apart.done(0, 1, 5, 2);
    apart.done(1, 1, 5, 3);
    apart.done(0, 2, 6, 4);
    apart.done(1, 3, 7, 1);
    apart.done(1, 2, 6, 14);
    apart.done(0, 3, 7, 2);
    expect(apart.best).toEqual({ id: 2, arrival: 6, leads: [4, 14] });
    expect(farApartText(apart.best, ['Ring', 'Network'], 'days')).toBe(
      'Item 3 arrived at day 6.0 in both: done after 4 days in Ring, 14 days in Network.',
    );
  });

  it('keeps a bounded table of items done in one variant and not yet in the other', () => {
    const apart = new FarApart(2);
    for (let id = 0; id < 100; id++) apart.done(0, id, id, 1);
    // Only the last two wait; item 0's twin finishing now finds nothing to pair with.
    apart.done(1, 0, 0, 50);
    expect(apart.best).toBeNull();
    apart.done(1, 99, 99, 50);
    expect(apart.best?.id).toBe(99);
  });
});
