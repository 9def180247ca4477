/**
 * What a result says about money, line by line: each node's share of the cost of capacity sits
 * under the cost of capacity, as each class's share of the cost of delay sits under that.
 */
import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/index.ts';
import { economicsLines } from '../../src/report/index.ts';
import { quickResult } from '../web/results-fixture.ts';

/** The WSJF preset's result with the cost of capacity of two nodes, made by hand. */
function withCapacity(nodes: Record<string, number>): SimulationResult {
  const r = quickResult('wsjf-cost-of-delay');
  if (!r.economics) throw new Error('the WSJF preset has economics');
  const total = Object.values(nodes).reduce((s, x) => s + x, 0);
  return {
    ...r,
    economics: {
      ...r.economics,
      capacityCost: { total, ci95: [total - 10, total + 10], perTimeUnit: total / 270, nodes },
    },
  };
}

describe('the economics lines', () => {
  it('say each node’s cost of capacity and its share, under the cost of capacity', () => {
    const lines = economicsLines(withCapacity({ 'review-team': 3000, agent: 1000 }));
    const at = lines.findIndex((l) => l.key === 'capacity');
    expect(lines[at]).toEqual({
      key: 'capacity',
      label: 'cost of capacity',
      part: false,
      text: '4,000 ± 10 per replication (14.8 per day)',
    });
    expect(lines.slice(at + 1, at + 3)).toEqual([
      { key: 'node', label: 'review-team', part: true, text: '3,000 (75% of it)' },
      { key: 'node', label: 'agent', part: true, text: '1,000 (25% of it)' },
    ]);
    expect(lines[at + 3].key).toBe('total');
  });

  it('name a node that costs nothing yet no share of nothing', () => {
    const lines = economicsLines(withCapacity({ 'review-team': 0 }));
    expect(lines.find((l) => l.key === 'node')).toEqual({
      key: 'node',
      label: 'review-team',
      part: true,
      text: '0',
    });
  });

  it('say no node where no node has a cost of capacity', () => {
    expect(economicsLines(withCapacity({})).some((l) => l.key === 'node')).toBe(false);
  });

  it('mark only the shares of a line as parts of it', () => {
    const lines = economicsLines(quickResult('wsjf-cost-of-delay'));
    expect(lines.filter((l) => l.part).map((l) => l.key)).toEqual(['class', 'class', 'class', 'node']);
  });
});
