/** Small, quick runs of the presets, shared by the chart-data and export tests. */
import { type SimulationResult, simulate } from '../../src/index.ts';
import { presetDocument } from './presets-fixture.ts';

const cache = new Map<string, SimulationResult>();

export function quickDocument(id: string): Record<string, unknown> {
  return { ...presetDocument(id), run: { duration: 300, warmup: 30, seed: 7, replications: 3 } };
}

export function quickResult(id: string): SimulationResult {
  let r = cache.get(id);
  if (!r) {
    r = simulate(quickDocument(id));
    cache.set(id, r);
  }
  return r;
}
