/**
 * The guards that make every run end in bounded memory (src/network/guards.ts). The
 * scenarios that trip them are ones the schema refuses, so they are built by changing a
 * validated scenario directly, as a library user could, and each run is driven in slices
 * with a budget of events: were a guard gone, the run would use up its budget unfinished
 * and the test would fail, instead of hanging.
 */
import { describe, expect, it } from 'vitest';
import { describeResult } from '../../src/cli/commands/run.ts';
import { decodeOutcome, encodeOutcome } from '../../src/experiment/outcome-codec.ts';
import { resultOf } from '../../src/experiment/replications.ts';
import { parseScenario } from '../../src/index.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import { CHECK_EVERY, MAX_WIP, STALL_EVENTS, STALL_SPAN } from '../../src/network/guards.ts';
import { Replication, type ReplicationOptions } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';
import { verdictOf } from '../../src/report/verdict.ts';

const exponential = (mean: number) => ({ dist: 'exponential' as const, mean });

/** A valid one-node scenario, then changed past what validation allows. */
function scenarioWith(change: (s: Scenario) => void, duration = 100): Scenario {
  const parsed = parseScenario({
    name: 'one team',
    run: { duration, seed: 1 },
    demand: [{ id: 'work', interarrival: exponential(1), steps: ['a'] }],
    nodes: [{ id: 'team', capacity: 2, serves: { a: exponential(1) } }],
  });
  if (!parsed.ok) throw new Error('the base scenario is valid');
  const scenario = structuredClone(parsed.scenario);
  change(scenario);
  return scenario;
}

/** Runs one replication in slices, giving up after `budget` events. */
function runWithin(scenario: Scenario, budget = 8 * STALL_EVENTS, options: ReplicationOptions = {}) {
  const replication = new Replication(scenario, compileTopology(scenario), 7, options);
  for (let spent = 0; spent < budget && !replication.advance(1 << 20); spent += 1 << 20);
  return replication;
}

describe('a run whose clock stops advancing stops as stalled, naming the place', () => {
  it('outages that last 0 and recur after 0: stopped after exactly STALL_EVENTS events at time 0', () => {
    const r = runWithin(
      scenarioWith((s) => {
        s.nodes[0].outages = { mtbf: 0, mttr: 0 };
      }),
    );
    expect(r.finished).toBe(true);
    const out = r.outcome();
    expect(out.stoppedBy).toBe('stalled');
    // The clock never left 0, so the count from the start reaches the limit at the check.
    expect(out.events).toBe(STALL_EVENTS);
    expect(out.stalled?.time).toBe(0);
    expect(out.stalled?.nodes).toEqual(['team']);
    expect(out.stalled?.detail).toMatch(/outages (starting|ending) at "team"/);
  });

  it('outages drawn from an exponential of mean 1e-300: the clock creeps, the run still stops', () => {
    const r = runWithin(
      scenarioWith((s) => {
        s.nodes[0].outages = { mtbf: exponential(1e-300), mttr: exponential(1e-300) };
      }),
    );
    expect(r.outcome().stoppedBy).toBe('stalled');
    expect(r.outcome().stalled?.time).toBeLessThan(1e-290);
    expect(r.outcome().stalled?.nodes).toEqual(['team']);
  });

  it('a service of 0 that always fails and is redone: stalled at the node doing it', () => {
    const r = runWithin(
      scenarioWith((s) => {
        s.nodes[0].serves = { a: 0 };
        s.nodes[0].failure = { probability: 1 } as never;
      }),
    );
    const out = r.outcome();
    expect(out.stoppedBy).toBe('stalled');
    expect(out.stalled?.nodes).toEqual(['team']);
    expect(out.stalled?.detail).toMatch(/ends of service at "team"/);
    // The first arrival comes at a positive time, and the clock stays there.
    expect(out.stalled?.time).toBeGreaterThan(0);
  });

  it('a gate that opens every 1e-9 over a duration of 100: events outrun the clock', () => {
    const r = runWithin(
      scenarioWith((s) => {
        s.nodes[0].schedule = { every: 1e-9, open: 5e-10, offset: 0, batch: false };
      }),
    );
    const out = r.outcome();
    expect(out.stoppedBy).toBe('stalled');
    expect(out.stalled?.detail).toMatch(/the gate (opening|closing) at "team"/);
    // It moved, but by less than STALL_SPAN of the duration over the last STALL_EVENTS events.
    expect(out.endTime).toBeGreaterThan(0);
    expect(out.endTime).toBeLessThan(100 * STALL_SPAN * (out.events / STALL_EVENTS));
  });

  it('stops at the same event and says the same, whatever slices the run is driven in', () => {
    const scenario = scenarioWith((s) => {
      s.nodes[0].serves = { a: 0 };
      s.nodes[0].failure = { probability: 1 } as never;
    });
    const whole = new Replication(scenario, compileTopology(scenario), 7);
    whole.advance();
    const sliced = new Replication(scenario, compileTopology(scenario), 7);
    let slices = 0;
    while (!sliced.advance(99_991) && slices++ < 1000);
    expect(sliced.outcome().stoppedBy).toBe('stalled');
    expect(JSON.stringify(encodeOutcome(sliced.outcome()))).toBe(
      JSON.stringify(encodeOutcome(whole.outcome())),
    );
  });

  it('the guard looks at the clock only every CHECK_EVERY events, and that divides STALL_EVENTS', () => {
    expect(STALL_EVENTS % CHECK_EVERY).toBe(0);
    expect(Number.isInteger(Math.log2(CHECK_EVERY))).toBe(true);
  });
});

describe('a run that holds too many items stops as overflow before memory runs out', () => {
  it('a Weibull interarrival of shape 0.01 and scale 1e-150 (a modest mean, gaps almost all near 0)', () => {
    const r = runWithin(
      scenarioWith((s) => {
        s.demand[0].interarrival = { dist: 'weibull', shape: 0.01, scale: 1e-150 };
      }),
    );
    const out = r.outcome();
    expect(out.stoppedBy).toBe('overflow');
    expect(out.inProgressAtEnd).toBe(MAX_WIP);
    // The item slots stop at the bound: memory is what MAX_WIP items take, not more.
    expect(r.items.highWater).toBe(MAX_WIP);
    expect(out.overflow?.nodes).toEqual(['team']);
    expect(out.overflow?.detail).toMatch(/2,097,152 items in the system/);
  });

  it('a lognormal interarrival of cv 1e100, with a smaller bound given to the replication', () => {
    const r = runWithin(
      scenarioWith((s) => {
        s.demand[0].interarrival = { dist: 'lognormal', mean: 1, cv: 1e100 };
      }),
      STALL_EVENTS,
      { maxWip: 5000 },
    );
    expect(r.outcome().stoppedBy).toBe('overflow');
    expect(r.outcome().inProgressAtEnd).toBe(5000);
  });

  it('the CONWIP backlog counts: items waiting to be let in are items held', () => {
    const r = runWithin(
      scenarioWith((s) => {
        s.demand[0].interarrival = exponential(0.01);
        s.wipLimit = 3;
      }),
      STALL_EVENTS,
      { maxWip: 1000 },
    );
    expect(r.outcome().stoppedBy).toBe('overflow');
    expect(r.outcome().overflow?.detail).toMatch(/997 in the backlog/);
  });
});

describe('the stop reasons reach the result, and survive a trip through a worker or a shard', () => {
  const stalling = scenarioWith((s) => {
    s.nodes[0].outages = { mtbf: 0, mttr: 0 };
    s.run.replications = 2;
  });
  const outcomes = [0, 1].map(() => runWithin(stalling).outcome());

  it('the result says stalled, where, and warns', () => {
    const result = resultOf(stalling, outcomes);
    expect(result.stoppedBy).toBe('stalled');
    expect(result.stalled).toMatchObject({ replication: 0, time: 0, nodes: ['team'] });
    expect(result.runs.map((r) => r.stoppedBy)).toEqual(['stalled', 'stalled']);
    expect(result.warnings.join('\n')).toMatch(/stalled in replication 0 at time 0: .* outages/);
  });

  it('the CLI and the sandbox say first, plainly, how it stopped and where', () => {
    const result = resultOf(stalling, outcomes);
    const verdict = verdictOf(result, undefined);
    expect(verdict.status).toBe('stopped: stalled');
    expect(verdict.alerts[0].text).toMatch(/^The run stalled at time 0: .* \(at team\)/);
    expect(describeResult(result)).toMatch(/STOPPED: stalled/);
  });

  it('an overflow is said as plainly, with the count and the nodes', () => {
    const piling = scenarioWith((s) => {
      s.demand[0].interarrival = exponential(0.001);
    });
    const outcome = runWithin(piling, STALL_EVENTS, { maxWip: 300 }).outcome();
    const result = resultOf(piling, [outcome]);
    expect(result.stoppedBy).toBe('overflow');
    expect(result.overflow?.nodes).toEqual(['team']);
    expect(verdictOf(result, undefined).alerts[0].text).toMatch(
      /^The run was stopped at time .* holding more items at once than a run may \(300\), most at team/,
    );
    expect(describeResult(result)).toMatch(/STOPPED: too many items in the system/);
    expect(result.warnings.join('\n')).toMatch(/too much work in replication 0 .* 300 items in the system/);
  });

  it('the outcome codec carries the reason and the place exactly', () => {
    const back = outcomes.map((o) => decodeOutcome(JSON.parse(JSON.stringify(encodeOutcome(o)))));
    expect(JSON.stringify(resultOf(stalling, back))).toBe(JSON.stringify(resultOf(stalling, outcomes)));
    expect(back[0].stalled).toEqual(outcomes[0].stalled);
  });
});
