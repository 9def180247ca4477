/**
 * What a result says about delivery performance: DORA's four measures, read at the
 * scenario's release step (experiment/delivery.ts defines them). Said only when the scenario
 * names its release. The terminal prints these lines under the flow metrics; the page shows
 * the same words.
 */
import type { SimulationResult } from '../experiment/result.ts';
import { number, percent, unitName, withInterval } from './numbers.ts';

export interface DeliveryLine {
  key: 'deployment-frequency' | 'lead-time-for-changes' | 'change-failure-rate' | 'time-to-restore';
  /** "deployment frequency". */
  label: string;
  /** "0.998 ± 0.01 per day (1,200 deployments per replication)". */
  text: string;
}

export function deliveryLines(r: SimulationResult): DeliveryLine[] {
  const d = r.delivery;
  if (!d) return [];
  const units = unitName(r.timeUnit, 2);
  const mean = (m: { mean: number | null; ci95: readonly [number, number] | null }, none: string) =>
    m.mean === null ? none : `${withInterval(m.mean, m.ci95)} ${units}`;
  return [
    {
      key: 'deployment-frequency',
      label: 'deployment frequency',
      text: `${withInterval(d.deploymentFrequency.perTimeUnit, d.deploymentFrequency.ci95)} per ${unitName(r.timeUnit, 1)} (${number(d.deployments)} deployments of "${d.release}" per replication)`,
    },
    {
      key: 'lead-time-for-changes',
      label: 'lead time for changes',
      text: `${mean(d.leadTimeForChanges, 'no change released')} from commitment to released`,
    },
    {
      key: 'change-failure-rate',
      label: 'change failure rate',
      text:
        `${percent(d.changeFailureRate.share)} of deployments failed` +
        (d.changeFailureRate.ci95
          ? ` (95% interval ${percent(d.changeFailureRate.ci95[0])} to ${percent(d.changeFailureRate.ci95[1])})`
          : ''),
    },
    {
      key: 'time-to-restore',
      label: 'time to restore',
      text:
        d.timeToRestore.mean === null
          ? 'no failed release and no outage of the release'
          : `${mean(d.timeToRestore, '')} over ${number(d.timeToRestore.count)} incidents per replication (failed releases and outages)`,
    },
  ];
}
