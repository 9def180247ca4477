import { describe, expect, it } from 'vitest';
import { parseScenario, sweep } from '../../src/index.ts';
import { SWEEP_METRICS, sweepLines, sweepParameters, sweepRequest } from '../../web/viewmodel/sweep-setup.ts';
import { presetDocument } from './presets-fixture.ts';

describe('the sandbox’s sweep', () => {
  it('offers each node’s load and capacity as parameters', () => {
    const parsed = parseScenario(presetDocument('token-ring'));
    if (!parsed.ok) throw new Error('invalid');
    const paths = sweepParameters(parsed.scenario).map((p) => p.path);
    expect(paths).toContain('utilization.developers');
    expect(paths).toContain('nodes.developers.capacity');
  });

  it('makes one routing axis and one swept axis, or says what is wrong', () => {
    expect(sweepRequest('utilization.x', '0.5:0.7:0.1', ['fixed', 'shortest-queue'])).toEqual({
      axes: [
        { path: 'routing', values: ['fixed', 'shortest-queue'] },
        { path: 'utilization.x', values: [0.5, 0.6, 0.7] },
      ],
      x: 'utilization.x',
    });
    expect(sweepRequest('utilization.x', '0.5', ['fixed'])).toBe('give at least two values to sweep');
    expect(sweepRequest('utilization.x', 'a,b', ['fixed'])).toBe('the swept values must be numbers');
    expect(sweepRequest('utilization.x', '0.5:0.7:0.1', [])).toBe('choose at least one routing strategy');
    expect(sweepRequest('utilization.x', '0.9:0.5:0.1', ['fixed'])).toMatch(/range must go up/);
  });

  it('shapes a sweep into one line per strategy with each point’s interval, and marks points that could not run', () => {
    const doc = { ...presetDocument('dynamic-network'), run: { duration: 300, warmup: 30, replications: 2 } };
    const request = sweepRequest('nodes.platform.capacity', '0,3', ['fixed', 'shortest-queue']);
    if (typeof request === 'string') throw new Error(request);
    const lines = sweepLines(sweep(doc, request.axes), request.x, SWEEP_METRICS['lead-time-mean']);
    expect(lines.map((l) => l.label)).toEqual(['fixed', 'shortest-queue']);
    for (const l of lines) {
      expect(l.failed).toEqual([{ x: 0, error: expect.stringMatching(/capacity/) }]);
      expect(l.points).toHaveLength(1);
      const [p] = l.points;
      expect(p.x).toBe(3);
      expect(p.lo).toBeLessThanOrEqual(p.y);
      expect(p.hi).toBeGreaterThanOrEqual(p.y);
    }
  });
});
