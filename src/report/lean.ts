/**
 * What a result says about the lean mechanisms at work: rework and escalations, a batch's
 * blast radius, handoffs, arrivals turned away, the backlog before commitment, outages and
 * the age of work left in progress. Each is said only when its mechanism left a trace, so a
 * plain network's report stays short. The terminal and the page say each in its loop of
 * measurement (loops.ts: turned-away arrivals are an outcome, handoffs and rework happen
 * across teams, age and outages at a node), in the same words.
 */
import type { SimulationResult } from '../experiment/result.ts';
import type { Section } from './loops.ts';
import { number, percent, time } from './numbers.ts';

export interface LeanFinding {
  /** Also the part of the result it is (loops.ts), which places it in its loop. */
  key: Extract<
    Section,
    'rework' | 'blast-radius' | 'handoffs' | 'rejected' | 'backlog' | 'outages' | 'work-item-age'
  >;
  /** "rework", "work-item age". */
  label: string;
  /** "0.25 per item, escalations 0 per item, first time right 80%". */
  text: string;
}

export function leanFindings(r: SimulationResult): LeanFinding[] {
  const found: LeanFinding[] = [];
  if (r.reworkRate > 0 || r.escalationRate > 0)
    found.push({
      key: 'rework',
      label: 'rework',
      text: `${number(r.reworkRate)} per item, escalations ${number(r.escalationRate)} per item, first time right ${percent(r.firstTimeRight)}`,
    });
  // Item-scope failures send back exactly one item each; the margin is for rounding only.
  if (r.reworkPerFailure > 1.0001)
    found.push({
      key: 'blast-radius',
      label: 'blast radius',
      text: `${number(r.reworkPerFailure)} items sent back per failed item (batch-scope failures)`,
    });
  if (r.handoffsPerItem > 0)
    found.push({ key: 'handoffs', label: 'handoffs', text: `${number(r.handoffsPerItem)} per item` });
  if (r.rejected > 0)
    found.push({
      key: 'rejected',
      label: 'rejected',
      // Per replication, as the economics' line of the same work turned away says it.
      text: `${number(r.rejected / r.replications)} arrivals per replication (${percent(r.rejectionRate)} of all arrivals) found their first node full`,
    });
  if (r.backlog.mean > 0)
    found.push({
      key: 'backlog',
      label: 'backlog',
      text: `${number(r.backlog.mean)} items waiting before commitment on average`,
    });
  if (r.timeLostToOutages > 0)
    found.push({
      key: 'outages',
      label: 'outages',
      text: `${time(r.timeLostToOutages, r.timeUnit)} of node time lost per replication`,
    });
  if (r.workItemAge.count > 0)
    found.push({
      key: 'work-item-age',
      label: 'work-item age',
      text: `${number(r.workItemAge.count)} items in progress when arrivals stopped, aged: p50 ${time(r.workItemAge.p50, r.timeUnit)}, p85 ${time(r.workItemAge.p85, r.timeUnit)}, oldest ${time(r.workItemAge.max, r.timeUnit)}`,
    });
  return found;
}
