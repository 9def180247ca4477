/**
 * One replication of a fitted scenario, written as the history it would have left in the
 * tracker: the same stages, each item's wait in a step's queue stage and its work in the step,
 * over the history's own period, with what was unfinished at its end in progress. The charts
 * of the history and of the model are then drawn by the same functions (flow-charts.ts).
 */
import { replicationSeed } from '../engine/random.ts';
import { runnableScenario } from '../experiment/replications.ts';
import { Replication } from '../network/simulation.ts';
import { compileTopology } from '../network/topology.ts';
import type { Fit } from './fit.ts';
import type { History, HistoryItem, Visit } from './history.ts';

/** Events between looks at the clock: the run stops soon after the period ends. */
const SLICE = 10_000;

export function simulatedHistory(fit: Fit, replication = 0): History {
  const scenario = runnableScenario(fit.scenario);
  const topology = compileTopology(scenario);
  const { start, days } = fit.report;
  const end = scenario.run.duration;
  // A step's queue stage, when the history has one: the model's wait shows there; without
  // one the history's time in the stage held the wait, and so does the model's.
  const queueOf = new Map(fit.report.steps.map((s) => [s.stage, s.queue[0]]));
  const classType = new Map(fit.report.classes.map((c) => [c.id, c.type || c.id]));
  const open = new Map<number, { item: HistoryItem; since: number }>();
  const items: HistoryItem[] = [];
  let count = 0;
  const run = new Replication(scenario, topology, replicationSeed(scenario.run.seed, replication), {
    trace: (event, time, slot, _node, capability) => {
      if (time > end) return;
      if (event === 'arrive') {
        const type = classType.get(topology.classIds[run.items.demandClass[slot]]) ?? '';
        const item: HistoryItem = { id: `model-${++count}`, type, line: 0, visits: [], doneAt: null };
        items.push(item);
        open.set(slot, { item, since: time });
      } else if (event === 'start') {
        const state = open.get(slot);
        if (!state) return;
        const stage = topology.capabilities[capability];
        const queue = queueOf.get(stage);
        if (queue !== undefined) {
          state.item.visits.push(visit(queue, state.since, time, start));
          state.since = time;
        }
        state.item.visits.push({ stage, enteredAt: start + state.since, exitedAt: null });
      } else if (event === 'finish') {
        const state = open.get(slot);
        const last = state?.item.visits.at(-1);
        if (!state || !last) return;
        last.exitedAt = start + time;
        state.since = time;
      } else if (event === 'complete') {
        const state = open.get(slot);
        if (!state) return;
        state.item.doneAt = start + time;
        open.delete(slot);
      }
    },
  });
  while (!run.advance(SLICE) && run.now <= end) {}
  // Items waiting when the period ended are in the queue stage of the step they wait for.
  for (const [slot, { item, since }] of open) {
    if (item.visits.at(-1)?.exitedAt === null) continue;
    const stage = topology.capabilities[run.items.capability[slot]];
    item.visits.push({ stage: queueOf.get(stage) ?? stage, enteredAt: start + since, exitedAt: null });
  }
  return {
    format: 'event log',
    stages: fit.report.stages.map((s) => s.name),
    doneStage: fit.report.stages.find((s) => s.role === 'done')?.name ?? null,
    items,
    dateOnly: false,
    ignoredColumns: [],
    notes: [],
    start,
    end: start + days,
  };
}

function visit(stage: string, from: number, to: number, start: number): Visit {
  return { stage, enteredAt: start + from, exitedAt: start + to };
}
