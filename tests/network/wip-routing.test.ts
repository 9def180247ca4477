/**
 * Routed cross-functional teams with WIP limits: an item that finishes one step at a full
 * team holds its own place there, so it can stay for its next step. (Counted against its
 * own team's limit, it was routed to another full team and blocked there; two such teams
 * then blocked each other within a few time units.) The story, and its relatives under
 * every dynamic strategy and with the other mechanisms on.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { parseScenario } from '../../src/model/parse.ts';
import { ROUTING_STRATEGIES } from '../../src/model/scenario.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

const DYNAMIC = ROUTING_STRATEGIES.filter((s) => s !== 'fixed');

type Fields = Record<string, unknown>;

/**
 * Two teams, each 2 people with a WIP limit of 3, both doing steps a and b, about 89% busy,
 * in two shapes: the same two teams and one order of work (the case as it was reported),
 * and teams each quicker at one step with work coming in both orders (a then b, b then a),
 * which the strategies that weigh expected work also used to route into a circle.
 */
function twoFullTeams(routing: string, team: Fields = {}, scenario: Fields = {}) {
  const node = (id: string, a: number, b: number) => ({
    id,
    capacity: 2,
    wipLimit: 3,
    serves: { a: exponential(a), b: exponential(b) },
    ...team,
  });
  const base = { run: { duration: 200, seed: 1, replications: 3 }, routing };
  return [
    {
      name: 'two equal teams at their WIP limits',
      ...base,
      demand: [{ id: 'feature', interarrival: exponential(0.28), steps: ['a', 'b'] }],
      nodes: [node('red', 0.5, 0.5), node('blue', 0.5, 0.5)],
      ...scenario,
    },
    {
      name: 'two teams quicker at one step each, work in both orders',
      ...base,
      demand: [
        { id: 'feature', interarrival: exponential(0.56), steps: ['a', 'b'] },
        { id: 'fix', interarrival: exponential(0.56), steps: ['b', 'a'] },
      ],
      nodes: [node('red', 0.3, 0.7), node('blue', 0.7, 0.3)],
      ...scenario,
    },
  ];
}

/** Every replication drained, and no finished item ever waited at a team for room elsewhere. */
function expectFlowsWithoutBlocking(scenario: Fields) {
  const result = simulate(scenario);
  expect(result.deadlock?.detail, scenario.name as string).toBeUndefined();
  expect(result.runs.map((r) => r.stoppedBy)).toEqual(result.runs.map(() => 'drained'));
  // Each team serves every step, so an item never has to leave one to go on: nothing blocks.
  expect(result.nodes.red.blocked).toBe(0);
  expect(result.nodes.blue.blocked).toBe(0);
  return result;
}

describe('an item at a full team holds its own place there', () => {
  it.each(DYNAMIC.flatMap((routing) => [false, true].map((affinity) => [routing, affinity] as const)))(
    'two full teams never deadlock under %s routing (affinity %s)',
    (routing, affinity) => {
      for (const scenario of twoFullTeams(routing, {}, { affinity })) {
        const result = expectFlowsWithoutBlocking(scenario);
        // Arrivals do wait for room before either team: the limits bite.
        expect(result.leadTime.mean).toBeGreaterThan(result.cycleTime.mean);
      }
    },
  );

  const relatives: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['with a handoff delay between teams', {}, { handoff: exponential(0.05) }],
    ['with batches of two (or one after a short wait)', { batch: { size: 2, timeout: 0.3 } }, {}],
    ['when the teams work only in meetings (gates)', { schedule: { every: 1, open: 0.9 } }, {}],
    ['when the teams go down now and then', { outages: { mtbf: exponential(20), mttr: exponential(1) } }, {}],
    ['when a failed step is redone at the full team', { failure: { probability: 0.2 } }, {}],
    [
      'when failed work is escalated to a step the team also does',
      { failure: { probability: 0.1, escalateTo: 'b' } },
      {},
    ],
    ['under a system WIP limit as well (CONWIP)', {}, { wipLimit: 6 }],
    ['when the teams multitask', { multitasking: { switchCost: 0.1 } }, {}],
    [
      'when their capacity drops for a while',
      {
        capacitySchedule: [
          { from: 50, capacity: 1 },
          { from: 100, capacity: 2 },
        ],
      },
      {},
    ],
    [
      'with an expedite class that preempts',
      {},
      {
        preemption: true,
        demand: [
          { id: 'feature', interarrival: exponential(0.4), steps: ['a', 'b'] },
          { id: 'fix', interarrival: exponential(1.5), steps: ['b', 'a'] },
          { id: 'expedite', interarrival: exponential(2), steps: ['a', 'b'], priority: 1 },
        ],
      },
    ],
  ];
  it.each(
    DYNAMIC.flatMap((routing) =>
      relatives.map(([story, team, scenario]) => [story, routing, team, scenario] as const),
    ),
  )('never deadlock %s, under %s routing', (_story, routing, team, scenario) => {
    for (const each of twoFullTeams(routing, team, scenario)) expectFlowsWithoutBlocking(each);
  });

  it('an item whose own team has no servers just now waits there rather than block at a full team', () => {
    // Red is out of people for a while; blue is full. Work finishing at red (its servers
    // finish what they hold) waits at red for its next step, not at red's door for blue.
    const [equalTeams] = twoFullTeams(
      'shortest-queue',
      {},
      {
        nodes: [
          {
            id: 'red',
            capacity: 2,
            wipLimit: 3,
            capacitySchedule: [
              { from: 20, capacity: 0 },
              { from: 30, capacity: 2 },
            ],
            serves: { a: exponential(0.5), b: exponential(0.5) },
          },
          { id: 'blue', capacity: 2, wipLimit: 3, serves: { a: exponential(0.5), b: exponential(0.5) } },
        ],
      },
    );
    expectFlowsWithoutBlocking(equalTeams);
  });
});

describe('work waiting for room at a full node takes room wherever its step is served', () => {
  it('a team that opens takes the work that was waiting for its full neighbour', () => {
    // Red takes the first review (50 long); blue meets only from time 10. The second item,
    // finished at build at 2.5 when neither could take it, was sent (round-robin) to wait
    // for red. When blue opens it takes that item at once, not after red's 50.
    const parsed = parseScenario({
      name: 'a neighbour opens',
      run: { duration: 4, seed: 1 },
      routing: 'round-robin',
      demand: [{ id: 'feature', interarrival: 1, steps: ['build', 'review'] }],
      nodes: [
        { id: 'builders', capacity: 1, wipLimit: 1, serves: { build: 0.5 } },
        { id: 'red', capacity: 1, wipLimit: 1, serves: { review: 50 } },
        {
          id: 'blue',
          capacity: 1,
          wipLimit: 1,
          schedule: { every: 1000, open: 990, offset: 10 },
          serves: { review: 1 },
        },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const scenario = parsed.scenario;
    const starts: string[] = [];
    new Replication(scenario, compileTopology(scenario), 1, {
      trace: (event, time, item, node) => {
        if (event === 'start') starts.push(`${scenario.nodes[node].id} ${time} item ${item}`);
      },
    }).advance();
    expect(starts.filter((s) => !s.startsWith('builders'))).toEqual([
      'red 1.5 item 0',
      'blue 10 item 1',
      'blue 11 item 2',
    ]);
  });
});
