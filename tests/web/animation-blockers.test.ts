/**
 * Blocked work in the animation, from the engine's own trace: a team of two with a WIP limit
 * of 3, a story every day taking 2 days of work, and one story in two found blocked for 3
 * days as work on it starts. Held, the person waits with the story, a server busy and no
 * work done; put aside, the server is free and takes other work, and (off the WIP limit) the
 * story leaves the node's count until it clears. The states at given times are worked out
 * by hand from the trace's events, which the first test pins.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRACE_EVENTS, TRACE_FIELDS, watchRun } from '../../src/runner.ts';
import { isFull, serversWaiting, serversWorking } from '../../web/viewmodel/animation/flow-state.ts';
import { Playback } from '../../web/viewmodel/animation/playback.ts';
import { blockedRow, placeTokens, stageOf } from '../../web/viewmodel/animation/stage.ts';
import { blockedText, blockerLegend, counterText, followText } from '../../web/viewmodel/animation/words.ts';
import type { NetworkLayout } from '../../web/viewmodel/chart-data/network-layout.ts';

function team(policy: 'hold' | 'aside') {
  return {
    name: 'blocked stories',
    timeUnit: 'day',
    run: { duration: 12, warmup: 0, seed: 1, replications: 1 },
    routing: 'fixed',
    demand: [{ id: 'story', interarrival: { dist: 'constant', value: 1 }, steps: ['build'] }],
    nodes: [
      {
        id: 'dev',
        kind: 'team',
        capacity: 2,
        wipLimit: 3,
        serves: { build: { dist: 'constant', value: 2 } },
        blocker: {
          probability: 0.5,
          time: { dist: 'constant', value: 3 },
          policy,
          ...(policy === 'aside' ? { countsAgainstWip: false } : {}),
        },
      },
    ],
  };
}

/** The watched run's whole trace, as [event, time, item] rows, and a playback holding it. */
function watched(policy: 'hold' | 'aside') {
  const run = watchRun(team(policy));
  const play = new Playback(run.start, () => Promise.reject(new Error('pushed by hand')));
  const rows: [string, number, number][] = [];
  for (;;) {
    const batch = run.next(1000);
    for (let i = 0; i < batch.count; i++) {
      const e = batch.events.subarray(i * TRACE_FIELDS, (i + 1) * TRACE_FIELDS);
      rows.push([TRACE_EVENTS[e[0]], e[1], e[2]]);
    }
    play.push(batch);
    if (batch.done) break;
  }
  return { play, rows, start: run.start };
}

/** What the node shows at time t: servers busy and waiting, blocked items, WIP, and its lists. */
function at(play: Playback, t: number) {
  play.advanceTo(t);
  const n = play.state.nodes[0];
  return {
    busy: serversWorking(n),
    waiting: serversWaiting(n),
    blocked: n.blocked,
    wip: n.wip,
    full: isFull(n),
    service: [...n.service],
    aside: [...n.aside],
    queue: [...n.queue],
  };
}

const blockerEvents = (rows: [string, number, number][]) =>
  rows.filter(([e, t]) => (e === 'blocked' || e === 'unblocked') && t <= 11.5);

describe('blocked work in the animation, from the engine’s trace', () => {
  it('the engine blocks the same stories under both policies (one stream of draws), for 3 days each', () => {
    const aside = watched('aside');
    const hold = watched('hold');
    expect(aside.start.blockerPolicy).toEqual(['aside']);
    expect(aside.start.blockerFreesWip).toEqual([true]);
    expect(hold.start.blockerPolicy).toEqual(['hold']);
    // Item numbers are by arrival: story 3 arrives at day 3 (item 2), and so on.
    expect(blockerEvents(aside.rows)).toEqual([
      ['blocked', 3, 2],
      ['blocked', 5, 4],
      ['unblocked', 6, 2],
      ['unblocked', 8, 4],
      ['blocked', 10, 7],
      ['blocked', 10, 9],
      ['blocked', 11, 10],
    ]);
    // Held, the second blocked story starts (and is found blocked) only at day 6, when a server is free.
    expect(blockerEvents(hold.rows)).toEqual([
      ['blocked', 3, 2],
      ['unblocked', 6, 2],
      ['blocked', 6, 4],
      ['unblocked', 9, 4],
      ['blocked', 11, 7],
    ]);
  });

  it('put aside, a blocked story frees its server and leaves the WIP count until it clears, then resumes first', () => {
    const { play } = watched('aside');
    // Day 3: story 2 is blocked as it starts; only story 1 is being worked on.
    expect(at(play, 3.5)).toEqual({
      busy: 1,
      waiting: 0,
      blocked: 1,
      wip: 1,
      full: false,
      service: [1],
      aside: [2],
      queue: [],
    });
    // Day 5: two stories aside, one person at work; the other is free (a held story would take them).
    expect(at(play, 5.5)).toEqual({
      busy: 1,
      waiting: 0,
      blocked: 2,
      wip: 1,
      full: false,
      service: [3],
      aside: [2, 4],
      queue: [],
    });
    // Day 6: story 2 clears, goes to the front of the queue and resumes on the free server;
    // day 7: both busy, story 6 queues, and the three counted fill the limit.
    expect(at(play, 7.5)).toEqual({
      busy: 2,
      waiting: 0,
      blocked: 1,
      wip: 3,
      full: true,
      service: [2, 5],
      aside: [4],
      queue: [6],
    });
    // Day 11: three stories aside and off the limit; one at work, WIP 1 of 3 with four stories at the node.
    expect(at(play, 11.5)).toEqual({
      busy: 1,
      waiting: 0,
      blocked: 3,
      wip: 1,
      full: false,
      service: [8],
      aside: [7, 9, 10],
      queue: [],
    });
  });

  it('held, a blocked story keeps its server busy with its person waiting, and its place under the limit', () => {
    const { play } = watched('hold');
    expect(at(play, 3.5)).toEqual({
      busy: 2,
      waiting: 1,
      blocked: 1,
      wip: 2,
      full: false,
      service: [1, 2],
      aside: [],
      queue: [],
    });
    // Day 5: one person works on story 3, the other waits with story 2; story 4 queues, the board is full.
    expect(at(play, 5.5)).toEqual({
      busy: 2,
      waiting: 1,
      blocked: 1,
      wip: 3,
      full: true,
      service: [2, 3],
      aside: [],
      queue: [4],
    });
    // Day 6: story 2 clears and its work goes on (2 days, to day 8); story 4 starts and is blocked.
    expect(at(play, 6.5)).toMatchObject({ busy: 2, waiting: 1, blocked: 1, service: [2, 4], queue: [5] });
    expect(at(play, 9.5)).toEqual({
      busy: 2,
      waiting: 0,
      blocked: 0,
      wip: 3,
      full: true,
      service: [4, 5],
      aside: [],
      queue: [6],
    });
  });

  it('a followed story says when it was blocked, for how long, and whether its person waits with it', () => {
    const names = { nodes: ['dev'], classes: ['story'], unit: 'days' };
    const aside = watched('aside').play;
    aside.advanceTo(5.5);
    expect(followText(aside.state.items.get(2)!, names, null, 5.5)).toBe(
      'Item 3 arrived at day 3.0. No wait so far. Now blocked at dev since day 3.0 (2.5 days so far), waiting on the outside; put aside: its person has taken other work.',
    );
    aside.advanceTo(7.5);
    expect(followText(aside.state.items.get(2)!, names, null, 7.5)).toBe(
      'Item 3 arrived at day 3.0. Blocked at dev from day 3.0 for 3 days, waiting on the outside. Now being worked on at dev.',
    );
    const hold = watched('hold').play;
    hold.advanceTo(4);
    expect(followText(hold.state.items.get(2)!, names, null, 4)).toBe(
      'Item 3 arrived at day 3.0. No wait so far. Now blocked at dev since day 3.0 (1 day so far), waiting on the outside; held: its person waits with it.',
    );
    hold.advanceTo(9.5);
    expect(hold.state.lastDone?.id).toBe(2);
    expect(followText(hold.state.lastDone!.item, names, 8)).toBe(
      'Item 3 arrived at day 3.0. Blocked at dev from day 3.0 for 3 days, waiting on the outside. Done at day 8.0: lead time 5 days.',
    );
  });
});

describe('where blocked work is drawn, and what names it', () => {
  const layout: NetworkLayout = {
    nodes: [
      {
        id: 'dev',
        x: 0.5,
        y: 0.5,
        kind: 'team',
        column: 1,
        capacity: 2,
        utilization: 0,
        offeredLoad: 0,
        queue: 0,
        served: 0,
        bottleneck: false,
        serves: [],
      },
    ],
    ends: { arrival: { x: 0, y: 0.5 }, done: { x: 1, y: 0.5 } },
    edges: [],
    maxItems: 1,
    columns: 1.6,
    height: 1,
  };

  it('blocked stories sit in a row under their node, marked, held or put aside, and the rest where they are', () => {
    const stage = stageOf(layout, 800, 1, 8);
    const box = stage.boxes[0];
    const row = blockedRow(stage, box);
    expect(row.y).toBe(box.y + box.hh + 9);
    const aside = watched('aside').play;
    aside.advanceTo(11.5);
    const places = placeTokens(aside.state, stage);
    const blocked = places.filter((p) => p.blocker);
    expect(blocked.map((p) => [p.id, p.x, p.y])).toEqual([
      [7, row.x, row.y],
      [9, row.x + 10, row.y],
      [10, row.x + 20, row.y],
    ]);
    expect(blocked.every((p) => p.phase === 'aside')).toBe(true);
    // The story at work is inside the box.
    expect(places.find((p) => p.id === 8)).toMatchObject({
      phase: 'service',
      blocker: false,
      y: box.y + 2.5,
    });
    expect(blockedText(aside.state.nodes[0])).toBe('3 blocked, put aside');

    const hold = watched('hold').play;
    hold.advanceTo(5.5);
    const held = placeTokens(hold.state, stage);
    // Story 2 is in service (its server held) but drawn in the blocked row; story 3 is worked on inside.
    expect(held.find((p) => p.id === 2)).toMatchObject({
      phase: 'service',
      blocker: true,
      x: row.x,
      y: row.y,
    });
    expect(held.find((p) => p.id === 3)).toMatchObject({
      blocker: false,
      x: box.x - box.hw + 7.5,
      y: box.y + 2.5,
    });
    expect(blockedText(hold.state.nodes[0])).toBe('1 blocked, held');
    expect(counterText(hold.state, 'days').blocked).toBe('1');
  });

  it('the legend names the blocked mark and the servers for the policies in use, and nothing without a blocker', () => {
    expect(blockerLegend([null, null])).toEqual([]);
    expect(blockerLegend([null, 'aside']).map((e) => e.mark)).toEqual(['blocked', 'working', 'free']);
    expect(blockerLegend(['hold']).map((e) => e.mark)).toEqual(['blocked', 'working', 'waiting', 'free']);
    expect(blockerLegend(['hold'])[2].label).toBe('a person waiting with a blocked item (held)');
  });

  it('over the blockers-long-tail preset’s watched run, what is drawn blocked is what the trace says is blocked, and no more people work than there are', () => {
    const doc = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../scenarios/blockers-long-tail.json'), 'utf8'),
    );
    const run = watchRun(doc);
    const play = new Playback(run.start, () => Promise.reject(new Error('pushed by hand')));
    const dev = run.start.nodeIds.indexOf('developers');
    let open = 0;
    let most = 0;
    let checked = 0;
    play.listen((event, _t, _item, node) => {
      if (node !== dev) return;
      if (event === 'blocked') open++;
      else if (event === 'unblocked') open--;
      const n = play.state.nodes[dev];
      expect(n.blocked).toBe(open);
      expect(n.aside.length).toBe(open);
      // Servers at work (put-aside stories hold none): never more than the team has.
      expect(n.working).toBeLessThanOrEqual(n.capacity);
      most = Math.max(most, open);
      checked++;
    });
    for (;;) {
      const batch = run.next(4096);
      play.push(batch);
      play.advanceTo(Number.POSITIVE_INFINITY);
      if (batch.done) break;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(most).toBeGreaterThan(1);
  });
});
