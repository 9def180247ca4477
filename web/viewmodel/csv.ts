/**
 * Results as CSV for spreadsheets: the summary (one metric per row, with its interval), the
 * nodes, the time series, and a comparison (one variant per row). Numbers are written in
 * full precision, because a spreadsheet should round, not the export. The cells are written
 * by the same helper as the command line's, which keeps text from a shared link (a name, a
 * time unit) from becoming a live formula in a spreadsheet.
 */

import type { Comparison, SimulationResult } from '../../src/index.ts';
import { toCsv } from '../../src/runner.ts';

export function summaryCsv(r: SimulationResult): string {
  const u = r.timeUnit;
  return toCsv([
    ['metric', 'value', 'ci95_low', 'ci95_high', 'unit'],
    ['lead_time_mean', r.leadTime.mean, r.leadTime.ci95?.[0], r.leadTime.ci95?.[1], u],
    ['lead_time_p50', r.leadTime.p50, null, null, u],
    ['lead_time_p85', r.leadTime.p85, null, null, u],
    ['lead_time_p95', r.leadTime.p95, null, null, u],
    ['lead_time_max', r.leadTime.max, null, null, u],
    ['cycle_time_mean', r.cycleTime.mean, r.cycleTime.ci95?.[0], r.cycleTime.ci95?.[1], u],
    ['cycle_time_p85', r.cycleTime.p85, null, null, u],
    ['throughput', r.throughput, r.throughputCi95?.[0], r.throughputCi95?.[1], `items/${u}`],
    ['wip_mean', r.wip.mean, r.wip.ci95?.[0], r.wip.ci95?.[1], 'items'],
    ['wip_max', r.wip.max, null, null, 'items'],
    ['flow_efficiency', r.flowEfficiency, null, null, 'share'],
    ['littles_law_wip', r.littlesLaw.wip, null, null, 'items'],
    ['littles_law_throughput_x_lead_time', r.littlesLaw.throughputTimesLeadTime, null, null, 'items'],
    ['completed', r.completed, null, null, 'items'],
    ['bottleneck', r.bottleneck, null, null, null],
  ]);
}

export function nodesCsv(r: SimulationResult): string {
  return toCsv([
    [
      'node',
      'kind',
      'capacity',
      'utilization',
      'offered_load',
      'queue_mean',
      'queue_max',
      'wait_mean',
      'served',
      'wait_share_of_lead_time',
    ],
    ...Object.entries(r.nodes).map(([id, n]) => [
      id,
      n.kind,
      n.capacity,
      n.utilization,
      n.offeredLoad,
      n.queue.mean,
      n.queue.max,
      n.wait.mean,
      n.served,
      n.waitShareOfLeadTime,
    ]),
  ]);
}

export function seriesCsv(r: SimulationResult): string {
  const s = r.series;
  const queues = Object.keys(s.queues);
  const steps = Object.keys(s.cumulative.steps);
  return toCsv([
    ['t', 'wip', ...queues.map((q) => `queue:${q}`), 'arrived', ...steps.map((x) => `entered:${x}`), 'done'],
    ...s.t.map((t, i) => [
      t,
      s.wip[i],
      ...queues.map((q) => s.queues[q][i]),
      s.cumulative.arrived[i],
      ...steps.map((x) => s.cumulative.steps[x][i]),
      s.cumulative.done[i],
    ]),
  ]);
}

export function comparisonCsv(c: Comparison): string {
  return toCsv([
    [
      'variant',
      'lead_time_mean',
      'lead_time_ci95_low',
      'lead_time_ci95_high',
      'lead_time_p85',
      'throughput',
      'wip_mean',
      'flow_efficiency',
      'lead_time_diff_vs_baseline',
      'lead_time_relative_vs_baseline',
      'lead_time_relative_ci95_low',
      'lead_time_relative_ci95_high',
      'throughput_relative_vs_baseline',
      'throughput_relative_ci95_low',
      'throughput_relative_ci95_high',
    ],
    ...c.variants.map((v) => {
      const lt = v.vsBaseline?.leadTime;
      const tp = v.vsBaseline?.throughput;
      const r = v.result;
      return [
        v.name,
        r.leadTime.mean,
        r.leadTime.ci95?.[0],
        r.leadTime.ci95?.[1],
        r.leadTime.p85,
        r.throughput,
        r.wip.mean,
        r.flowEfficiency,
        lt?.diff,
        lt?.relative,
        lt?.relativeCi95?.[0],
        lt?.relativeCi95?.[1],
        tp?.relative,
        tp?.relativeCi95?.[0],
        tp?.relativeCi95?.[1],
      ];
    }),
  ]);
}
