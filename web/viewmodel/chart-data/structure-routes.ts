/**
 * The routes work can take through a scenario, read from its structure alone: from arrivals to
 * every node that serves a class's first step, from every node serving a step to every node
 * serving the next, and from the last step to done. A failure adds a route back to the nodes
 * of the step it reworks (this step again, by default) or across to the nodes that take its
 * escalations, and from those on to the next step, since escalated work carries on. A
 * parallel step's stage is every node serving any of its branches: work forks out to them
 * and joins on from each.
 */
import { type Scenario, stepCapabilities } from '../../../src/index.ts';

export type RouteKind = 'step' | 'rework' | 'escalation';

/** A route as the network chart draws it: one item's width, since nothing has moved yet. */
export interface Route {
  from: string;
  to: string;
  items: number;
  perReplication: number;
  kind: RouteKind;
}

export function structureRoutes(scenario: Scenario): Route[] {
  const servers = (capability: string) =>
    scenario.nodes.filter((n) => Object.hasOwn(n.serves, capability)).map((n) => n.id);
  const routes = new Map<string, Route>();
  const add = (from: string, to: string, kind: RouteKind) => {
    const key = `${from}>${to}`;
    // A route that is also a step onward is drawn as one, so one line never hides another.
    if (!routes.has(key) || kind === 'step') routes.set(key, { from, to, items: 1, perReplication: 0, kind });
  };
  for (const d of scenario.demand) {
    const stages = d.steps.map((step) => [...new Set(stepCapabilities(step).flatMap(servers))]);
    d.steps.forEach((step, j) => {
      const here = stages[j];
      const next = j + 1 < stages.length ? stages[j + 1] : ['done'];
      for (const from of j === 0 ? ['arrival'] : []) for (const to of here) add(from, to, 'step');
      for (const from of here) for (const to of next) add(from, to, 'step');
      for (const id of here) {
        const failure = scenario.nodes.find((n) => n.id === id)?.failure;
        if (!failure) continue;
        if (failure.escalateTo !== undefined) {
          for (const to of servers(failure.escalateTo)) {
            add(id, to, 'escalation');
            for (const onward of next) add(to, onward, 'escalation');
          }
        } else {
          // Work failed in a branch is done again in that branch.
          const again = stepCapabilities(step).filter((cap) =>
            Object.hasOwn(scenario.nodes.find((n) => n.id === id)!.serves, cap),
          );
          for (const to of failure.reworkTo !== undefined
            ? servers(failure.reworkTo)
            : again.flatMap(servers))
            add(id, to, 'rework');
        }
      }
    });
  }
  return [...routes.values()];
}
