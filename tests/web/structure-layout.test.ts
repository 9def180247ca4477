import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/index.ts';
import { structureDescription } from '../../web/charts/network.ts';
import { structureLayout } from '../../web/viewmodel/chart-data/network-layout.ts';
import { structureRoutes } from '../../web/viewmodel/chart-data/structure-routes.ts';

function scenario(doc: unknown): Scenario {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

const pipeline = (nodes: unknown[], steps = ['build', 'test']) => ({
  name: 'Pipeline',
  run: { duration: 100, seed: 1 },
  demand: [{ id: 'feature', interarrival: 1, steps }],
  nodes: nodes.map((n) => ({ capacity: 1, ...(n as object) })) as unknown[],
});

const routes = (s: Scenario) => structureRoutes(s).map((e) => `${e.from}>${e.to} ${e.kind}`);

describe('the structure drawn while editing', () => {
  it('a chain of steps is a line of routes from arrivals to done', () => {
    const s = scenario(
      pipeline([
        { id: 'builders', serves: { build: 0.5 } },
        { id: 'testers', serves: { test: 0.5 } },
      ]),
    );
    expect(routes(s)).toEqual(['arrival>builders step', 'builders>testers step', 'testers>done step']);
  });

  it('a step served by two nodes gives two routes into it and two out of it', () => {
    const s = scenario(
      pipeline([
        { id: 'builders', serves: { build: 0.5 } },
        { id: 'team-a', serves: { test: 0.5 } },
        { id: 'team-b', serves: { test: 0.5 } },
      ]),
    );
    expect(routes(s)).toEqual([
      'arrival>builders step',
      'builders>team-a step',
      'builders>team-b step',
      'team-a>done step',
      'team-b>done step',
    ]);
  });

  it('a renamed node is laid out and described under its new name', () => {
    const before = pipeline([
      { id: 'builders', serves: { build: 0.5 } },
      { id: 'testers', serves: { test: 0.5 } },
    ]);
    const after = structuredClone(before);
    after.nodes[1] = { capacity: 1, id: 'quality', serves: { test: 0.5 } };
    const layout = structureLayout(scenario(after));
    expect(layout.nodes.map((n) => n.id)).toEqual(['builders', 'quality']);
    expect(layout.edges.map((e) => `${e.from}>${e.to}`)).toContain('builders>quality');
    expect(structureDescription(layout)).toContain('quality (team) serves test');
    expect(structureDescription(layout)).not.toContain('testers');
  });

  it('a failure that reworks an earlier step routes back to the nodes that serve it', () => {
    const s = scenario(
      pipeline([
        { id: 'builders', serves: { build: 0.5 } },
        { id: 'testers', serves: { test: 0.5 }, failure: { probability: 0.2, reworkTo: 'build' } },
      ]),
    );
    expect(routes(s)).toContain('testers>builders rework');
  });

  it('a failure with no reworkTo goes round its own step again', () => {
    const s = scenario(
      pipeline([
        { id: 'builders', serves: { build: 0.5 } },
        { id: 'testers', serves: { test: 0.5 }, failure: { probability: 0.2 } },
      ]),
    );
    expect(routes(s)).toContain('testers>testers rework');
  });

  it('a parallel step forks out to the nodes of each branch and joins on from each of them', () => {
    const s = scenario(
      pipeline(
        [
          { id: 'builders', serves: { build: 0.5 } },
          { id: 'web', serves: { frontend: 0.5 }, failure: { probability: 0.1 } },
          { id: 'api', serves: { backend: 0.5 } },
          { id: 'testers', serves: { test: 0.5 } },
        ],
        ['build', { all: ['frontend', 'backend'] }, 'test'] as never,
      ),
    );
    expect(routes(s)).toEqual([
      'arrival>builders step',
      'builders>web step',
      'builders>api step',
      'web>testers step',
      'api>testers step',
      'web>web rework',
      'testers>done step',
    ]);
    // Both branches' nodes share the parallel step's column.
    const layout = structureLayout(s);
    const x = (id: string) => layout.nodes.find((n) => n.id === id)!.x;
    expect(x('web')).toBe(x('api'));
    expect(x('builders')).toBeLessThan(x('web'));
    expect(x('web')).toBeLessThan(x('testers'));
  });

  it('an escalation routes to the people who take it, and from them on to the next step', () => {
    const s = scenario(
      pipeline(
        [
          {
            id: 'agent',
            kind: 'agent',
            serves: { code: 0.2 },
            failure: { probability: 0.3, escalateTo: 'review' },
          },
          { id: 'seniors', serves: { review: 0.5 } },
          { id: 'testers', serves: { test: 0.5 } },
        ],
        ['code', 'test'],
      ),
    );
    expect(routes(s)).toContain('agent>seniors escalation');
    expect(routes(s)).toContain('seniors>testers escalation');
    expect(routes(s)).toContain('agent>testers step');
  });

  it('the layout places nodes as the results chart does, with no measures', () => {
    const s = scenario(
      pipeline([
        { id: 'builders', serves: { build: 0.5 } },
        { id: 'testers', serves: { test: 0.5 } },
      ]),
    );
    const layout = structureLayout(s);
    expect(layout.nodes.map((n) => [n.id, n.column, n.utilization, n.bottleneck])).toEqual([
      ['builders', 1, 0, false],
      ['testers', 2, 0, false],
    ]);
    expect(structureDescription(layout)).toBe(
      'Work arrives at builders. builders (team) serves build, then testers. testers (team) serves test, then done.',
    );
  });
});
