/**
 * Parallel steps in a class of work (`{ "all": [...] }`): what the schema accepts, and the
 * message and path a coach gets for what it does not.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/parse.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

const withSteps = (steps: unknown[], failure?: Record<string, unknown>) => ({
  name: 'parallel',
  run: { duration: 100 },
  demand: [{ id: 'feature', interarrival: exponential(2), steps }],
  nodes: [
    { id: 'product', capacity: 1, serves: { plan: exponential(1), release: exponential(0.2) } },
    { id: 'web', capacity: 1, serves: { frontend: exponential(1) }, ...(failure && { failure }) },
    { id: 'api', capacity: 1, serves: { backend: exponential(1) } },
  ],
});

function problemsOf(input: unknown) {
  const outcome = parseScenario(input);
  if (outcome.ok) throw new Error('expected the scenario to be rejected');
  return outcome.problems.map((p) => ({ path: p.path, message: p.message }));
}

describe('parallel steps', () => {
  it('a step may be a set of capabilities worked on in parallel, beside ordinary steps', () => {
    const outcome = parseScenario(withSteps(['plan', { all: ['frontend', 'backend'] }, 'release']));
    expect(outcome.ok && outcome.scenario.demand[0].steps).toEqual([
      'plan',
      { all: ['frontend', 'backend'] },
      'release',
    ]);
  });

  it('a branch no node serves is named at its place in the parallel step', () => {
    expect(problemsOf(withSteps(['plan', { all: ['frontend', 'platform'] }]))).toEqual([
      {
        path: 'demand[0] (feature).steps[1].all[1]',
        message: 'no node serves "platform" (nodes serve: plan, release, frontend, backend)',
      },
    ]);
  });

  it('a parallel step does not nest: a branch is one capability', () => {
    const [problem] = problemsOf(withSteps([{ all: ['frontend', { all: ['backend', 'plan'] }] }]));
    expect(problem.path).toBe('demand[0] (feature).steps[0]');
    expect(problem.message).toMatch(/each branch of a parallel step must be one capability name/);
    const [list] = problemsOf(withSteps([{ all: ['frontend', ['backend', 'plan']] }]));
    expect(list.message).toMatch(/cannot hold another "all" or a list of steps/);
  });

  it('a parallel step names at least two different capabilities, and nothing else', () => {
    expect(problemsOf(withSteps([{ all: ['frontend'] }]))).toEqual([
      {
        path: 'demand[0] (feature).steps[0].all',
        message: 'all must name at least two capabilities (one is an ordinary step)',
      },
    ]);
    expect(problemsOf(withSteps([{ all: ['frontend', 'frontend'] }]))).toEqual([
      {
        path: 'demand[0] (feature).steps[0].all[1]',
        message: '"frontend" is named twice in one parallel step; each branch must be a different capability',
      },
    ]);
    expect(problemsOf(withSteps([{ any: ['frontend', 'backend'] }]))[0].message).toMatch(
      /a step must be a capability name, e.g. "build", or a parallel step/,
    );
    expect(problemsOf(withSteps([{ all: ['frontend', 'backend'], next: 'plan' }]))[0].path).toBe(
      'demand[0] (feature).steps[0]',
    );
  });

  it('rework cannot send a part back past its fork', () => {
    const [problem] = problemsOf(
      withSteps(['plan', { all: ['frontend', 'backend'] }], { probability: 0.1, reworkTo: 'plan' }),
    );
    expect(problem.path).toBe('nodes[1] (web).failure.reworkTo');
    expect(problem.message).toMatch(/cannot send work back from "frontend", a branch of a parallel step/);
    // Without reworkTo, failed work in a branch is done again there.
    expect(
      parseScenario(withSteps(['plan', { all: ['frontend', 'backend'] }], { probability: 0.1 })).ok,
    ).toBe(true);
  });
});
