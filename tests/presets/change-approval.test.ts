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
    // A change leaves build at a moment unrelated to the board's calendar, so it waits on
    // average half the interval for the next meeting (what arrives during a meeting waits
    // for the next one too): every/2 = 3.5 days. The rest is small and pulls both ways: the
    // meeting itself (+0.2 days) and the queue at release when a week's changes (about 7)
    // arrive at once on two servers of 0.3 days (+~0.4), against the policy gate's own time
    // (-0.05) and its 10% sent back through build (-0.1/0.9 x ~3 days = -~0.3). Even all
    // pushing the same way (0.95 days) they stay under a seventh of the interval, so the band
    // is every/2 +- every/5, and the whole 95% interval of the paired difference must lie in it.
    expect(lo).toBeGreaterThan(every * (0.5 - 0.2));
    expect(hi).toBeLessThan(every * (0.5 + 0.2));
  });

  it('the policy gate sends some changes back itself, the board none', () => {
    const a = runSeeds(policyGate, 3);
    const b = runSeeds(board, 3);
    for (const r of a) expect(r.nodes['change-board'].failureRate).toBeGreaterThan(0);
    for (const r of b) expect(r.nodes['change-board'].failureRate).toBe(0);
  });
});

describe("the measures leadership reads (DORA's four, at the release)", () => {
  it('the board lengthens lead time for changes and time to restore, and leaves the change failure rate alone', () => {
    const a = runSeeds(policyGate, 10);
    const b = runSeeds(board, 10);
    // Lead time for changes is lead time up to the release, the last step: the board's wait
    // shows there as in lead time, inside the same band as the test above.
    const [lo, hi] = interval(paired(a, b, (r) => r.delivery!.leadTimeForChanges.mean!));
    expect(lo).toBeGreaterThan(every * (0.5 - 0.2));
    expect(hi).toBeLessThan(every * (0.5 + 0.2));
    // A failed change goes back through build and waits for another meeting before it is
    // released again: at least the half interval again on top of the policy gate's restore.
    const [rlo] = interval(paired(a, b, (r) => r.delivery!.timeToRestore.mean!));
    expect(rlo).toBeGreaterThan(every * 0.3);
    // A board with failureReduction 0 catches nothing: the paired difference in the change
    // failure rate has an interval round 0.
    const [flo, fhi] = interval(paired(a, b, (r) => r.delivery!.changeFailureRate.share));
    expect(flo).toBeLessThan(0);
    expect(fhi).toBeGreaterThan(0);
  });

  it('a board that catches half the failures halves the change failure rate', () => {
    const catching = edited(board, (d) => {
      node(d, 'change-board').failureReduction = 0.5;
    });
    const [lo, hi] = interval(
      paired(runSeeds(board, 10), runSeeds(catching, 10), (r) => r.delivery!.changeFailureRate.share),
    );
    // 0.1 against 0.05: the paired difference's 95% interval must hold -0.05 and exclude 0.
    expect(lo).toBeLessThan(-0.05);
    expect(hi).toBeGreaterThan(-0.05);
    expect(hi).toBeLessThan(0);
  });

  it('a board that catches half the failures is, seed for seed, a release that fails half as often', () => {
    // A change that failed goes back through build and the board: the board screens it again
    // as a new change, at the same 0.5, never 0.25 for its second pass. 0.1 x 0.5 is 0.05
    // exactly in binary, so every failure draw falls on the same side in both: the measures
    // are equal, not merely close (a compounded board differs in a few seeds out of ten).
    const catching = edited(board, (d) => {
      node(d, 'change-board').failureReduction = 0.5;
    });
    const halved = edited(board, (d) => {
      node(d, 'release-pipeline').failure.probability = 0.05;
    });
    const a = runSeeds(catching, 10);
    const b = runSeeds(halved, 10);
    a.forEach((r, i) => {
      expect(r.delivery).toEqual(b[i].delivery);
    });
  });
});
