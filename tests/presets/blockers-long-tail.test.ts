import { describe, expect, it } from 'vitest';
import { ci95 } from '../../src/metrics/confidence.ts';
import { edited, interval, node, paired, preset, runSeeds } from './paired.ts';

const aside = preset('blockers-long-tail.json');
// The contrasts the description gives, each one edit of the developers' blocker.
const without = edited(aside, (d) => {
  node(d, 'developers').blocker.probability = 0;
});
const counted = edited(aside, (d) => {
  delete node(d, 'developers').blocker.countsAgainstWip;
});
const held = edited(aside, (d) => {
  const blocker = node(d, 'developers').blocker;
  blocker.policy = 'hold';
  delete blocker.countsAgainstWip;
});

/** The 95% t-interval over seeds, which must exist (two seeds or more). */
const over = (values: number[]): [number, number] => {
  const ci = ci95(values);
  if (!ci) throw new Error('no interval');
  return ci;
};

describe('blockers explain your long tail (blockers-long-tail.json)', () => {
  const base = runSeeds(aside, 20);

  it('blocked stories put aside, not counted, are the long tail: without them the p95 falls far more than the median', () => {
    const none = runSeeds(without, 20);
    // Relative changes over 20 paired seeds, each interval a 95% one: the p95's lies wholly
    // below -20%, the median's wholly above -15%.
    expect(
      interval(
        paired(base, none, (r) => r.leadTime.p95),
        true,
      )[1],
    ).toBeLessThan(-0.2);
    expect(
      interval(
        paired(base, none, (r) => r.leadTime.p50),
        true,
      )[0],
    ).toBeGreaterThan(-0.15);
    // So the tail is longer against the median: p95 / p50 falls, the interval below -0.3.
    const spread = (r: (typeof base)[number]) => r.leadTime.p95 / r.leadTime.p50;
    expect(interval(paired(base, none, spread))[1]).toBeLessThan(-0.3);
    // One story in ten is blocked for about 15 days: over a tenth of all lead time.
    expect(over(base.map((r) => r.blockers!.share.mean))[0]).toBeGreaterThan(0.1);
  });

  it('counted against the WIP limit, blocked stories hold the board: everyone waits longer, upstream at the analysts', () => {
    const full = runSeeds(counted, 20);
    // The median story too, not only the blocked ones: both intervals lie above +10%.
    expect(
      interval(
        paired(base, full, (r) => r.leadTime.p50),
        true,
      )[0],
    ).toBeGreaterThan(0.1);
    expect(
      interval(
        paired(base, full, (r) => r.leadTime.mean),
        true,
      )[0],
    ).toBeGreaterThan(0.1);
    // The wait shows up before the board: finished analysis waits for room, holding an
    // analyst, and the analysts' queue grows (interval of the change above +50%).
    expect(
      interval(
        paired(base, full, (r) => r.nodes.analysts.wait.mean),
        true,
      )[0],
    ).toBeGreaterThan(0.5);
    // The same stories are done: throughput's interval within 3% either way.
    const [lo, hi] = interval(
      paired(base, full, (r) => r.throughput),
      true,
    );
    expect(lo).toBeGreaterThan(-0.03);
    expect(hi).toBeLessThan(0.03);
    // Counting changes where work waits, not the work: the load check is the same, 3 / 5.
    for (const r of [...base, ...full]) expect(r.nodes.developers.offeredLoad).toBeCloseTo(0.6, 9);
  });

  it('held, blocked stories keep the developers busy while everything slows: utilisation up by the held time, lead time at least doubled', () => {
    const busy = runSeeds(held, 20);
    // Each story started takes 0.1 x 15 days of a developer more: offered load (3 + 1.5) / 5.
    for (const r of busy) expect(r.nodes.developers.offeredLoad).toBeCloseTo(0.9, 9);
    // Utilisation rises by 0.1 x 15 / 5 = 0.3: the interval of the paired difference lies
    // within 0.05 of it.
    const [ulo, uhi] = interval(paired(base, busy, (r) => r.nodes.developers.utilization));
    expect(ulo).toBeGreaterThan(0.25);
    expect(uhi).toBeLessThan(0.35);
    // And mean lead time at least doubles: the interval of the change lies above +100%.
    expect(
      interval(
        paired(base, busy, (r) => r.leadTime.mean),
        true,
      )[0],
    ).toBeGreaterThan(1);
  });
});
