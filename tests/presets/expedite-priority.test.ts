import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/index.ts';
import { edited, interval, paired, preset, runSeeds } from './paired.ts';

const withPriority = preset('expedite-priority.json');
const firstComeFirstServed = edited(withPriority, (d) => {
  for (const demand of d.demand) delete demand.priority;
});
const leadTimeOf = (id: string) => (r: SimulationResult) => r.classes[id].leadTime.mean;

describe('an expedite class with priority (expedite-priority.json)', () => {
  const fifo = runSeeds(firstComeFirstServed, 20);
  const priority = runSeeds(withPriority, 20);

  it('expedite items get short lead times', () => {
    const [, hi] = interval(paired(fifo, priority, leadTimeOf('expedite')));
    expect(hi).toBeLessThan(0);
    // Shorter than standard items' in the same runs, too.
    for (const r of priority) expect(leadTimeOf('expedite')(r)).toBeLessThan(leadTimeOf('standard')(r));
  });

  it('while standard items’ lead time rises', () => {
    const [lo] = interval(paired(fifo, priority, leadTimeOf('standard')));
    expect(lo).toBeGreaterThan(0);
  });
});
