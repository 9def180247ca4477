/**
 * What the trace reports for the lean mechanisms an animation shows: gates opening and
 * closing, outages, work blocked by a WIP limit, handoffs in transit, failed work going
 * back, and batches starting together. Small systems with constant times, worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/parse.ts';
import type { TraceEvent } from '../../src/network/events.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';

interface Step {
  event: TraceEvent;
  time: number;
  item: number;
  node: string;
  detail: number;
}

function trace(input: unknown, seed = 1) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const scenario = parsed.scenario;
  const log: Step[] = [];
  const replication = new Replication(scenario, compileTopology(scenario), seed, {
    trace: (event, time, item, node, _capability, detail) =>
      log.push({ event, time, item, node: scenario.nodes[node]?.id ?? '', detail }),
  });
  replication.advance();
  return log;
}

const of = (log: Step[], event: TraceEvent) => log.filter((s) => s.event === event);

describe('the trace of the lean mechanisms', () => {
  it('a gate opens and closes on its calendar, and a meeting starts its batch together', () => {
    const log = trace({
      name: 'board',
      run: { duration: 20 },
      demand: [{ id: 'change', interarrival: 1, steps: ['approve'] }],
      nodes: [
        {
          id: 'board',
          kind: 'gate',
          capacity: 1,
          schedule: { every: 10, open: 2, offset: 9.5, batch: true },
          serves: { approve: 1 },
        },
      ],
    });
    expect(of(log, 'open').map((s) => s.time)).toEqual(expect.arrayContaining([9.5, 19.5]));
    expect(of(log, 'close')[0].time).toBe(11.5);
    // The nine changes that arrived at 1..9 start at 9.5 as one batch of nine.
    const first = of(log, 'start').filter((s) => s.time === 9.5);
    expect(first.map((s) => s.detail)).toEqual(Array(9).fill(9));
  });

  it('an outage marks its node down, then up, in turn', () => {
    const log = trace({
      name: 'outages',
      run: { duration: 200 },
      demand: [{ id: 'job', interarrival: 1, steps: ['work'] }],
      nodes: [{ id: 'server', capacity: 2, outages: { mtbf: 10, mttr: 2 }, serves: { work: 0.5 } }],
    });
    const turns = log.filter((s) => s.event === 'down' || s.event === 'up');
    expect(turns.length).toBeGreaterThan(10);
    turns.forEach((s, i) => {
      expect(s.event).toBe(i % 2 === 0 ? 'down' : 'up');
      expect(s.time).toBeCloseTo(i % 2 === 0 ? 10 + 12 * (i / 2) : 12 + 12 * ((i - 1) / 2), 9);
    });
  });

  it('finished work waiting for room at a full node is blocked where it is, naming that node', () => {
    const log = trace({
      name: 'pull',
      run: { duration: 30 },
      demand: [{ id: 'job', interarrival: 1, steps: ['a', 'b'] }],
      nodes: [
        { id: 'fast', capacity: 1, serves: { a: 0.5 } },
        { id: 'slow', capacity: 1, wipLimit: 2, serves: { b: 3 } },
      ],
    });
    const blocked = of(log, 'block');
    expect(blocked.length).toBeGreaterThan(3);
    for (const s of blocked) {
      expect(s.node).toBe('fast');
      expect(s.detail).toBe(1); // the index of "slow"
    }
    // A blocked item is admitted to the slow node later, when room appears there.
    const item = blocked[0].item;
    const admitted = log.find((s) => s.event === 'admit' && s.item === item && s.node === 'slow');
    expect(admitted?.time).toBeGreaterThan(blocked[0].time);
  });

  it('a handoff says when the item reaches its next node', () => {
    const log = trace({
      name: 'handoffs',
      run: { duration: 10 },
      handoff: 0.25,
      demand: [{ id: 'job', interarrival: 1, steps: ['a', 'b'] }],
      nodes: [
        { id: 'one', capacity: 1, serves: { a: 0.5 } },
        { id: 'two', capacity: 1, serves: { b: 0.5 } },
      ],
    });
    const handoffs = of(log, 'handoff');
    expect(handoffs.length).toBeGreaterThan(5);
    for (const s of handoffs) {
      expect(s.node).toBe('two');
      expect(s.detail).toBeCloseTo(s.time + 0.25, 12);
      // (The trace names items by engine slot, reused once an item is done: the next start is its own.)
      const started = log.find(
        (t) => t.event === 'start' && t.item === s.item && t.node === 'two' && t.time >= s.time,
      );
      expect(started?.time).toBeCloseTo(s.detail, 12);
    }
  });

  it('failed work is marked as it finishes, and goes back to the step it redoes', () => {
    const log = trace({
      name: 'rework',
      run: { duration: 200 },
      demand: [{ id: 'job', interarrival: 2, steps: ['build', 'test'] }],
      nodes: [
        { id: 'dev', capacity: 2, serves: { build: 0.5 } },
        { id: 'qa', capacity: 1, failure: { probability: 0.3, reworkTo: 'build' }, serves: { test: 0.5 } },
      ],
    });
    const finished = of(log, 'finish').filter((s) => s.node === 'qa');
    const failed = finished.filter((s) => s.detail === 1);
    expect(failed.length).toBeGreaterThan(5);
    expect(failed.length).toBeLessThan(finished.length);
    for (const f of failed) {
      const next = log.find((s) => s.event === 'admit' && s.item === f.item && s.time >= f.time);
      expect(next?.node).toBe('dev');
    }
  });
});
