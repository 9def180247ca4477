/**
 * `run` and `compare` say a result loop by loop: the outcomes, then across teams, then at each
 * node, each under its heading and question, in the order of src/report/loops.ts.
 */
import { describe, expect, it } from 'vitest';
import { describeComparison } from '../../src/cli/commands/compare.ts';
import { describeResult } from '../../src/cli/commands/run.ts';
import { compare, parseScenario, simulate } from '../../src/index.ts';
import { comparisonReport, LOOPS, loopTitle } from '../../src/report/index.ts';
import { presetDocument } from '../web/presets-fixture.ts';
import { quickDocument } from '../web/results-fixture.ts';

const HEADING = /^── (.+) ──$/;

/** Each line of a report with the loop it is under ('' before the first heading). */
function underLoops(text: string): { line: string; loop: string }[] {
  let loop = '';
  return text.split('\n').map((line) => {
    const heading = HEADING.exec(line);
    if (heading) loop = heading[1].split(':')[0];
    return { line, loop };
  });
}

/** The loop the first line starting with `start` is under. */
function loopOfLine(text: string, start: string): string | undefined {
  return underLoops(text).find((l) => l.line.startsWith(start))?.loop;
}

function expectHeadingsInOrder(text: string) {
  const lines = text.split('\n');
  const at = LOOPS.map((loop) => lines.indexOf(`── ${loopTitle(loop)} ──`));
  for (const [i, loop] of LOOPS.entries()) {
    expect(at[i], loop.key).toBeGreaterThan(0);
    expect(lines[at[i] + 1]).toBe(loop.question);
  }
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  expect(lines.filter((l) => HEADING.test(l))).toHaveLength(3);
}

describe("run's readable report, loop by loop", () => {
  // Parallel steps, a blocker, and work left in progress: something in every loop.
  const components = quickDocument('component-teams') as { nodes: Record<string, unknown>[] };
  components.nodes[0].blocker = { probability: 0.2, time: 1, policy: 'aside' };
  const joined = describeResult(simulate(components));
  const board = parseScenario(quickDocument('change-approval'));
  if (!board.ok) throw new Error('the change-approval preset is valid');
  const approval = describeResult(simulate(quickDocument('change-approval')), board.scenario);
  const wsjf = describeResult(simulate(quickDocument('wsjf-cost-of-delay')));

  it('heads the three loops in order, each with its question', () => {
    for (const text of [joined, approval, wsjf]) expectHeadingsInOrder(text);
  });

  it('says the outcomes, DORA and the money in the outer loop', () => {
    for (const start of [
      'time (days)',
      'lead time  ',
      'p85 lead time',
      'throughput',
      'WIP',
      "Little's law",
      'completed',
    ])
      expect(loopOfLine(joined, start), start).toBe('outer loop');
    for (const start of [
      'deployment frequency',
      'lead time for changes',
      'change failure rate',
      'time to restore',
    ])
      expect(loopOfLine(approval, start), start).toBe('outer loop');
    for (const start of ['cost of delay', 'cost of capacity', '  product-team ', 'value delivered', 'class '])
      expect(loopOfLine(wsjf, start), start).toBe('outer loop');
    // The one node with a cost of capacity, under it: it pays for all of it.
    expect(wsjf).toMatch(/^cost of capacity .*\n {2}product-team +[\d,]+ \(100% of it\)\n/m);
  });

  it('says the waits between teams and the constraint in the middle loop', () => {
    for (const start of ['flow efficiency', 'time per item', 'parallel step', 'constraint: '])
      expect(loopOfLine(joined, start), start).toBe('middle loop');
    for (const start of ['handoffs', 'rework', 'constraint: change-board'])
      expect(loopOfLine(approval, start), start).toBe('middle loop');
  });

  it('says each node, its age of work and its blocked time in the inner loop', () => {
    for (const start of ['node ', 'backend-team', 'work-item age', 'blocked at', 'frontend-team  '])
      expect(loopOfLine(joined, start), start).toBe('inner loop');
    expect(loopOfLine(approval, '~ change-board: an estimate')).toBe('inner loop');
  });

  it('heads the finished work held by a full next step apart from the blockers’ table', () => {
    // Stories put aside under the developers' WIP limit: the analysts hold finished work for room.
    const r = simulate(quickDocument('blockers-long-tail'));
    expect(Object.values(r.nodes).some((n) => n.blocked > 0)).toBe(true);
    const text = describeResult(r);
    const header = text.split('\n').find((l) => l.startsWith('node '));
    expect(header?.split(/ {2,}/)).toEqual([
      'node',
      'kind',
      'servers',
      'utilisation',
      'wait share',
      'offered',
      'queue',
      'max queue',
      'wait (days)',
      'served',
      'held up by full next step',
    ]);
    expect(loopOfLine(text, 'blocked at ')).toBe('inner loop');
  });

  it('says nothing outside a loop but the heading, the alerts and the closing notes', () => {
    for (const text of [joined, approval, wsjf]) {
      const lines = underLoops(text);
      const first = lines.findIndex((l) => l.loop !== '');
      expect(first).toBeLessThanOrEqual(4);
      const closing = lines.slice(first).filter((l) => /^(one replication|warning)/.test(l.line));
      expect(closing.every((l) => l.loop === 'inner loop')).toBe(true);
    }
  });
});

describe("compare's readable comparison, loop by loop", () => {
  const narrow = quickDocument('component-teams') as { nodes: { id: string; capacity: number }[] };
  const wider = structuredClone(narrow);
  wider.nodes[1].capacity = 4;
  const c = compare([
    { name: 'backend of 2', scenario: narrow },
    { name: 'backend of 4', scenario: wider },
  ]);
  const text = describeComparison(c);
  const report = comparisonReport(c);

  it('heads the three loops in order after the status', () => {
    expectHeadingsInOrder(text);
    expect(loopOfLine(text, 'status')).toBe('');
  });

  it("puts each row in its loop, and says each variant's differences and constraint under theirs", () => {
    for (const start of [
      'mean lead time',
      'p85 lead time',
      'throughput (per',
      'WIP',
      'backend of 4: mean lead time',
    ])
      expect(loopOfLine(text, start), start).toBe('outer loop');
    for (const start of ['flow efficiency', 'constraint  '])
      expect(loopOfLine(text, start), start).toBe('middle loop');
    expect(loopOfLine(text, 'bottleneck')).toBe('inner loop');
    const moved = report.variants[1].constraintMove;
    expect(moved).toMatch(/^the constraint moved from backend-team \(in backend of 2\) to /);
    expect(loopOfLine(text, `backend of 4: ${moved}`)).toBe('middle loop');
  });
});

describe("compare's findings in money", () => {
  it('says the amount with its interval and the percentage, in the outer loop', () => {
    // The preset as it is (1,500 days, 10 replications) against its queue taken first come, first served.
    const wsjf = presetDocument('wsjf-cost-of-delay') as { nodes: { discipline?: string }[] };
    const fifo = structuredClone(wsjf);
    fifo.nodes[0].discipline = 'fifo';
    const c = compare([
      { name: 'wsjf', scenario: wsjf },
      { name: 'fifo', scenario: fifo },
    ]);
    const text = describeComparison(c);
    const money = comparisonReport(c).variants[1].findings.filter((f) => f.section === 'economics');
    expect(money.map((f) => f.label)).toEqual([
      'cost of delay',
      'cost of capacity',
      'total cost',
      'value delivered',
    ]);
    // fifo's lines after its first are lined up under it.
    const unindented = text.replace(/^ +/gm, '');
    const line =
      'cost of delay 1,250,928 more than wsjf (95% interval 749,783 to 1,752,073 more), 98% higher';
    expect(loopOfLine(unindented, line)).toBe('outer loop');
    // The same people cost the same, and the same work is worth the same: no difference, and no percentage.
    for (const same of ['cost of capacity the same as wsjf', 'value delivered the same as wsjf'])
      expect(unindented.split('\n')).toContain(same);
    expect(
      loopOfLine(
        unindented,
        'total cost 1,250,928 more than wsjf (95% interval 749,783 to 1,752,073 more), 36% higher',
      ),
    ).toBe('outer loop');
  });
});

describe("compare's findings in DORA's measures and in blocked time", () => {
  it('says the differences in DORA’s measures in the outer loop and in blocked time in the inner', () => {
    const board = quickDocument('change-approval') as {
      nodes: { kind?: string; failureReduction?: number }[];
    };
    const halving = structuredClone(board);
    const gate = halving.nodes.find((n) => n.kind === 'gate');
    if (!gate) throw new Error('the change-approval preset has a gate');
    gate.failureReduction = 0.5;
    const dora = compare([
      { name: 'board', scenario: board },
      { name: 'halving board', scenario: halving },
    ]);
    const doraText = describeComparison(dora);
    const delivery = comparisonReport(dora).variants[1].delivery;
    expect(delivery.map((f) => f.label)).toEqual([
      'deployment frequency',
      'lead time for changes',
      'change failure rate',
      'time to restore',
    ]);
    for (const f of delivery)
      expect(loopOfLine(doraText.replace(/^ +/gm, ''), f.label), f.label).toBe('outer loop');

    const blocked = (probability: number) => {
      const doc = quickDocument('token-ring') as { nodes: Record<string, unknown>[] };
      doc.nodes[1].blocker = { probability, time: 1, policy: 'aside' };
      return doc;
    };
    const c = compare([
      { name: 'some blocked', scenario: blocked(0.1) },
      { name: 'more blocked', scenario: blocked(0.3) },
    ]);
    const text = describeComparison(c);
    const [share] = comparisonReport(c).variants[1].blockers;
    expect(share.label).toBe('share of lead time blocked');
    expect(loopOfLine(text, `more blocked: ${share.label}`)).toBe('inner loop');
    expect(loopOfLine(text, 'blocked (share of lead time)')).toBe('inner loop');
  });
});
