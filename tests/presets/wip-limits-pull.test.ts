import { describe, expect, it } from 'vitest';
import { edited, interval, paired, preset, runSeeds } from './paired.ts';

const pull = preset('wip-limits-pull.json');
const pushed = (doc: typeof pull) =>
  edited(doc, (d) => {
    delete d.wipLimit;
  });
const withoutSwitching = (doc: typeof pull) =>
  edited(doc, (d) => {
    for (const n of d.nodes) delete n.multitasking;
  });

describe('WIP limits and pull (wip-limits-pull.json)', () => {
  it('cut mean cycle time, commitment to done, against the same system pushed, at the same throughput', () => {
    const a = runSeeds(withoutSwitching(pull), 20);
    const b = runSeeds(withoutSwitching(pushed(pull)), 20);
    // Pushed, every request is committed on arrival and waits inside the process.
    const [lo] = interval(
      paired(a, b, (r) => r.cycleTime.mean),
      true,
    );
    expect(lo).toBeGreaterThan(0);
    // Throughput: the whole 95% interval of the relative difference within 5%.
    const [tlo, thi] = interval(
      paired(a, b, (r) => r.throughput),
      true,
    );
    expect(tlo).toBeGreaterThan(-0.05);
    expect(thi).toBeLessThan(0.05);
  });

  it('with a context-switching cost, cut lead time from arrival as well', () => {
    const a = runSeeds(pull, 20);
    const b = runSeeds(pushed(pull), 20);
    const [lo] = interval(
      paired(a, b, (r) => r.leadTime.mean),
      true,
    );
    expect(lo).toBeGreaterThan(0);
    // The pulled system keeps its backlog: that is where the wait went.
    expect(a.every((r) => r.backlog.mean > 0)).toBe(true);
    expect(b.every((r) => r.backlog.mean === 0)).toBe(true);
  });
});
