/**
 * The sandbox says what the terminal says: a run that stopped early or cannot keep up is
 * flagged before its numbers, never ranked in a comparison, and marked on a sweep's curve;
 * where items wait longest is shown beside utilisation.
 */
import { describe, expect, it } from 'vitest';
import { describeResult } from '../../src/cli/commands/run.ts';
import { compare, parseScenario, simulate, sweep } from '../../src/index.ts';
import { stability } from '../../src/network/stability.ts';
import { comparisonReport } from '../../src/report/comparison.ts';
import { constraintPhrase, verdictOf } from '../../src/report/verdict.ts';
import { utilisationBars } from '../../web/viewmodel/chart-data/utilisation-data.ts';
import { headlines, runSummary } from '../../web/viewmodel/headline.ts';
import { SWEEP_METRICS, sweepLines, sweepRequest } from '../../web/viewmodel/sweep-setup.ts';
import { quickDocument, quickResult } from './results-fixture.ts';

function judged(document: Record<string, unknown>) {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error('invalid scenario');
  const result = simulate(document);
  return { result, verdict: verdictOf(result, stability(parsed.scenario)) };
}

/** The token ring with its change board offered `load` x its capacity (0.88 as given). */
function ring(approval: number, run: Record<string, unknown> = {}) {
  const doc = structuredClone(quickDocument('token-ring')) as {
    nodes: { id: string; serves: Record<string, unknown> }[];
    run: Record<string, unknown>;
  };
  const board = doc.nodes.find((n) => n.id === 'change-board');
  if (!board) throw new Error('no change-board');
  board.serves.approval = approval;
  doc.run = { ...doc.run, ...run };
  return doc as unknown as Record<string, unknown>;
}

describe('the headline cards', () => {
  it('are unchanged for a sound run', () => {
    const r = quickResult('token-ring');
    const { verdict } = judged(quickDocument('token-ring'));
    expect(verdict.sound).toBe(true);
    expect(headlines(r, verdict)).toEqual(headlines(r));
  });

  it('mark the lead times of a run that stopped early as over the items that finished', () => {
    const { result, verdict } = judged(ring(2, { maxTime: 400 }));
    expect(result.stoppedBy).toBe('time-cap');
    const [mean, p85] = headlines(result, verdict);
    expect(mean).toMatchObject({
      key: 'lead-time-mean',
      tone: 'warn',
      note: `mean over the ${result.completed.toLocaleString('en')} items that finished: the run stopped early`,
    });
    expect(p85.tone).toBe('warn');
    expect(p85.note).toMatch(
      /^mean over the [\d,]+ items that finished: the run stopped early; 85% of items/,
    );
  });

  it('say the lead times of an overloaded run grow with its length', () => {
    const { result, verdict } = judged(ring(1.5));
    expect(result.stoppedBy).toBe('drained');
    expect(verdict.alerts.map((a) => a.kind)).toEqual(['overloaded']);
    expect(headlines(result, verdict)[0]).toMatchObject({
      tone: 'warn',
      note: 'a node cannot keep up, so this grows with the length of the run',
    });
  });
});

describe('where items wait', () => {
  it('the summary names the constraint when it is not the busiest node', () => {
    const r = quickResult('token-ring');
    const { verdict } = judged(quickDocument('token-ring'));
    const c = verdict.constraint;
    if (!c) throw new Error('in the token ring items wait longest somewhere other than the busiest node');
    const longest = Object.keys(r.nodes).sort(
      (a, b) => r.nodes[b].waitShareOfLeadTime - r.nodes[a].waitShareOfLeadTime,
    )[0];
    expect(c.node).toBe(longest);
    expect(c.node).not.toBe(r.bottleneck);
    expect(runSummary(r, verdict)).toMatch(
      new RegExp(
        `; bottleneck ${r.bottleneck}; constraint ${longest}, where items spend \\d+% of their lead time waiting\\.$`,
      ),
    );
    // The terminal names it in the same words.
    expect(describeResult(r)).toContain(`constraint: ${constraintPhrase(c)}, though it is`);
  });

  it('each utilisation bar carries its share of lead time waiting, and the constraint is marked', () => {
    const r = quickResult('token-ring');
    const { verdict } = judged(quickDocument('token-ring'));
    const bars = utilisationBars(r, verdict);
    for (const b of bars) expect(b.waitShare).toBe(r.nodes[b.id].waitShareOfLeadTime);
    expect(bars.filter((b) => b.constraint).map((b) => b.id)).toEqual([verdict.constraint?.node]);
    expect(utilisationBars(r).some((b) => b.constraint)).toBe(false);
  });
});

describe('a comparison', () => {
  it('ranks sound variants and says why it does not rank one that cannot keep up', () => {
    const c = compare([
      { name: 'ring', scenario: quickDocument('token-ring') },
      { name: 'network', scenario: quickDocument('dynamic-network') },
      { name: 'jammed ring', scenario: ring(1.5) },
    ]);
    const [base, network, jammed] = comparisonReport(c).variants;
    expect(base.unranked).toBeUndefined();
    expect(network.unranked).toBeUndefined();
    expect(network.findings.map((f) => f.measure)).toEqual(['leadTime', 'throughput']);
    expect(jammed.findings).toEqual([]);
    expect(jammed.verdict.status).toBe('unstable: change-board 120%');
    expect(jammed.unranked).toBe(
      'not ranked against ring: jammed ring is overloaded, so the means do not describe the system',
    );
  });

  it('ranks nothing against a baseline that stopped early', () => {
    const c = compare([
      { name: 'capped', scenario: ring(2, { maxTime: 400 }) },
      { name: 'ring', scenario: quickDocument('token-ring') },
    ]);
    expect(comparisonReport(c).variants[1].unranked).toMatch(/capped stopped early and capped is overloaded/);
  });
});

describe('the sweep chart', () => {
  it('marks the points where a node cannot keep up, and says why', () => {
    const request = sweepRequest('nodes.change-board.serves.approval', '1,1.5', ['fixed']);
    if (typeof request === 'string') throw new Error(request);
    const [line] = sweepLines(
      sweep(quickDocument('token-ring'), request.axes),
      request.x,
      SWEEP_METRICS['lead-time-mean'],
    );
    expect(line.points.map((p) => p.unsound)).toEqual([undefined, 'unstable: change-board 120%']);
  });
});
