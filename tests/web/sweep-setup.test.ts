import { describe, expect, it } from 'vitest';
import { parseScenario, sweep } from '../../src/index.ts';
import { setPath } from '../../src/model/overrides.ts';
import { SWEEP_METRICS, sweepLines, sweepParameters, sweepRequest } from '../../web/viewmodel/sweep-setup.ts';
import { PRESETS, presetDocument } from './presets-fixture.ts';

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

/** Every number in a JSON value, by its place. */
function numbers(value: unknown, at = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') out.set(at, value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) numbers(v, `${at}/${k}`, out);
  return out;
}

describe('sweeping any number of a scenario', () => {
  it.each(PRESETS.map((p) => p.id))(
    '%s: each parameter names one number the scenario sets, and its first range is a valid sweep',
    (id) => {
      const doc = presetDocument(id);
      const parsed = parseScenario(doc);
      if (!parsed.ok) throw new Error('invalid');
      const parameters = sweepParameters(parsed.scenario, doc);
      const before = numbers(doc);
      const swept = parameters.filter((p) => !p.path.startsWith('utilization.'));
      // Every number the scenario sets outside `run`, but an empirical distribution's samples.
      const expected = [...before.keys()].filter((k) => !k.startsWith('/run/') && !/\/values\/\d+$/.test(k));
      expect(swept).toHaveLength(expected.length);
      for (const p of swept) {
        const set = setPath(structuredClone(doc), p.path, 123456.5);
        if (typeof set === 'string') throw new Error(`${p.path}: ${set}`);
        const after = numbers(set.value);
        expect([...after.keys()], p.path).toEqual([...before.keys()]);
        const changed = [...after].filter(([k, v]) => before.get(k) !== v);
        expect(changed, p.path).toEqual([[expect.any(String), 123456.5]]);
        expect(typeof sweepRequest(p.path, p.values, ['fixed']), `${p.path}=${p.values}`).toBe('object');
      }
      expect(new Set(parameters.map((p) => p.label)).size, 'labels tell parameters apart').toBe(
        parameters.length,
      );
    },
  );

  it('names parameters after the scenario’s own nodes, classes of work and steps', () => {
    const doc = presetDocument('reliability-routing');
    const parsed = parseScenario(doc);
    if (!parsed.ok) throw new Error('invalid');
    const labels = new Map(sweepParameters(parsed.scenario, doc).map((p) => [p.path, p.label]));
    expect(labels.get('nodes.team-east.failure.probability')).toBe('team-east: failure probability');
    expect(labels.get('nodes.team-east.outages.mttr.mean')).toBe('team-east: outage length (mean)');
    expect(labels.get('demand.feature.interarrival.mean')).toBe('feature: time between arrivals (mean)');
    expect(labels.get('nodes.reviewers.serves.review.mean')).toBe('reviewers: service time of review (mean)');
  });

  it('reaches ids and steps with dots or spaces, and ids that read as numbers by their place', () => {
    const doc = {
      name: 'odd names',
      run: { duration: 100 },
      demand: [{ id: 'a.b', interarrival: 2, steps: ['code review'] }],
      nodes: [{ id: '7', capacity: 2, serves: { 'code review': 1 } }],
    };
    const parsed = parseScenario(doc);
    if (!parsed.ok) throw new Error('invalid');
    const paths = sweepParameters(parsed.scenario, doc).map((p) => p.path);
    expect(paths).toEqual([
      'utilization.7',
      'nodes.0.capacity',
      'demand["a.b"].interarrival',
      'nodes.0.serves["code review"]',
    ]);
    for (const path of paths.slice(1)) expect(typeof setPath(structuredClone(doc), path, 3)).toBe('object');
  });
});
