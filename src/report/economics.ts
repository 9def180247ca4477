/**
 * What a result says about money: the cost of delay (in all, per time unit and per item,
 * and per class of work), the cost of capacity (in all and per node), their sum, the value delivered, and how
 * work with a due date fared. Said only when the scenario has economics. The terminal
 * prints these lines under the flow metrics; the page's economics card shows the same
 * words.
 *
 * Work turned away at a full first node is said first, when there was any: the cost of delay
 * and the value count only work done, so without it a system that turns work away reads as
 * cheaper than one that does the work.
 */
import type { EconomicsResult, SimulationResult } from '../experiment/result.ts';
import { count, number, percent, time, unitName, withInterval } from './numbers.ts';
import { TURNED_AWAY } from './turned-away.ts';

export interface EconomicsLine {
  key:
    | 'turned-away'
    | 'turned-away-class'
    | 'cost-of-delay'
    | 'class'
    | 'capacity'
    | 'node'
    | 'total'
    | 'value'
    | 'due-dates';
  /** "cost of delay", or a class of work's id or a node's for its share. */
  label: string;
  /**
   * A share of the line above it: a class's of the work turned away or of the cost of delay, a
   * node's of the cost of capacity.
   */
  part: boolean;
  /** "12,300 ± 410 per replication (6.83 per day, 4.1 per item)". */
  text: string;
}

/**
 * The lines about money. `sayNoneTurnedAway` says "none" where no work was turned away, for a
 * comparison in which another variant turned some away; alone, a run says nothing of it then.
 */
export function economicsLines(r: SimulationResult, sayNoneTurnedAway = false): EconomicsLine[] {
  const e = r.economics;
  if (!e) return [];
  const per = `per ${unitName(r.timeUnit, 1)}`;
  const lines: EconomicsLine[] = [
    ...turnedAwayLines(r, sayNoneTurnedAway),
    {
      key: 'cost-of-delay',
      label: 'cost of delay',
      part: false,
      text: `${withInterval(e.costOfDelay.total, e.costOfDelay.ci95)} per replication (${number(e.costOfDelay.perTimeUnit)} ${per}, ${number(e.costOfDelay.perItem)} per item)`,
    },
  ];
  const classes = Object.entries(e.costOfDelay.classes);
  if (classes.length > 1)
    for (const [id, c] of classes)
      lines.push({
        key: 'class',
        label: id,
        part: true,
        text: `cost of delay ${number(c.total)} (${number(c.perItem)} per item)${c.value > 0 ? `, value ${number(c.value)}` : ''}`,
      });
  lines.push({
    key: 'capacity',
    label: 'cost of capacity',
    part: false,
    text: `${withInterval(e.capacityCost.total, e.capacityCost.ci95)} per replication (${number(e.capacityCost.perTimeUnit)} ${per})`,
  });
  // Each node that has a cost, even one alone: it says who the money is paid for.
  for (const [id, cost] of Object.entries(e.capacityCost.nodes))
    lines.push({
      key: 'node',
      label: id,
      part: true,
      text: `${number(cost)}${e.capacityCost.total > 0 ? ` (${percent(cost / e.capacityCost.total)} of it)` : ''}`,
    });
  lines.push(
    {
      key: 'total',
      label: 'total cost',
      part: false,
      text: `${withInterval(e.totalCost.total, e.totalCost.ci95)} per replication (${number(e.totalCost.perTimeUnit)} ${per})`,
    },
    {
      key: 'value',
      label: 'value delivered',
      part: false,
      text: `${withInterval(e.value.delivered, e.value.ci95)} per replication${e.value.late > 0 ? `, ${number(e.value.late)} of it late` : ''}`,
    },
  );
  if (e.dueDates)
    lines.push({
      key: 'due-dates',
      label: 'due dates',
      part: false,
      text:
        `${percent(e.dueDates.shareLate)} of ${number(e.dueDates.items)} items with a due date were late` +
        (e.dueDates.shareLate > 0 ? `, by ${time(e.dueDates.meanLateness, r.timeUnit)} on average` : ''),
    });
  return lines;
}

/** Said where nothing was turned away, beside a variant that turned work away. */
const NONE_TURNED_AWAY = 'none';

/**
 * "120 items per replication (12% of arrivals), worth about 6,000 (an estimate from the mean
 * value per item); the cost of delay and value below count only the work done", then each
 * class's part when the scenario has several.
 */
function turnedAwayLines(r: SimulationResult, sayNone: boolean): EconomicsLine[] {
  const e = r.economics;
  const t = e?.turnedAway;
  if (!e || !t)
    return sayNone ? [{ key: 'turned-away', label: TURNED_AWAY, part: false, text: NONE_TURNED_AWAY }] : [];
  const worth = (value: number | undefined) => (value === undefined ? '' : `, worth about ${number(value)}`);
  const lines: EconomicsLine[] = [
    {
      key: 'turned-away',
      label: TURNED_AWAY,
      part: false,
      text:
        `${count(t.items, 'item')} per replication (${percent(t.share)} of arrivals)${worth(t.value)}` +
        `${t.value === undefined ? '' : ' (an estimate from the mean value per item)'}` +
        leftOut(e),
    },
  ];
  if (Object.keys(e.costOfDelay.classes).length > 1)
    for (const [id, c] of Object.entries(t.classes))
      lines.push({
        key: 'turned-away-class',
        label: id,
        part: true,
        text: `${count(c.items, 'item')}${worth(c.value)}`,
      });
  return lines;
}

/**
 * "; the cost of delay and value below count only the work done", naming only the money the
 * scenario has that work turned away would have changed: a cost of delay is above 0 wherever
 * work with one arrived, a value wherever work with one was done or turned away. A cost of
 * capacity is paid whether the work is done or not, so where it is the only money nothing is
 * said.
 */
function leftOut(e: EconomicsResult): string {
  const delay = e.costOfDelay.total > 0;
  const value = e.value.delivered > 0 || e.turnedAway?.value !== undefined;
  if (delay && value) return '; the cost of delay and value below count only the work done';
  if (delay) return '; the cost of delay below counts only the work done';
  if (value) return '; the value below counts only the work done';
  return '';
}
