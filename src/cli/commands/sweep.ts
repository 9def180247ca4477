/**
 * `flowlab sweep FILE --vary path=values ...`: the scenario at every point of a grid of
 * values, each with the same seeds, one row per point with the headline metrics and their
 * 95% intervals, as a table, JSON or CSV.
 */
import { axisValueText, gridError, parseAxis, type SweepAxis } from '../../experiment/axes.ts';
import { toCsv } from '../../experiment/csv.ts';
import { pointFailed, type SweepPoint, type SweepResult } from '../../experiment/sweep.ts';
import { planShard, planSweep } from '../../index.ts';
import { defaultWorkers } from '../../node/index.ts';
import {
  type ColumnMeasure,
  columnCell,
  columnCsvCells,
  columnCsvNames,
  columnHead,
  columnNotes,
  columnsOf,
} from '../../report/columns.ts';
import { count, number, percent, unitName, withInterval } from '../../report/numbers.ts';
import { HELP_FLAG, parse, REPLICATION_FLAGS, SPREAD_FLAGS, wholeNumber } from '../args.ts';
import { UsageError } from '../errors.ts';
import { showProgress } from '../job-progress.ts';
import { loadScenario } from '../load.ts';
import { shardOutput } from '../output-file.ts';
import { parseShard } from '../shard-arg.ts';
import { spread, spreadShard } from '../spread.ts';
import { table } from '../table.ts';
import { terminalText } from '../terminal-text.ts';

/** Exit code of a sweep, or a merge of one, in which no point ran to the end. */
export const EXIT_ALL_FAILED = 3;

export const sweepHelp = `flowlab sweep FILE --vary path=values [--vary ...] [options]

Runs the scenario at every point of a grid and prints one row per point: mean and p85 lead
time, throughput and WIP with their 95% intervals, flow efficiency and the bottleneck; where
a point turned work away at a full first node (whenFull "reject"), the items turned away
per replication, which lead times and money leave out; where the scenario has them, the
money (cost of delay, cost of capacity, total cost, value delivered), DORA's four measures
and the share of lead time blocked, each with its interval.
Every point runs with the same seeds, so differences between points are the system's.

Values:
  1,2,3               a list (words too: --vary routing=fixed,shortest-queue)
  0.5:0.95:0.05       a range with a step, both ends included
  0.5:0.95/10         a range with a number of points
Paths are those of --set (nodes and demand by id), and utilization.NODE: the arrival
rate (all demand, scaled together) that gives NODE that offered load under the file's
own routing, so every strategy on a routing axis sees the same arrivals.

Options:
  --vary path=values  an axis; several make a grid (the first varies slowest)
  --reps N            replications per point (default: the file's)
  --seed N            the seed for every point (default: the file's)
  --set path=value    override a field for every point; repeatable
  --workers N         worker threads (default: one per core, here ${defaultWorkers()})
  --shard k/n         run only the k-th of n slices and write it with --out FILE;
                      flowlab merge FILES... gives what the whole sweep would
  --out FILE          where --shard writes its partial result: never a file this
                      command reads; written whole or not at all
  --force             let --out replace an existing file that is not a partial result
  --json | --csv      print every point as JSON, or one CSV row per point
  -h, --help          this help

Each row says how stable the point is: the offered load of its most loaded node, and
"unstable" when it is 100% or more (its queue grows without bound). A point that did
not run or stopped early (deadlock, time cap) says so. When every point failed that
way, the sweep exits with code ${EXIT_ALL_FAILED}.

Examples:
  flowlab sweep scenarios/token-ring.json --vary utilization.developers=0.5:0.95:0.05 --vary routing=fixed,shortest-queue --reps 10
  flowlab sweep scenarios/batch-release.json --vary nodes.release-pipeline.batch.size=1,5,10,20 --csv > batches.csv`;

export async function sweepCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('sweep', argv, {
    vary: { type: 'string', multiple: true },
    ...REPLICATION_FLAGS,
    ...SPREAD_FLAGS,
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    ...HELP_FLAG,
  });
  if (values.help) {
    console.log(sweepHelp);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(`sweep: give exactly one scenario file (got ${positionals.length})`);
  if (!values.vary || values.vary.length === 0)
    throw new UsageError(
      'sweep: give at least one --vary path=values, e.g. --vary nodes.review.capacity=1,2,3',
    );
  if (values.json && values.csv) throw new UsageError('sweep: choose --json or --csv, not both');
  const axes = values.vary.map((text) => {
    const axis = parseAxis(text);
    if (typeof axis === 'string') throw new UsageError(`sweep: ${axis}`);
    return axis;
  });
  const tooBig = gridError(axes);
  if (tooBig !== undefined) throw new UsageError(`sweep: ${tooBig}`);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (typeof shard === 'string') throw new UsageError(`sweep: ${shard}`);
  const out = shardOutput('sweep', shard, values, positionals[0]);
  const loaded = loadScenario(positionals[0], {
    set: values.set,
    seed: wholeNumber('seed', values.seed, 0),
    replications: wholeNumber('reps', values.reps, 1),
  });
  const spreading = {
    workers: wholeNumber('workers', values.workers, 1) ?? defaultWorkers(),
    show: showProgress(values.json === true || values.csv === true),
    label: loaded.scenario.name,
  };
  if (shard && out) {
    const plan = planShard(loaded.document, axes, shard);
    const pointOfJob = plan.jobs.map((job) => job.point);
    const written = await spreadShard(plan, out, { ...spreading, pointOfJob });
    console.error(`wrote ${written.file}: ${count(written.jobs, 'replication')} of ${written.total}`);
    return 0;
  }
  const plan = planSweep(loaded.document, axes);
  const outcome = await spread(plan, { ...spreading, pointOfJob: plan.jobs.map((job) => job.point) });
  // A stopped sweep still has every point: those that did not finish say so.
  const code = outcome.result
    ? printSweep(outcome.result, values.json ? 'json' : values.csv ? 'csv' : 'table')
    : 0;
  if (outcome.kind === 'stopped') {
    console.error(`stopped by ${outcome.by}: ${outcome.finished} of ${outcome.total} replications finished`);
    return outcome.exitCode;
  }
  return code;
}

/** Prints the sweep; the exit code is EXIT_ALL_FAILED when no point ran to the end. */
export function printSweep(sweep: SweepResult, format: 'json' | 'csv' | 'table'): number {
  if (format === 'json') console.log(JSON.stringify(sweep, null, 2));
  // CSV goes to a terminal as often as to a file: no escape sequence from a scenario's text.
  else if (format === 'csv') console.log(terminalText(sweepCsv(sweep)));
  else console.log(describeSweep(sweep));
  if (sweep.points.length === 0 || !sweep.points.every(pointFailed)) return 0;
  console.error(
    `sweep: none of the ${count(sweep.points.length, 'point')} ran to the end (each did not run, or stopped early)`,
  );
  return EXIT_ALL_FAILED;
}

/** "review 85%", "review 112% unstable": the most loaded node of a point, "~" for an estimate. */
function stabilityCell(p: SweepPoint): string {
  const s = p.stability;
  if (!s) return '–';
  return `${s.peak.id} ${s.peak.exact ? '' : '~'}${percent(s.peak.load)}${s.stable ? '' : ' unstable'}`;
}

/** The measures the sweep's points have beyond the flow (money, DORA's, blocked share), in the report's order. */
function sweepColumns(s: SweepResult): ColumnMeasure[] {
  return columnsOf(s.points.map((p) => p.result));
}

export function describeSweep(s: SweepResult): string {
  const paths = s.axes.map((a: SweepAxis) => a.path);
  const unit = s.points.find((p) => p.result)?.result?.timeUnit ?? 'day';
  const columns = sweepColumns(s);
  const rows = s.points.map((p) => {
    const values = paths.map((path) => axisValueText(p.values[path]));
    const r = p.result;
    const measures = columns.map((m) => columnCell(m, r));
    if (!r)
      return [
        ...values,
        stabilityCell(p),
        '–',
        '–',
        '–',
        '–',
        '–',
        ...measures,
        `✗ ${(p.error ?? '').split('\n')[0]}`,
      ];
    return [
      ...values,
      stabilityCell(p),
      withInterval(r.leadTime.mean, r.leadTime.ci95),
      number(r.leadTime.p85),
      withInterval(r.throughput, r.throughputCi95),
      number(r.wip.mean),
      `${r.bottleneck} ${percent(r.nodes[r.bottleneck].utilization)}`,
      ...measures,
      r.stoppedBy === 'drained' ? '' : `stopped: ${r.stoppedBy}`,
    ];
  });
  const text = [
    `${s.scenario}: ${count(s.points.length, 'point')}, seed ${s.seed}, ${count(s.replications, 'replication')} each, same random numbers`,
    '',
    table(
      [
        ...paths,
        'most loaded',
        `mean lead time (${unitName(unit)})`,
        'p85',
        `throughput (per ${unitName(unit, 1)})`,
        'WIP',
        'bottleneck',
        ...columns.map((m) => columnHead(m, unit)),
        '',
      ],
      rows,
    ),
    ...columnNotes(columns),
  ].join('\n');
  return terminalText(text);
}

// The stability columns come after the metrics, so columns that spreadsheets already read keep
// their places; the measures only some scenarios have (sweepColumns) come after them, before the error.
const CSV_HEADER = [
  'lead_time_mean',
  'lead_time_ci95_low',
  'lead_time_ci95_high',
  'lead_time_p85',
  'cycle_time_mean',
  'throughput',
  'throughput_ci95_low',
  'throughput_ci95_high',
  'wip_mean',
  'flow_efficiency',
  'bottleneck',
  'bottleneck_utilization',
  'stopped_by',
  'peak_load_node',
  'peak_offered_load',
  'stable',
];

/**
 * The CSV's header: the axes' paths, the flow metrics, the stability, the measures the sweep's
 * points have beyond the flow (each with its interval's ends), the error.
 */
export function sweepCsvHeader(paths: readonly string[], columns: readonly ColumnMeasure[]): string[] {
  return [...paths, ...CSV_HEADER, ...columns.flatMap(columnCsvNames), 'error'];
}

/** One row per point; the last line has no line break (it is printed with console.log). */
export function sweepCsv(s: SweepResult): string {
  const columns = sweepColumns(s);
  const rows: unknown[][] = [
    sweepCsvHeader(
      s.axes.map((a) => a.path),
      columns,
    ),
  ];
  for (const p of s.points) {
    const r = p.result;
    const st = p.stability;
    const stability = st ? [st.peak.id, st.peak.load, st.stable] : ['', '', ''];
    const measures = columns.flatMap((m) => columnCsvCells(m, r));
    const metrics = r
      ? [
          r.leadTime.mean,
          r.leadTime.ci95?.[0],
          r.leadTime.ci95?.[1],
          r.leadTime.p85,
          r.cycleTime.mean,
          r.throughput,
          r.throughputCi95?.[0],
          r.throughputCi95?.[1],
          r.wip.mean,
          r.flowEfficiency,
          r.bottleneck,
          r.nodes[r.bottleneck].utilization,
          r.stoppedBy,
          ...stability,
          ...measures,
          '',
        ]
      : [...CSV_HEADER.slice(0, -3).map(() => ''), ...stability, ...measures, p.error];
    rows.push([...s.axes.map((a) => axisValueText(p.values[a.path])), ...metrics]);
  }
  return toCsv(rows, '\n').slice(0, -1);
}
