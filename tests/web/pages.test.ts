/**
 * Each results page builds its cards from the charts it lists, so a chart is one declaration:
 * its card's id, title, note and file name, beside its drawing.
 */
import { describe, expect, it } from 'vitest';
import { loopOf } from '../../src/report/loops.ts';
import {
  COMPARISON_CHARTS,
  HISTORY_CHARTS,
  HISTORY_FORECAST_CHARTS,
  REVEAL_CHARTS,
  RUN_CHARTS,
} from '../../web/charts/pages.ts';

describe('the charts each results page lists', () => {
  it.each([
    ['a run', RUN_CHARTS],
    ['a comparison', COMPARISON_CHARTS],
    ['a reveal', REVEAL_CHARTS],
    ["a team's history", HISTORY_CHARTS],
    ["a team's forecast in dates", HISTORY_FORECAST_CHARTS],
  ] as const)('%s: every card has its own id and file, a title and a note', (_, charts) => {
    expect(charts.length).toBeGreaterThan(0);
    expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
    expect(new Set(charts.map((c) => c.file)).size).toBe(charts.length);
    for (const c of charts) {
      expect(c.title, c.id).not.toBe('');
      expect(c.explain.length, c.id).toBeGreaterThan(40);
      expect(c.file, c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it("a run's charts each say what part of the result they show, which places them in a loop", () => {
    expect(RUN_CHARTS.map((c) => [c.id, loopOf(c.section)])).toEqual([
      ['chart-network', 'middle'],
      ['chart-utilisation', 'inner'],
      ['chart-histogram', 'outer'],
      ['chart-scatter', 'outer'],
      ['chart-aging', 'inner'],
      ['chart-throughput', 'outer'],
      ['chart-throughput-histogram', 'outer'],
      ['chart-cfd', 'middle'],
      ['chart-time-in-steps', 'middle'],
      ['chart-wip', 'inner'],
    ]);
  });

  it("a comparison's charts are placed as a run's are: its lead times, WIP and items done are outcomes", () => {
    expect(COMPARISON_CHARTS.map((c) => [c.id, loopOf(c.section)])).toEqual([
      ['compare-intervals', 'outer'],
      ['compare-overlay', 'outer'],
      ['compare-wip', 'outer'],
      ['compare-done', 'outer'],
    ]);
  });

  it('no two cards share an id: every page lives in one document', () => {
    const ids = [
      ...RUN_CHARTS,
      ...COMPARISON_CHARTS,
      ...REVEAL_CHARTS,
      ...HISTORY_CHARTS,
      ...HISTORY_FORECAST_CHARTS,
    ].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
