/**
 * The headline numbers above the charts: what a coach reads out first. Each comes with the
 * interval that says how sure the simulation is, and a line saying what it means. When the
 * verdict (src/report/verdict.ts) says the numbers are not the system's, the lead times
 * say over which items they are, and look twice.
 */

import type { SimulationResult } from '../../src/index.ts';
import {
  constraintPhrase,
  count,
  littlesLawOff,
  type Section,
  timesCaveat,
  unitName,
  type Verdict,
} from '../../src/report/index.ts';
import {
  formatDuration,
  formatInterval,
  formatNumber,
  formatPercent,
  formatRate,
  formatRelative,
  pluralUnit,
} from './format.ts';

export interface Headline {
  key: string;
  /** The part of the result it is, which places it in its loop of measurement. */
  section: Section;
  label: string;
  value: string;
  /** The 95% interval, or why there is none. */
  interval: string | null;
  note: string;
  /** 'warn' when the number should make someone look twice. */
  tone: 'plain' | 'warn';
}

export function headlines(r: SimulationResult, verdict?: Verdict): Headline[] {
  const u = r.timeUnit;
  const days = (x: number) => formatDuration(x, u);
  const little = r.littlesLaw;
  const littleOk = !littlesLawOff(little.relativeDifference);
  const caveat = verdict && timesCaveat(verdict);
  const timeTone = caveat ? 'warn' : 'plain';
  return [
    {
      key: 'lead-time-mean',
      section: 'lead-time',
      label: 'Mean lead time',
      value: days(r.leadTime.mean),
      interval: `95% interval ${formatInterval(r.leadTime.ci95, days)}`,
      note: caveat ?? 'from arrival to done, averaged over replications',
      tone: timeTone,
    },
    {
      key: 'lead-time-p85',
      section: 'lead-time',
      label: '85th percentile lead time',
      value: days(r.leadTime.p85),
      interval: `95% interval ${formatInterval(r.leadTime.p85ci95, days)}`,
      note: `${caveat ? `${caveat}; ` : ''}85% of items were done within this; p50 ${days(r.leadTime.p50)}, p95 ${days(r.leadTime.p95)}`,
      tone: timeTone,
    },
    {
      key: 'throughput',
      section: 'throughput',
      label: 'Throughput',
      value: formatRate(r.throughput, u),
      interval: `95% interval ${formatInterval(r.throughputCi95)}`,
      note: `items done per ${unitName(u, 1)}; ${formatNumber(r.completed)} items completed in all`,
      tone: 'plain',
    },
    {
      key: 'wip',
      section: 'wip',
      label: 'Work in progress',
      value: `${formatNumber(r.wip.mean)} items`,
      interval: `95% interval ${formatInterval(r.wip.ci95)}`,
      note: `time-average items in the system; at most ${formatNumber(r.wip.max)}`,
      tone: 'plain',
    },
    {
      key: 'flow-efficiency',
      section: 'flow-efficiency',
      label: 'Flow efficiency',
      value: formatPercent(r.flowEfficiency),
      interval: null,
      note: 'share of lead time an item is being worked on; the rest it waits',
      tone: r.flowEfficiency < 0.15 ? 'warn' : 'plain',
    },
    {
      key: 'littles-law',
      section: 'littles-law',
      label: 'Little’s law check',
      value: littleOk
        ? `holds (${signedPercent(little.relativeDifference)})`
        : `off by ${signedPercent(little.relativeDifference)}`,
      interval: null,
      note: `WIP ${formatNumber(little.wip)} against throughput × lead time ${formatNumber(little.throughputTimesLeadTime)} items (L = λW)`,
      tone: littleOk ? 'plain' : 'warn',
    },
  ];
}

function signedPercent(x: number): string {
  const text = formatRelative(x);
  return x < 0 ? `−${text}` : `+${text}`;
}

/**
 * A one-line summary of the run for the results header; with the verdict, it names the
 * constraint when items wait longest somewhere other than the busiest node.
 */
export function runSummary(r: SimulationResult, verdict?: Verdict): string {
  const reps = count(r.replications, 'replication');
  const c = verdict?.constraint;
  const constraint = c ? `; constraint ${constraintPhrase(c)}` : '';
  return `${r.scenario}: ${reps} of ${formatNumber(r.window.duration)} ${pluralUnit(r.timeUnit)} (warm-up ${formatNumber(r.window.warmup)}${r.window.warmupChosenBy === 'MSER-5' ? ', chosen by MSER-5' : ''}), seed ${r.seed}, ${r.routing} routing; bottleneck ${r.bottleneck}${constraint}.`;
}
