import { describe, expect, it } from 'vitest';
import { edited, interval, node, paired, preset, runSeeds } from './paired.ts';

const board = preset('change-approval.json');
const policyGate = edited(board, (d) => {
  const gate = node(d, 'change-board');
  delete gate.schedule;
  gate.serves.approval = { dist: 'exponential', mean: 0.05 };
  gate.failure = { probability: 0.1, reworkTo: 'build' };
});
const every = node(board, 'change-board').schedule.every as number;

describe('a weekly change advisory board against an automated policy gate (change-approval.json)', () => {
  it('the board adds roughly half its interval to mean lead time', () => {
    const a = runSeeds(policyGate, 20);
    const b = runSeeds(board, 20);
    const [lo, hi] = interval(paired(a, b, (r) => r.leadTime.mean));
    // A change finished at a random moment waits on average half the interval for the next
    // meeting (less the quarter-day meeting itself). The burst of approved changes queues a
    // little at release, and the policy gate's 10% rework adds a little to its own lead time:
    // together they move the difference by well under a fifth of the interval, so the
    // whole 95% interval must lie within interval/2 +- 20% of the interval.
    expect(lo).toBeGreaterThan(every * (0.5 - 0.2));
    expect(hi).toBeLessThan(every * (0.5 + 0.2));
  });

  it('the policy gate sends some changes back, the board none', () => {
    const a = runSeeds(policyGate, 3);
    const b = runSeeds(board, 3);
    for (const r of a) expect(r.reworkRate).toBeGreaterThan(0);
    for (const r of b) expect(r.reworkRate).toBe(0);
  });
});
