/**
 * Every lean mechanism declares what it needs of the engine (src/network/mechanisms.ts), and
 * the engine's fast paths follow from those declarations. A need a mechanism leaves out is
 * checked to be one the engine does not have: the run must be the same, to the last bit, as
 * when the engine assumes every need on every node (no plain node, every node listing its
 * work in service, routing looking past unavailable nodes).
 */
import { describe, expect, it } from 'vitest';
import { demandMechanisms, nodeMechanisms, scenarioMechanisms } from '../../src/model/mechanism-fields.ts';
import { parseScenario } from '../../src/model/parse.ts';
import {
  DEMAND_MECHANISMS,
  NEED_NAMES,
  type NeedName,
  NODE_MECHANISMS,
  SCENARIO_MECHANISMS,
} from '../../src/network/mechanisms.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

/**
 * A small network with the mechanism under test switched on: a first step at one team, a
 * second step that random routing shares between two, and a class of urgent work beside
 * the standard one. Each mechanism sits on `one`, a node of the shared step, where routing
 * around it, pausing it or interrupting it shows in the numbers.
 */
type Doc = {
  demand: Record<string, unknown>[];
  nodes: Record<string, unknown>[];
  [field: string]: unknown;
};
function network(on: (doc: Doc) => void): Doc {
  const doc: Doc = {
    name: 'needs',
    run: { duration: 300, seed: 3 },
    routing: 'random',
    demand: [
      { id: 'standard', interarrival: exponential(1.2), steps: ['a', 'b'] },
      { id: 'urgent', interarrival: exponential(4), steps: ['a', 'b'] },
    ],
    nodes: [
      { id: 'first', capacity: 2, serves: { a: exponential(1.2) } },
      { id: 'one', capacity: 1, serves: { b: exponential(1.5) } },
      { id: 'other', capacity: 1, serves: { b: exponential(1.5) } },
    ],
  };
  on(doc);
  return doc;
}

const one = (doc: Doc) => doc.nodes[1];

/** Each mechanism the schema knows, switched on in the network above. */
const SWITCHED_ON: Record<string, (doc: Doc) => void> = {
  'node wipLimit': (doc) => {
    one(doc).wipLimit = 1;
  },
  'node batch': (doc) => {
    one(doc).batch = { size: 3, timeout: 2 };
    one(doc).capacity = 2;
  },
  'node failure': (doc) => {
    one(doc).failure = { probability: 0.2 };
  },
  'node outages': (doc) => {
    one(doc).outages = { mtbf: exponential(15), mttr: exponential(3) };
  },
  'node schedule': (doc) => {
    one(doc).schedule = { every: 4, open: 3 };
  },
  'node capacitySchedule': (doc) => {
    one(doc).capacitySchedule = [
      { from: 50, capacity: 0 },
      { from: 80, capacity: 2 },
    ];
  },
  'node multitasking': (doc) => {
    one(doc).multitasking = { switchCost: 0.2 };
  },
  'node discipline': (doc) => {
    one(doc).discipline = 'sjf';
    one(doc).serves = { b: exponential(1.5), c: exponential(0.4) };
    doc.nodes[2].serves = { b: exponential(1.5), c: exponential(0.4) };
    doc.demand[1].steps = ['a', 'c'];
  },
  'node capacityCost': (doc) => {
    one(doc).capacityCost = { perServer: 3, perItem: 0.5 };
  },
  'demand costOfDelay': (doc) => {
    doc.demand[1].costOfDelay = { profile: 'fixed-date', deadline: 4, penalty: 10, rate: 2 };
    one(doc).discipline = 'edd';
  },
  'node failureReduction': (doc) => {
    one(doc).kind = 'gate';
    one(doc).failureReduction = 0.5;
    doc.nodes[2].failure = { probability: 0.3 };
  },
  'demand value': (doc) => {
    doc.demand[0].value = { dist: 'uniform', min: 1, max: 9 };
  },
  'node blocker': (doc) => {
    one(doc).blocker = { probability: 0.3, time: exponential(2), policy: 'aside' };
  },
  'demand priority': (doc) => {
    doc.demand[1].priority = 1;
  },
  'demand schedule': (doc) => {
    doc.demand[0].schedule = [{ from: 150, interarrival: exponential(0.9) }];
  },
  'demand whenFull': (doc) => {
    doc.demand[1].whenFull = 'reject';
    one(doc).wipLimit = 1;
    doc.nodes[0].wipLimit = 2;
    doc.nodes[0].capacity = 1;
    doc.nodes[0].serves = { a: exponential(0.9), b: exponential(1.5) };
  },
  // A parallel step: the shared step b beside a step c at the first node, joined after both.
  'demand steps': (doc) => {
    doc.demand[0].steps = ['a', { all: ['b', 'c'] }];
    doc.nodes[0].serves = { a: exponential(1.2), c: exponential(0.8) };
  },
  'scenario wipLimit': (doc) => {
    doc.wipLimit = 3;
  },
  'scenario handoff': (doc) => {
    doc.handoff = exponential(0.3);
  },
  'scenario affinity': (doc) => {
    doc.affinity = true;
    doc.nodes[0].serves = { a: exponential(1.2), b: exponential(1.5) };
  },
  'scenario release': (doc) => {
    doc.release = 'b';
    one(doc).failure = { probability: 0.2 };
    one(doc).outages = { mtbf: exponential(15), mttr: exponential(3) };
  },
  'scenario preemption': (doc) => {
    doc.preemption = true;
    doc.demand[1].priority = 1;
  },
};

const DECLARED = {
  node: NODE_MECHANISMS,
  demand: DEMAND_MECHANISMS,
  scenario: SCENARIO_MECHANISMS,
} as const;
const mechanisms = Object.entries(DECLARED).flatMap(([where, table]) =>
  Object.entries(table).map(([field, mechanism]) => ({ name: `${where} ${field}`, needs: mechanism.needs })),
);

/** One replication of the network with `mechanism` on, as a string of its whole outcome. */
function run(mechanism: string, assume?: 'every need'): string {
  const parsed = parseScenario(network(SWITCHED_ON[mechanism]));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const scenario = parsed.scenario;
  // Whether a network runs through the fused plain loop is settled when its replication is
  // made, so assuming every need starts it on the general loop.
  const replication = new Replication(scenario, compileTopology(scenario), 1, {
    generalLoop: assume === 'every need',
  });
  const rules = replication.rules;
  if (assume === 'every need') {
    // What each need switches in the engine (rules.ts); an error here means a need was added.
    const assumed: Record<NeedName, () => void> = {
      serviceUnits: () => rules.plain.fill(0),
      listsServing: () => rules.listsServing.fill(1),
      unavailable: () => {
        rules.nodesCanBeUnavailable = true;
      },
      holdsWork: () => {
        rules.holdsWork = true;
        expect(replication.plainLoop).toBe(false);
      },
    };
    for (const need of NEED_NAMES) assumed[need]();
  }
  try {
    replication.advance(2_000_000);
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
  const out = replication.outcome();
  expect(out.completed).toBeGreaterThan(50);
  return JSON.stringify(out);
}

describe('what each lean mechanism needs of the engine', () => {
  it('every mechanism the schema knows has a descriptor, and no descriptor lacks a field', () => {
    expect(Object.keys(NODE_MECHANISMS).sort()).toEqual(Object.keys(nodeMechanisms).sort());
    // `steps` is no optional field, but its parallel steps are a mechanism of their own.
    expect(Object.keys(DEMAND_MECHANISMS).sort()).toEqual([...Object.keys(demandMechanisms), 'steps'].sort());
    expect(Object.keys(SCENARIO_MECHANISMS).sort()).toEqual(Object.keys(scenarioMechanisms).sort());
    for (const { name, needs } of mechanisms) {
      expect(Object.keys(needs).sort(), name).toEqual([...NEED_NAMES].sort());
      expect(
        Object.values(needs).every((v) => typeof v === 'boolean'),
        name,
      ).toBe(true);
    }
    expect(Object.keys(SWITCHED_ON).sort()).toEqual(mechanisms.map((m) => m.name).sort());
  });

  it.each(mechanisms)('$name: a need it does not declare is one the engine does not have', ({ name }) => {
    expect(run(name, 'every need')).toBe(run(name));
  });
});
