/**
 * What a scenario will do that a coach may not expect, in words: the one list that `validate`,
 * `run` (before it starts) and every result's warnings give, so they never disagree.
 */

import type { Scenario } from '../model/scenario.ts';
import { stepCapabilities } from '../model/step.ts';
import type { NodeLoad } from './load.ts';
import { overloadWarnings } from './overload.ts';

export function scenarioWarnings(scenario: Scenario, loads: readonly NodeLoad[]): string[] {
  return [...overloadWarnings(scenario, loads), ...datedWorkUnderWsjf(scenario)];
}

/**
 * WSJF ranks an item by its cost of delay per time unit as it joins the queue. A fixed-date
 * item costs nothing per time unit before its deadline (and after it only its rate: a penalty
 * is paid once, not per time unit), so WSJF puts it behind all work that costs now, however
 * large its penalty: one warning per node that orders by wsjf and serves a dated class.
 */
function datedWorkUnderWsjf(scenario: Scenario): string[] {
  const dated = scenario.demand.filter((d) => d.costOfDelay?.profile === 'fixed-date');
  if (dated.length === 0) return [];
  return scenario.nodes.flatMap((node) => {
    if (node.discipline !== 'wsjf') return [];
    const served = dated.filter((d) => servedBy(scenario, d.steps.flatMap(stepCapabilities), node.serves));
    if (served.length === 0) return [];
    const classes = served.map((d) => `"${d.id}"`).join(', ');
    return [
      `node "${node.id}" orders its queue by wsjf, which ranks an item by its cost of delay per time unit as it joins: ` +
        `dated work (${classes}, fixed-date) costs nothing per time unit before its deadline and counts no penalty, ` +
        'so it waits behind all work that costs now and may miss its date; to serve by due date choose edd',
    ];
  });
}

/** Whether a node serving `serves` takes any step of a class with these capabilities, escalations included. */
function servedBy(scenario: Scenario, capabilities: string[], serves: Record<string, unknown>): boolean {
  const escalations = scenario.nodes.flatMap((n) =>
    n.failure?.escalateTo !== undefined && capabilities.some((c) => Object.hasOwn(n.serves, c))
      ? [n.failure.escalateTo]
      : [],
  );
  return [...capabilities, ...escalations].some((c) => Object.hasOwn(serves, c));
}
