/**
 * `flowlab fit FILE [--out scenario.json]`: a scenario fitted to a team's history, how every
 * number was derived, the assumptions to check, and a backtest over the history's period.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../../experiment/csv.ts';
import { backtest, historyMeasures } from '../../history/backtest.ts';
import { isoDate } from '../../history/dates.ts';
import { type Fit, type FitReport, fitHistory } from '../../history/fit.ts';
import {
  agingWip,
  cumulativeFlow,
  cycleTimeScatter,
  leadTimeHistogram,
  timeInStages,
  weeklyThroughput,
} from '../../history/flow-charts.ts';
import type { History } from '../../history/history.ts';
import { simulatedHistory } from '../../history/simulated.ts';
import { unknownStages } from '../../history/stages.ts';
import { parseScenario } from '../../model/parse.ts';
import { number, percent } from '../../report/numbers.ts';
import { HELP_FLAG, parse, wholeNumber } from '../args.ts';
import { UsageError } from '../errors.ts';
import { committed, dateOrderFlag, readHistoryFile } from '../history-file.ts';
import { outputFile } from '../output-file.ts';
import { table } from '../table.ts';
import { terminalText } from '../terminal-text.ts';

export const fitHelp = `flowlab fit FILE [--out scenario.json] [options]

Reads a tracker's export and fits a scenario to it: classes of work from the type column
with their arrivals, a step per working stage with its capacity and service time, waiting
stages as the queues in front of them, rework from backward moves. Then simulates the
scenario over the same period and puts its lead time, throughput and WIP beside the
history's, with a warning wherever it does not reproduce them.

FILE is either
  stage dates   ID, optional columns (Link, Name, Type, Blocked Days, ...), then one
                column per stage in order with the date the item entered it; the last
                is done (as ActionableAgile and jira-agile-metrics export them)
  event log     id, stage, enteredAt, exitedAt, optional type: one row per visit

Dates may be ISO (2025-03-04, 2025-03-04 14:30), numeric (04/03/2025, 4.3.25) or with
month names (4 Mar 2025, 04/Mar/25 2:30 PM); a date stays on the day it was written,
whatever its time zone. Whether 03/04/2025 is day or month first is settled by the
file's other dates (25/03/2025 can only be day first), or by --dates.

Options:
  --out FILE         write the scenario (refuses to replace a file without --force)
  --force            replace an existing --out file
  --commit STAGE     count from this stage, the commitment point: earlier stages
                     (a backlog) are left out, and items that never reached it
  --waiting A,B      the stages that are queues (default: those named like one: Ready,
                     Waiting, Blocked, Queue, Backlog, To Do, On hold, ...)
  --dates dmy|mdy    day first or month first, for dates such as 03/04/2025
  --name TEXT        the scenario's name
  --reps N           the scenario's replications, used by the backtest (default 20)
  --seed N           the scenario's seed (default 1)
  --charts DIR       write the data of the flow charts, the history's beside one
                     simulated period of the model's, as CSV files in DIR: cycle-times,
                     lead-time-histogram, cfd, aging-wip, throughput, time-in-stage
  --notes            list what was done with every row not taken as it stands
  --json             the history's measures, the fit, the backtest and the scenario as JSON
  -h, --help         this help

Example:
  flowlab fit examples/team-events.csv --out team.json
  flowlab run team.json --set demand.feature.interarrival.mean=1.6`;

export function fitCommand(argv: string[]): number {
  const { values, positionals } = parse('fit', argv, {
    out: { type: 'string' },
    force: { type: 'boolean' },
    waiting: { type: 'string' },
    commit: { type: 'string' },
    dates: { type: 'string' },
    name: { type: 'string' },
    reps: { type: 'string' },
    seed: { type: 'string' },
    notes: { type: 'boolean' },
    charts: { type: 'string' },
    json: { type: 'boolean' },
    ...HELP_FLAG,
  });
  if (values.help) {
    console.log(fitHelp);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(`fit: give exactly one history file (got ${positionals.length})`);
  const file = positionals[0];
  const dateOrder = dateOrderFlag(values.dates);
  const replications = wholeNumber('reps', values.reps, 2);
  if (replications !== undefined && replications > 1000)
    throw new UsageError('--reps must be at most 1000 for a backtest');
  const seed = wholeNumber('seed', values.seed, 0);
  const out =
    values.out === undefined ? undefined : outputFile(values.out, { inputs: [file], force: values.force });
  const history = committed(readHistoryFile(file, dateOrder), values.commit, file);
  const waiting = values.waiting
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (waiting) {
    const unknown = unknownStages(history, waiting);
    if (unknown.length > 0)
      throw new UsageError(
        `--waiting: no stage ${unknown.map((s) => `"${s}"`).join(', ')} in ${file} (its stages: ${history.stages.join(', ')})`,
      );
  }
  const outcome = fitHistory(history, {
    waiting,
    name: values.name ?? `Fitted from ${file}`,
    replications,
    seed,
  });
  if (!outcome.ok) throw new UsageError(`${file}: ${outcome.reason}`);
  const { fit } = outcome;
  const parsed = parseScenario(fit.scenario);
  if (!parsed.ok) throw new Error(`the fitted scenario is invalid: ${JSON.stringify(parsed.problems)}`);
  const test = backtest(history, fit);
  const scenarioText = `${JSON.stringify(fit.scenario, null, 2)}\n`;
  const model = simulatedHistory(fit);
  const waitingStages = fit.report.stages.filter((st) => st.role === 'waiting').map((st) => st.name);
  if (values.charts !== undefined)
    writeCharts(values.charts, file, values.force === true, history, model, fit);
  if (values.json) {
    const measures = historyMeasures(history);
    console.log(
      JSON.stringify(
        {
          history: {
            ...summaryOf(history),
            throughput: measures.throughput,
            wip: measures.wip,
            notes: history.notes,
          },
          fit: fit.report,
          backtest: {
            rows: test.rows,
            distance: test.distance,
            critical: test.critical,
            queues: test.queues,
            warnings: test.warnings,
          },
          scenario: fit.scenario,
        },
        null,
        2,
      ),
    );
  } else {
    console.log(terminalText(describe(file, history, fit.report, test, values.notes === true)));
    console.log(terminalText(flowText(history, model, waitingStages)));
    if (values.charts !== undefined)
      console.log(terminalText(`\nWrote the charts' data to ${values.charts}/ (CSV).`));
  }
  if (out) {
    out.write(scenarioText);
    if (!values.json)
      console.log(terminalText(`\nWrote the scenario to ${out.path}; run it with: flowlab run ${out.path}`));
  } else if (!values.json) console.log('\nWrite the scenario with --out FILE.');
  return 0;
}

function summaryOf(history: History) {
  return {
    format: history.format,
    items: history.items.length,
    done: history.items.filter((i) => i.doneAt !== null).length,
    from: isoDate(history.start),
    to: isoDate(history.end),
    stages: history.stages,
    doneStage: history.doneStage,
    dateOnly: history.dateOnly,
    dateOrder: history.dateOrder,
    ignoredColumns: history.ignoredColumns,
  };
}

function describe(
  file: string,
  history: History,
  report: FitReport,
  test: ReturnType<typeof backtest>,
  allNotes: boolean,
): string {
  const s = summaryOf(history);
  const lines = [
    `${file}: ${s.format === 'event log' ? 'an event log' : 'stage dates'} of ${s.items} items (${s.done} done, ${s.items - s.done} in progress), ${s.from} to ${s.to} (${number(report.days)} days), ${s.dateOnly ? 'dates without times' : 'date-times'}`,
  ];
  if (s.dateOrder)
    lines.push(
      `Dates such as 03/04 read ${s.dateOrder.order === 'dmy' ? 'day first' : 'month first'}: ${s.dateOrder.from}.`,
    );
  if (s.ignoredColumns.length > 0)
    lines.push(`Columns left aside (no dates in them): ${s.ignoredColumns.join(', ')}.`);
  const notes = history.notes;
  if (notes.length === 0) lines.push('Every row taken as it stands.');
  else {
    const leftOut = notes.filter((n) => n.note.endsWith('left out')).length;
    lines.push(
      `Rows: ${notes.length} notes, ${leftOut} of them rows left out${allNotes ? ':' : ' (--notes lists every one):'}`,
    );
    const shown = allNotes ? notes : notes.slice(0, 8);
    for (const n of shown) lines.push(`  line ${n.line}${n.id ? ` (${n.id})` : ''}: ${n.note}`);
    if (shown.length < notes.length) lines.push(`  … and ${notes.length - shown.length} more`);
  }
  lines.push('', 'Stages');
  lines.push(
    table(
      ['stage', 'taken as', 'because'],
      report.stages.map((st) => [st.name, st.role, st.why]),
    ),
  );
  lines.push('', 'Classes of work (arrivals at random, Poisson, at the rate over the history)');
  lines.push(
    table(
      ['class', 'items', 'a day', 'per quarter', 'steady', 'steps'],
      report.classes.map((c) => [
        c.id,
        String(c.items),
        number(c.rate),
        c.quarters.join(' '),
        c.steady ? 'yes' : `no (χ² ${number(c.chiSquared)})`,
        c.steps.join(' → '),
      ]),
    ),
  );
  lines.push('', 'Steps');
  lines.push(
    table(
      ['step', 'capacity', 'service time (days)', 'visits', 'rework'],
      report.steps.map((st) => [
        st.stage,
        String(st.capacity),
        serviceText(st.service),
        String(st.visits),
        st.rework ? `${percent(st.rework.probability)} to ${st.rework.to}` : '',
      ]),
    ),
  );
  lines.push('', 'How each number was derived');
  for (const st of report.steps) {
    lines.push(`  ${st.stage}: capacity ${st.capacity}: ${st.capacityFrom}.`);
    const c = st.service.candidates.map((x) => `${x.family} ${number(x.distance)}`).join(', ');
    if (c)
      lines.push(
        `    service: Kolmogorov-Smirnov distance ${c}; a family fits up to ${number(st.service.critical)}.`,
      );
    if (st.rework)
      lines.push(
        `    rework: ${st.rework.moves} backward moves over ${st.visits} finished visits${st.rework.note ? `; ${st.rework.note}` : ''}.`,
      );
  }
  if (report.merged.length > 0)
    lines.push(
      `  Types joined into class "other" (under 5 items, or beyond the 20 largest): ${report.merged.length > 10 ? `${report.merged.slice(0, 10).join(', ')} and ${report.merged.length - 10} more` : report.merged.join(', ')}.`,
    );
  lines.push('', 'Assumptions to check');
  for (const a of report.assumptions) lines.push(`  - ${a}`);
  lines.push(
    '',
    `Backtest: the scenario over the same ${number(report.days)} days, ${test.result.replications} replications`,
  );
  lines.push(
    table(
      ['measure', 'history', 'model', '95% interval', 'of', 'reproduced'],
      test.rows.map((r) => [
        r.measure,
        number(r.history),
        number(r.model),
        `${number(r.interval[0])} – ${number(r.interval[1])}`,
        r.intervalOf,
        r.reproduced ? 'yes' : 'NO',
      ]),
    ),
  );
  lines.push(
    `Lead-time distance (Kolmogorov-Smirnov, the largest gap between the two distributions): ${number(test.distance)}; a year of the model itself stays under ${number(test.critical)} 95 times in 100.`,
  );
  if (test.queues.length > 0) {
    lines.push('Waiting per visit (days):');
    lines.push(
      table(
        ['queue', 'history', 'model'],
        test.queues.map((q) => [`${q.queue} (before ${q.stage})`, number(q.history), number(q.model)]),
      ),
    );
  }
  lines.push('The history counts only items done by its end; the model lets every item it started finish.');
  if (test.warnings.length === 0) lines.push('The model reproduces the history on every measure.');
  else {
    lines.push('', 'WARNING: where the model does not reproduce the history:');
    for (const w of test.warnings) lines.push(`  - ${w}`);
  }
  return lines.join('\n');
}

function serviceText(fit: FitReport['steps'][number]['service']): string {
  const d = fit.distribution;
  if (typeof d === 'number') return number(d);
  switch (d.dist) {
    case 'lognormal':
    case 'gamma':
      return `${d.dist}, mean ${number(d.mean)}, cv ${number(d.cv)}`;
    case 'exponential':
      return `exponential, mean ${number(d.mean)}`;
    case 'empirical':
      return `the ${d.values.length} measured, mean ${number(fit.mean)}`;
    case 'constant':
      return `constant ${number(d.value)}`;
    default:
      return d.dist;
  }
}

/** Where the time goes and what is ageing, for the history and one simulated period of the model. */
function flowText(history: History, model: History, waiting: string[]): string {
  const h = timeInStages(history, waiting);
  const m = timeInStages(model, waiting);
  const lines = [
    '',
    'Where the time goes: mean days a done item spent in each stage (the model: one simulated period)',
  ];
  lines.push(
    table(
      ['stage', 'taken as', 'history', 'model'],
      h.stages.map((st, i) => [st.stage, st.role, number(st.days), number(m.stages[i]?.days ?? 0)]),
    ),
  );
  lines.push(
    `Flow efficiency (work over lead time): history ${percent(h.flowEfficiency)}, model ${percent(m.flowEfficiency)}.`,
  );
  const ha = agingWip(history);
  const ma = agingWip(model);
  const older = (a: ReturnType<typeof agingWip>) => a.items.filter((i) => i.age > a.percentiles.p85).length;
  lines.push(
    '',
    `In progress at the end: ${ha.items.length} items in the history, ${older(ha)} of them older than its p85 lead time (${number(ha.percentiles.p85)} days); ${ma.items.length} in the model, ${older(ma)} older than its p85.`,
  );
  if (ha.items.length > 0)
    lines.push(
      table(
        ['oldest in the history', 'stage', 'age (days)', 'past'],
        ha.items
          .slice(0, 5)
          .map((i) => [
            i.id,
            i.stage,
            number(i.age),
            i.age > ha.percentiles.p95
              ? 'p95'
              : i.age > ha.percentiles.p85
                ? 'p85'
                : i.age > ha.percentiles.p50
                  ? 'p50'
                  : '',
          ]),
      ),
    );
  return lines.join('\n');
}

/** The flow charts' data, history beside model, as CSV files a spreadsheet can chart. */
function writeCharts(
  dir: string,
  input: string,
  force: boolean,
  history: History,
  model: History,
  fit: Fit,
): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    throw new UsageError(`--charts ${dir}: cannot be made a directory`);
  }
  const write = (name: string, rows: unknown[][]) =>
    outputFile(join(dir, name), { inputs: [input], force }).write(toCsv(rows));
  const both = [
    ['history', history],
    ['model', model],
  ] as const;
  const date = (day: number) => isoDate(day);
  write('cycle-times.csv', [
    ['source', 'done', 'lead_time_days', 'type'],
    ...both.flatMap(([source, h]) =>
      cycleTimeScatter(h).points.map((p) => [source, date(p.done), round(p.leadTime), p.type]),
    ),
  ]);
  const longest = both.reduce(
    (most, [, h]) => cycleTimeScatter(h).points.reduce((m, p) => Math.max(m, p.leadTime), most),
    1,
  );
  const width = Math.max(1, Math.ceil(longest / 30));
  const bins = Math.ceil(longest / width) + 1;
  const [hh, mh] = both.map(([, h]) => leadTimeHistogram(h, width, bins));
  write('lead-time-histogram.csv', [
    ['from_days', 'to_days', 'history', 'model'],
    ...hh.map((c, i) => [i * width, (i + 1) * width, c, mh[i]]),
  ]);
  write('cfd.csv', [
    ['source', 'date', ...history.stages],
    ...both.flatMap(([source, h]) => {
      const cfd = cumulativeFlow(h);
      return cfd.days.map((d, i) => [source, date(d), ...cfd.counts.map((c) => c[i])]);
    }),
  ]);
  write('aging-wip.csv', [
    ['source', 'id', 'stage', 'age_days', 'p50', 'p85', 'p95'],
    ...both.flatMap(([source, h]) => {
      const a = agingWip(h);
      return a.items.map((i) => [
        source,
        i.id,
        i.stage,
        round(i.age),
        round(a.percentiles.p50),
        round(a.percentiles.p85),
        round(a.percentiles.p95),
      ]);
    }),
  ]);
  const [hw, mw] = both.map(([, h]) => weeklyThroughput(h));
  write('throughput.csv', [
    ['week_from', 'history', 'model'],
    ...hw.map((c, i) => [date(history.start + 7 * i), c, mw[i] ?? 0]),
  ]);
  const waiting = fit.report.stages.filter((st) => st.role === 'waiting').map((st) => st.name);
  const [ht, mt] = both.map(([, h]) => timeInStages(h, waiting));
  write('time-in-stage.csv', [
    ['stage', 'role', 'history_days', 'model_days'],
    ...ht.stages.map((st, i) => [st.stage, st.role, round(st.days), round(mt.stages[i]?.days ?? 0)]),
    ['flow efficiency', '', round(ht.flowEfficiency), round(mt.flowEfficiency)],
  ]);
}

function round(x: number): number {
  return Number(x.toFixed(4));
}
