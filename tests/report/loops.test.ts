/**
 * The three loops of measurement: every part of a result is said in exactly one loop, the
 * loops in order (outcomes, across teams, at each node), and the report places what it says.
 */
import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/index.ts';
import { compare } from '../../src/index.ts';
import {
  byLoop,
  comparisonReport,
  constraintCell,
  constraintMove,
  constraintSentence,
  LOOPS,
  leanFindings,
  loopOf,
  loopTitle,
  verdictOf,
} from '../../src/report/index.ts';
import { quickDocument, quickResult } from '../web/results-fixture.ts';

describe('the loops of measurement', () => {
  it('are outer, middle and inner, in that order, each with the question it answers', () => {
    expect(LOOPS.map((l) => l.key)).toEqual(['outer', 'middle', 'inner']);
    expect(LOOPS.map(loopTitle)).toEqual([
      'outer loop: outcomes',
      'middle loop: across teams',
      'inner loop: at each node',
    ]);
    for (const loop of LOOPS) {
      expect(loop.question, loop.key).toMatch(/^[A-Z].{20,}\?$/);
      expect(loop.sections.length, loop.key).toBeGreaterThan(0);
    }
  });

  it('hold every part of a result in exactly one loop', () => {
    const all = LOOPS.flatMap((l) => l.sections);
    expect(new Set(all).size).toBe(all.length);
    for (const loop of LOOPS) for (const s of loop.sections) expect(loopOf(s), s).toBe(loop.key);
    expect(loopOf('no such part')).toBeUndefined();
    expect(loopOf('toString')).toBeUndefined();
  });

  it('put the outcomes leadership reads outside, the waits between teams in the middle, each node inside', () => {
    for (const s of ['lead-time', 'throughput', 'economics', 'delivery', 'classes'])
      expect(loopOf(s), s).toBe('outer');
    for (const s of [
      'flow-efficiency',
      'handoffs',
      'time-in-steps',
      'joins',
      'constraint',
      'moving-bottleneck',
    ])
      expect(loopOf(s), s).toBe('middle');
    for (const s of ['nodes', 'queues', 'work-item-age', 'blockers']) expect(loopOf(s), s).toBe('inner');
  });

  it('order what is said loop by loop and section by section, keeping the order within a section, leaving out empty loops', () => {
    const said = [
      { text: 'a node', section: 'nodes' },
      { text: 'handoffs', section: 'handoffs' },
      { text: 'lead time p85', section: 'lead-time' },
      { text: 'flow efficiency', section: 'flow-efficiency' },
      { text: 'lead time mean', section: 'lead-time' },
      { text: 'throughput', section: 'throughput' },
    ] as const;
    expect(byLoop(said, (x) => x.section).map((g) => [g.loop.key, g.items.map((x) => x.text)])).toEqual([
      ['outer', ['lead time p85', 'lead time mean', 'throughput']],
      ['middle', ['flow efficiency', 'handoffs']],
      ['inner', ['a node']],
    ]);
    expect(byLoop([{ section: 'blockers' as const }], (x) => x.section).map((g) => g.loop.key)).toEqual([
      'inner',
    ]);
  });

  it("place every lean finding, and a comparison's every finding, in a loop", () => {
    // A result in which every lean mechanism left a trace.
    const everything: SimulationResult = {
      ...quickResult('token-ring'),
      reworkRate: 0.2,
      reworkPerFailure: 3,
      handoffsPerItem: 2,
      rejected: 4,
      rejectionRate: 0.01,
      backlog: { ...quickResult('token-ring').backlog, mean: 3 },
      timeLostToOutages: 2,
    };
    const found = leanFindings(everything);
    expect(found.map((f) => f.key).sort()).toEqual(
      ['backlog', 'blast-radius', 'handoffs', 'rejected', 'rework', 'outages', 'work-item-age'].sort(),
    );
    for (const f of found) expect(loopOf(f.key), f.key).toBeDefined();
    expect(loopOf('rejected')).toBe('outer');
    expect(loopOf('outages')).toBe('inner');
    const c = compare([
      { name: 'WSJF', scenario: quickDocument('wsjf-cost-of-delay') },
      { name: 'WSJF again', scenario: quickDocument('wsjf-cost-of-delay') },
    ]);
    const findings = comparisonReport(c).variants[1].findings;
    expect(findings.map((f) => f.measure)).toEqual([
      'leadTime',
      'throughput',
      'costOfDelay',
      'capacityCost',
      'totalCost',
      'value',
    ]);
    for (const f of findings) expect(loopOf(f.section), f.measure).toBe('outer');
  });
});

/** A result whose nodes make items wait the given shares of their lead time. */
function waiting(shares: Record<string, number>, busiest: string): SimulationResult {
  const r = quickResult('token-ring');
  const template = Object.values(r.nodes)[0];
  return {
    ...r,
    bottleneck: busiest,
    nodes: Object.fromEntries(
      Object.entries(shares).map(([id, share]) => [
        id,
        { ...template, waitShareOfLeadTime: share, utilization: id === busiest ? 0.9 : 0.5 },
      ]),
    ),
  };
}

describe('the constraint, in the middle loop', () => {
  const sentence = (r: SimulationResult) => constraintSentence(r, verdictOf(r, undefined));

  it('is named in one run, whether or not it is the busiest node, and said to be none when waits are small', () => {
    expect(sentence(waiting({ a: 0.3, b: 0.1 }, 'a'))).toBe(
      'a, where items spend 30% of their lead time waiting; it is the busiest node too (90% busy)',
    );
    expect(sentence(waiting({ a: 0.1, b: 0.3 }, 'a'))).toBe(
      'b, where items spend 30% of their lead time waiting, though it is 50% busy (the busiest node, a, holds them 10%)',
    );
    expect(sentence(waiting({ a: 0.04, b: 0.01 }, 'a'))).toBe(
      'none, no node holds items for 5% of their lead time (the busiest, a, is 90% busy)',
    );
    expect(constraintCell(waiting({ a: 0.3, b: 0.1 }, 'a'))).toBe('a 30%');
    expect(constraintCell(waiting({ a: 0.04 }, 'a'))).toBe('none');
  });

  it('in a comparison, says whether it moved from the baseline’s', () => {
    const base = { name: 'before', result: waiting({ a: 0.3, b: 0.1 }, 'a') };
    expect(constraintMove(base, waiting({ a: 0.3, b: 0.1 }, 'a'))).toBe(
      'the constraint stayed at a, as in before',
    );
    expect(constraintMove(base, waiting({ a: 0.1, b: 0.3 }, 'a'))).toBe(
      'the constraint moved from a (in before) to b',
    );
    expect(constraintMove(base, waiting({ a: 0.01, b: 0.01 }, 'a'))).toBe(
      'no constraint left (a in before): items wait under 5% of their lead time at every node',
    );
    const none = { name: 'before', result: waiting({ a: 0.01 }, 'a') };
    expect(constraintMove(none, waiting({ a: 0.2 }, 'a'))).toBe('the constraint is a, where before had none');
    expect(constraintMove(none, waiting({ a: 0.02 }, 'a'))).toBe(
      'no constraint, as in before: items wait under 5% of their lead time at every node',
    );
  });

  it("is each variant's in a comparison's report, and whether it moved for every variant but the baseline", () => {
    const c = compare([
      { name: 'ring', scenario: quickDocument('token-ring') },
      { name: 'network', scenario: quickDocument('dynamic-network') },
    ]);
    const [ring, network] = comparisonReport(c).variants;
    expect(ring.constraint).toBe(constraintCell(c.variants[0].result));
    expect(ring.constraintMove).toBeUndefined();
    expect(network.constraint).toBe(constraintCell(c.variants[1].result));
    expect(network.constraintMove).toBe(constraintMove(c.variants[0], c.variants[1].result));
  });
});
