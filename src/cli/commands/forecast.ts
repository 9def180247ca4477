/**
 * `flowlab forecast FILE --items N | --until T`: when will N more items be done, or how many
 * by time T, as a distribution over Monte Carlo replications with its percentiles.
 */
import {
  type ForecastQuestion,
  type ForecastResult,
  forecast,
  forecastProblem,
} from '../../experiment/forecast.ts';
import { count, number, percent, unitName } from '../../report/numbers.ts';
import { HELP_FLAG, parse, REPLICATION_FLAGS, wholeNumber } from '../args.ts';
import { UsageError } from '../errors.ts';
import { loadScenario } from '../load.ts';
import { table } from '../table.ts';
import { terminalText } from '../terminal-text.ts';
import { forecastDates } from './forecast-dates.ts';

export const forecastHelp = `flowlab forecast FILE (--items N | --until T) [options]

Runs the scenario through its warm-up, so it holds its usual work in progress, then
answers one question over many replications (Monte Carlo):
  --items N   how long until N more items are done: p50, p85, p95 of the time
  --until T   how many items are done within T time units: "at least p15 of them
              with 85% confidence", p50 and p85

Options:
  --reps N            replications (default 100)
  --seed N            the seed (default: the file's)
  --set path=value    override a field; repeatable
  --json              the forecast as JSON, with every sample and a histogram
  -h, --help          this help

In calendar dates, from a model and from a history's daily throughput side by side
(FILE may be a history, .csv, which is fitted first, as flowlab fit does):
  --start DATE        the first day of the work (ISO, 2026-03-02); then ask
  --items N           when will N items be done: the dates by which they are, with
                      50%, 70%, 85% and 95% likelihood
  --by DATE           how many items will be done by then, with the same likelihoods
  --days-off LIST     the week's days off (default sat,sun; none for every day worked)
  --holidays LIST     days off besides: ISO dates, or a file of them (one a line, # comments)
  --history FILE      with a scenario FILE: the history to sample throughput from
  --dates dmy|mdy     day or month first in the history's dates, as for flowlab fit
  --waiting A,B       the history's waiting stages, as for flowlab fit
  --commit STAGE      count the history from its commitment point, as for flowlab fit

Examples:
  flowlab forecast examples/team-events.csv --items 40 --start 2026-01-05 --holidays 2026-04-03
  flowlab forecast scenarios/dynamic-network.json --items 50
  flowlab forecast scenarios/token-ring.json --until 90 --reps 500`;

export function forecastCommand(argv: string[]): number {
  const { values, positionals } = parse('forecast', argv, {
    items: { type: 'string' },
    until: { type: 'string' },
    ...REPLICATION_FLAGS,
    json: { type: 'boolean' },
    ...HELP_FLAG,
    start: { type: 'string' },
    by: { type: 'string' },
    'days-off': { type: 'string' },
    holidays: { type: 'string' },
    history: { type: 'string' },
    dates: { type: 'string' },
    waiting: { type: 'string' },
    commit: { type: 'string' },
  });
  if (values.help) {
    console.log(forecastHelp);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(`forecast: give exactly one scenario file (got ${positionals.length})`);
  const inDates = [
    values.start,
    values.by,
    values['days-off'],
    values.holidays,
    values.history,
    values.dates,
    values.waiting,
  ];
  if (inDates.some((v) => v !== undefined) || /\.(csv|tsv|txt)$/i.test(positionals[0])) {
    if (values.until !== undefined)
      throw new UsageError('forecast: --until counts model time; with dates, ask --by DATE');
    return forecastDates(positionals[0], {
      items: wholeNumber('items', values.items, 1),
      by: values.by,
      start: values.start,
      holidays: values.holidays,
      daysOff: values['days-off'],
      history: values.history,
      dates: values.dates,
      waiting: values.waiting,
      commit: values.commit,
      set: values.set,
      seed: wholeNumber('seed', values.seed, 0),
      replications: wholeNumber('reps', values.reps, 2),
      json: values.json,
    });
  }
  if ((values.items === undefined) === (values.until === undefined))
    throw new UsageError(
      'forecast: give either --items N (how long for N items) or --until T (how many items by T)',
    );
  const items = wholeNumber('items', values.items, 1);
  let until: number | undefined;
  if (values.until !== undefined) {
    until = Number(values.until);
    if (values.until.trim() === '' || !(until > 0) || !Number.isFinite(until))
      throw new UsageError(`--until must be a time above 0 (got "${values.until}")`);
  }
  // The replications go in with the overrides, so the scenario's rules (at most 10,000, the
  // run's size) check them and name the file.
  const loaded = loadScenario(positionals[0], {
    set: values.set,
    seed: wholeNumber('seed', values.seed, 0),
    replications: wholeNumber('reps', values.reps, 2) ?? 100,
  });
  const question: ForecastQuestion = items !== undefined ? { items } : { until: until as number };
  const tooLarge = forecastProblem(loaded.scenario, question);
  if (tooLarge) throw new UsageError(`${loaded.file}: ${tooLarge}`);
  const result = forecast(loaded.document, question, { replications: loaded.scenario.run.replications });
  console.log(values.json ? JSON.stringify(result, null, 2) : describeForecast(result));
  return 0;
}

export function describeForecast(f: ForecastResult): string {
  const units = unitName(f.timeUnit);
  const lines = [
    `${f.scenario}: ${count(f.replications, 'replication')}, seed ${f.seed}, counting from ${number(f.from)} ${units} (the end of the warm-up)`,
    '',
  ];
  if ('items' in f.question) {
    lines.push(`How long until ${count(f.question.items, 'more item')} are done (${units}):`);
    lines.push(
      table(
        ['likelihood', 'done within'],
        [
          ['50%', number(f.p50)],
          ['85%', number(f.p85)],
          ['95%', number(f.p95)],
        ],
      ),
    );
    if (f.notReached > 0)
      lines.push(
        `${count(f.notReached, 'replication')} never got there (the run stopped first): not counted`,
      );
  } else {
    lines.push(`How many items are done within ${number(f.question.until)} ${units}:`);
    lines.push(
      table(
        ['likelihood', 'at least'],
        [
          ['85%', number(f.p15)],
          ['50%', number(f.p50)],
          ['15%', number(f.p85)],
        ],
      ),
    );
  }
  lines.push('', histogramText(f));
  return terminalText(lines.join('\n'));
}

/**
 * A sideways bar per bin, as forecasting tools draw them, with the likelihood read off each
 * bin: done by its end (--items), or at least its start (--until).
 */
function histogramText(f: ForecastResult): string {
  const most = Math.max(1, ...f.histogram.map((b) => b.count));
  const label = (b: ForecastResult['histogram'][number]) => `${number(b.from)}–${number(b.to)}`;
  const width = Math.max(...f.histogram.map((b) => label(b).length));
  const header =
    'items' in f.question
      ? 'Replications per bin, and the chance of being done by the end of it:'
      : 'Replications per bin, and the chance of at least its first count:';
  const rows = f.histogram.map((b) => {
    const bar = '█'.repeat(Math.round((b.count / most) * 40));
    return `${label(b).padStart(width)}  ${bar.padEnd(40)} ${String(b.count).padStart(4)}  ${percent(b.likelihood, 0).padStart(4)}`;
  });
  return [header, ...rows].join('\n');
}
