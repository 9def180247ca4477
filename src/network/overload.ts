/**
 * Nodes that cannot keep up, in words: the one text that `validate`, `run` (before it
 * starts) and every result's warnings give, so they never disagree.
 */
import type { Scenario } from '../model/scenario.ts';
import { unitName } from '../model/time-unit.ts';
import type { NodeLoad } from './load.ts';

/** One warning per node offered 100% or more of its capacity, in any phase of the run. */
export function overloadWarnings(scenario: Scenario, loads: readonly NodeLoad[]): string[] {
  // A full node that turns every class away cannot build a queue; any other overloaded
  // node builds one, in front of itself or (with a WIP limit) upstream of it.
  const allReject = scenario.demand.every((d) => d.whenFull === 'reject');
  return loads.flatMap((l, n) =>
    l.load >= 1 && !(allReject && scenario.nodes[n].wipLimit !== undefined)
      ? [overloadWarning(l, scenario.timeUnit)]
      : [],
  );
}

export function overloadWarning(l: NodeLoad, timeUnit: string): string {
  const offered = Number.isFinite(l.load) ? `${pct(l.load)} of its capacity` : 'more than it can ever do';
  const unit = unitName(timeUnit, 1);
  const when = l.window ? ` between ${unit} ${time(l.window.from)} and ${unit} ${time(l.window.to)}` : '';
  const estimate = l.exact ? '' : ` (an estimate: ${l.estimateReason})`;
  const consequence = l.window
    ? 'its queue grows for as long as that lasts, and lead times with it'
    : 'its queue grows without bound, so lead times depend on how long the run is, not on the system';
  return `node "${l.id}" is offered ${offered}${when}${estimate}: ${consequence}`;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(0)}%`;
}

function time(x: number): string {
  return String(Number(x.toPrecision(6)));
}
