/**
 * `flowlab fit FILE [--out scenario.json]`: a scenario fitted to a team's history, how every
 * number was derived, the assumptions to check, and a backtest over the history's period.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../../experiment/csv.ts';
import { type backtest, historyMeasures } from '../../history/backtest.ts';
import { isoDate } from '../../history/dates.ts';
import type { Fit, FitReport } from '../../history/fit.ts';
import {
  agingWip,
  cumulativeFlow,
  cycleTimeScatter,
  leadTimeHistogram,
  timeInStages,
  weeklyThroughput,
} from '../../history/flow-charts.ts';
import type { History } from '../../history/history.ts';
import { unknownStages } from '../../history/stages.ts';
import { studyOf } from '../../history/study.ts';
import {
  BACKTEST_CAVEAT,
  backtestTable,
  backtestTitle,
  CLASSES_TITLE,
  classesTable,
  derivations,
  distanceLine,
  queuesTable,
  REPRODUCED,
  type ReportTable,
  readingLines,
  rowNotes,
  stagesTable,
  stepsTable,
} from '../../history/study-report.ts';
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
  const studied = studyOf(history, {
    waiting,
    name: values.name ?? `Fitted from ${file}`,
    replications,
    seed,
  });
  if (!studied.ok) throw new UsageError(`${file}: ${studied.reason}`);
  const { fit, backtest: test, model } = studied.study;
  const scenarioText = `${JSON.stringify(fit.scenario, null, 2)}\n`;
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
  const lines = readingLines(file, history, report);
  const notes = rowNotes(history);
  if (notes.lines.length === 0) lines.push('Every row taken as it stands.');
  else {
    lines.push(
      `Rows: ${notes.lines.length} notes, ${notes.leftOut} of them rows left out${allNotes ? ':' : ' (--notes lists every one):'}`,
    );
    const shown = allNotes ? notes.lines : notes.lines.slice(0, 8);
    for (const n of shown) lines.push(`  ${n}`);
    if (shown.length < notes.lines.length) lines.push(`  … and ${notes.lines.length - shown.length} more`);
  }
  const tabled = (t: ReportTable) => table(t.head, t.rows);
  lines.push('', 'Stages', tabled(stagesTable(report)));
  lines.push('', CLASSES_TITLE, tabled(classesTable(report)));
  lines.push('', 'Steps', tabled(stepsTable(report)));
  lines.push('', 'How each number was derived');
  for (const d of derivations(report))
    d.lines.forEach((line, i) => {
      lines.push(`${i === 0 ? '  ' : '    '}${line}`);
    });
  lines.push('', 'Assumptions to check');
  for (const a of report.assumptions) lines.push(`  - ${a}`);
  lines.push('', backtestTitle(report, test), tabled(backtestTable(test)), distanceLine(test));
  const queues = queuesTable(test);
  if (queues) lines.push('Waiting per visit (days):', tabled(queues));
  lines.push(BACKTEST_CAVEAT);
  if (test.warnings.length === 0) lines.push(REPRODUCED);
  else {
    lines.push('', 'WARNING: where the model does not reproduce the history:');
    for (const w of test.warnings) lines.push(`  - ${w}`);
  }
  return lines.join('\n');
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
