import { describe, expect, it } from 'vitest';
import { describeResult } from '../../src/cli/commands/run.ts';
import { parseScenario, simulate } from '../../src/index.ts';

describe("run's lines on delivery performance", () => {
  const pipeline = (release: Record<string, unknown>, more: Record<string, unknown> = {}) =>
    simulate({
      name: 'by hand',
      run: { duration: 100, warmup: 10 },
      ...more,
      demand: [{ id: 'change', interarrival: 1, steps: ['build', 'release'] }],
      nodes: [
        { id: 'dev', capacity: 1, serves: { build: 0.5 } },
        { id: 'pipeline', kind: 'service', capacity: 1, serves: { release: 0.25 }, ...release },
        { id: 'on-call', capacity: 10, serves: { fix: 2 } },
      ],
    });
  const delivery = (text: string) =>
    text.split('\n').filter((l) => /^(deployment|lead time for|change failure|time to restore)/.test(l));

  it("say DORA's four measures under the flow metrics, with the release named", () => {
    const r = pipeline({ failure: { probability: 1, escalateTo: 'fix' } }, { release: 'release' });
    // Released at k + 0.75 for arrivals k = 1, 2, ...: 10.75 to 99.75 in the window, each
    // failing and fixed two days later.
    expect(delivery(describeResult(r))).toEqual([
      'deployment frequency   1 per day (90 deployments of "release" per replication)',
      'lead time for changes  2.75 days from commitment to released',
      'change failure rate    100% of deployments failed',
      'time to restore        2 days over 90 incidents per replication (failed releases and outages)',
    ]);
  });

  it('say nothing of them without a release step, and --json has no delivery', () => {
    const r = pipeline({});
    expect(delivery(describeResult(r))).toEqual([]);
    expect('delivery' in r).toBe(false);
  });
});

describe('a release or failureReduction that cannot be', () => {
  const problems = (edit: (doc: Record<string, unknown>) => void) => {
    const doc: Record<string, unknown> = {
      name: 'bad',
      run: { duration: 10 },
      demand: [{ id: 'change', interarrival: 1, steps: ['build', 'release'] }],
      nodes: [
        { id: 'dev', capacity: 1, serves: { build: 0.5 } },
        { id: 'pipeline', capacity: 1, serves: { release: 0.25 } },
      ],
    };
    edit(doc);
    const parsed = parseScenario(doc);
    return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('names the path and the rule', () => {
    expect(problems((d) => (d.release = 'deploy'))).toEqual([
      'release: no class of work has a step "deploy" (steps: build, release); release names the step that puts a change into production',
    ]);
    expect(
      problems((d) => {
        (d.nodes as Record<string, unknown>[])[0].failureReduction = 0.5;
      }),
    ).toEqual([
      'nodes[0] (dev).failureReduction: failureReduction belongs on an approval (a node of kind "gate"); this node is a team',
    ]);
    expect(
      problems((d) => {
        (d.nodes as Record<string, unknown>[])[0].failureReduction = 2;
      }),
    ).toContain('nodes[0] (dev).failureReduction: failureReduction must be between 0 and 1');
  });
});
