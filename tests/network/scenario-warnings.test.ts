/**
 * What a scenario will do that a coach may not expect: WSJF with dated work. WSJF ranks by
 * the cost of delay per time unit as an item joins, which for fixed-date work is 0 before its
 * deadline, whatever its penalty, so the results and validate warn and suggest edd.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { parseScenario } from '../../src/model/parse.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import { nodeLoads } from '../../src/network/load.ts';
import { scenarioWarnings } from '../../src/network/scenario-warnings.ts';

/** A team serving a dated class (a release with a 100000 penalty) and a costly standard one. */
const team = (discipline: string, datedStep = 'release') => ({
  name: 'dated work',
  run: { duration: 4000, warmup: 100, seed: 1, replications: 4 },
  demand: [
    {
      id: 'launch',
      interarrival: 10,
      steps: [datedStep],
      costOfDelay: { profile: 'fixed-date', deadline: 3, penalty: 100_000 },
    },
    {
      id: 'feature',
      interarrival: { dist: 'exponential', mean: 2 },
      steps: ['build'],
      costOfDelay: { profile: 'standard', rate: 1 },
    },
  ],
  nodes: [
    {
      id: 'devs',
      capacity: 1,
      discipline,
      serves: { build: { dist: 'exponential', mean: 1.5 }, release: 1 },
    },
    { id: 'ops', capacity: 1, serves: { deploy: 1 } },
  ],
});

function warningsOf(doc: unknown): string[] {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const scenario: Scenario = parsed.scenario;
  return scenarioWarnings(scenario, nodeLoads(scenario));
}

const wsjfWarning =
  'node "devs" orders its queue by wsjf, which ranks an item by its cost of delay per time unit as it joins: ' +
  'dated work ("launch", fixed-date) costs nothing per time unit before its deadline and counts no penalty, ' +
  'so it waits behind all work that costs now and may miss its date; to serve by due date choose edd';

describe('a wsjf node serving fixed-date work', () => {
  it('is warned about, naming the node and the dated classes, and edd suggested', () => {
    expect(warningsOf(team('wsjf'))).toEqual([wsjfWarning]);
  });

  it('the warning is in the result, where the sandbox and run show warnings', () => {
    expect(simulate(team('wsjf')).warnings).toContain(wsjfWarning);
  });

  it('and the warning is right: the dated work waits behind the standard work and misses its date', () => {
    // Features keep devs 75% busy (an M/M/1 queue with a launch every 10). Under wsjf a launch
    // waits for every feature queued ahead of it and after it (mean wait of some 5, past its
    // deadline of 3); under edd only for the one in service. Seeds 1-3 give 0.65-0.71 late
    // against 0.19-0.21: over 1,500 launches a run, a binomial standard error of about 0.015,
    // so a gap of 0.3 is some 15 of them away from failing.
    const run = (discipline: string) => simulate(team(discipline)).economics!;
    const wsjf = run('wsjf');
    const edd = run('edd');
    expect(wsjf.dueDates!.shareLate - edd.dueDates!.shareLate).toBeGreaterThan(0.3);
    expect(wsjf.costOfDelay.total).toBeGreaterThan(2 * edd.costOfDelay.total);
  });

  it('is not warned about under edd, nor where the wsjf node serves no dated class', () => {
    expect(warningsOf(team('edd'))).toEqual([]);
    expect(warningsOf(team('wsjf', 'deploy'))).toEqual([]);
  });
});
