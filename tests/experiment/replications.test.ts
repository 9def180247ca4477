import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeOutcome, encodeOutcome } from '../../src/experiment/outcome-codec.ts';
import { resultOf, runnableScenario, runReplication } from '../../src/experiment/replications.ts';
import { simulate } from '../../src/index.ts';

const preset = (file: string) => JSON.parse(readFileSync(`scenarios/${file}`, 'utf8'));
const small = (doc: { run: object }) => ({
  ...doc,
  run: { ...doc.run, duration: 400, warmup: 50, replications: 4 },
});

describe('replications as independent jobs', () => {
  it.each(['token-ring.json', 'dynamic-network.json', 'batch-release.json', 'outages-routing.json'])(
    '%s: folding separately run replications gives the same bytes as simulate()',
    (file) => {
      const doc = small(preset(file));
      const scenario = runnableScenario(doc);
      // Run in reverse order: a replication depends on its index alone.
      const outcomes = [3, 2, 1, 0].map((i) => runReplication(scenario, i)).reverse();
      expect(JSON.stringify(resultOf(scenario, outcomes))).toBe(JSON.stringify(simulate(doc)));
    },
  );

  it('survive JSON exactly: an outcome written and read back folds to the same bytes', () => {
    const doc = small(preset('demand-surge.json'));
    const scenario = runnableScenario(doc);
    const outcomes = [0, 1, 2, 3].map((i) => runReplication(scenario, i));
    const travelled = outcomes.map((o) => decodeOutcome(JSON.parse(JSON.stringify(encodeOutcome(o)))));
    expect(JSON.stringify(resultOf(scenario, travelled))).toBe(JSON.stringify(resultOf(scenario, outcomes)));
  });

  it('keep infinities, NaN and negative zero through JSON', () => {
    const scenario = runnableScenario(small(preset('token-ring.json')));
    const outcome = runReplication(scenario, 0);
    outcome.nodes.busyArea[0] = Number.POSITIVE_INFINITY;
    outcome.nodes.queueArea[1] = Number.NaN;
    outcome.nodes.waitTotal[2] = -0;
    const back = decodeOutcome(JSON.parse(JSON.stringify(encodeOutcome(outcome))));
    expect(back.nodes.busyArea[0]).toBe(Number.POSITIVE_INFINITY);
    expect(back.nodes.queueArea[1]).toBeNaN();
    expect(Object.is(back.nodes.waitTotal[2], -0)).toBe(true);
    expect(back.leadTime.mean).toBe(outcome.leadTime.mean);
  });

  it('refuse what is not an outcome', () => {
    expect(() => decodeOutcome({ encoded: 'something else' } as never)).toThrow(/not an outcome/);
  });
});
