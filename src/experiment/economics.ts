/**
 * The economics of a result, folded over replications: cost of delay (in all and per
 * class), cost of capacity (per node), value delivered, and due-date performance.
 *
 * Totals are per replication, over the observation window: the items that arrived in
 * [warmup, duration] (each with its whole cost of delay, however long after the window it
 * was done) and the capacity the nodes had in that window. Divided by the window's length
 * they are rates per time unit, comparable between runs of different lengths; over a long
 * run the cost of delay per time unit tends to sum over classes of arrival rate x mean cost.
 */
import { ci95, meanOf } from '../metrics/confidence.ts';
import { distributionMean } from '../model/distribution.ts';
import type { Scenario } from '../model/scenario.ts';
import type { EconomicsOutcome } from '../network/economics.ts';
import type { ReplicationOutcome } from '../network/outcome.ts';
import type { Topology } from '../network/topology.ts';
import type { EconomicsResult } from './result.ts';

const total = (values: Float64Array) => values.reduce((s, x) => s + x, 0);

/** Cost of node n's capacity over the window in one replication (scenario `capacityCost`). */
function capacityCostOf(scenario: Scenario, o: ReplicationOutcome, n: number): number {
  const cost = scenario.nodes[n].capacityCost;
  if (!cost) return 0;
  return (
    (cost.perServer ?? 0) * o.nodes.capacityArea[n] +
    (cost.perTime ?? 0) * o.window +
    (cost.perItem ?? 0) * o.nodes.served[n]
  );
}

/** The result's economics, or undefined when the scenario says nothing about money. */
export function economicsOf(
  scenario: Scenario,
  topology: Topology,
  outcomes: readonly ReplicationOutcome[],
): EconomicsResult | undefined {
  const money = outcomes.map((o) => o.economics).filter((e): e is EconomicsOutcome => e !== undefined);
  if (money.length !== outcomes.length || outcomes.length === 0) return undefined;
  const window = scenario.run.duration - scenario.run.warmup;
  const reps = outcomes.length;
  const delay = money.map((e) => total(e.costOfDelay));
  const capacity = outcomes.map((o) =>
    topology.nodeIds.reduce((s, _, n) => s + capacityCostOf(scenario, o, n), 0),
  );
  const costs = delay.map((d, i) => d + capacity[i]);
  const value = money.map((e) => total(e.value));
  const completed = outcomes.reduce((s, o) => s + o.completed, 0);
  const classes: EconomicsResult['costOfDelay']['classes'] = {};
  topology.classIds.forEach((id, c) => {
    const done = outcomes.reduce(
      (s, o) => s + (topology.classIds.length === 1 ? o.leadTime.count : o.classes[c].leadTime.count),
      0,
    );
    const incurred = money.reduce((s, e) => s + e.costOfDelay[c], 0);
    classes[id] = {
      total: incurred / reps,
      perItem: done > 0 ? incurred / done : 0,
      value: money.reduce((s, e) => s + e.value[c], 0) / reps,
    };
  });
  const nodes: Record<string, number> = {};
  topology.nodeIds.forEach((id, n) => {
    if (scenario.nodes[n].capacityCost)
      nodes[id] = outcomes.reduce((s, o) => s + capacityCostOf(scenario, o, n), 0) / reps;
  });
  const dated = money.reduce((s, e) => s + e.dated, 0);
  const late = money.reduce((s, e) => s + e.late, 0);
  const delayMean = meanOf(delay);
  return {
    costOfDelay: {
      total: delayMean,
      ci95: ci95(delay),
      perTimeUnit: delayMean / window,
      perItem: completed > 0 ? delay.reduce((s, x) => s + x, 0) / completed : 0,
      classes,
    },
    capacityCost: {
      total: meanOf(capacity),
      ci95: ci95(capacity),
      perTimeUnit: meanOf(capacity) / window,
      nodes,
    },
    totalCost: { total: meanOf(costs), ci95: ci95(costs), perTimeUnit: meanOf(costs) / window },
    value: {
      delivered: meanOf(value),
      ci95: ci95(value),
      late: money.reduce((s, e) => s + e.valueLate, 0) / reps,
    },
    ...(scenario.demand.some((d) => d.costOfDelay?.profile === 'fixed-date')
      ? {
          dueDates: {
            items: dated / reps,
            shareLate: dated > 0 ? late / dated : 0,
            meanLateness: late > 0 ? money.reduce((s, e) => s + e.lateness, 0) / late : 0,
          },
        }
      : {}),
    ...turnedAwayOf(scenario, topology, outcomes, money),
    runs: { costOfDelay: delay, capacityCost: capacity, totalCost: costs, value },
  };
}

/**
 * The work turned away at a full first node, which the totals leave out: none of it is done,
 * so it costs no delay and delivers no value, and a variant that turns work away can look
 * cheaper than one that does it. Its value is not drawn (that would take draws from the
 * value streams the work done uses): each class's mean value per item times the items it
 * turned away is its expected value, an estimate. Absent when nothing was turned away, so a
 * result without rejections is unchanged.
 */
function turnedAwayOf(
  scenario: Scenario,
  topology: Topology,
  outcomes: readonly ReplicationOutcome[],
  money: readonly EconomicsOutcome[],
): Pick<EconomicsResult, 'turnedAway'> {
  const reps = outcomes.length;
  const classes: NonNullable<EconomicsResult['turnedAway']>['classes'] = {};
  let items = 0;
  let value: number | undefined;
  topology.classIds.forEach((id, c) => {
    const turned = money.reduce((s, e) => s + e.turnedAway[c], 0);
    if (turned === 0) return;
    items += turned;
    const perItem = scenario.demand[c].value;
    if (perItem === undefined) classes[id] = { items: turned / reps };
    else {
      const worth = (distributionMean(perItem) * turned) / reps;
      classes[id] = { items: turned / reps, value: worth };
      value = (value ?? 0) + worth;
    }
  });
  if (items === 0) return {};
  const arrived = outcomes.reduce((s, o) => s + o.arrived, 0);
  return {
    turnedAway: {
      items: items / reps,
      share: arrived > 0 ? items / arrived : 0,
      ...(value === undefined ? {} : { value }),
      classes,
    },
  };
}
