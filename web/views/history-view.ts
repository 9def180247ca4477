/**
 * Team history: a tracker's export dropped on the page or opened, read, fitted and backtested
 * in the worker, then shown as the CLI's `flowlab fit` says it (how each number was derived,
 * the assumptions to check, the backtest) with the history and the fitted model side by side
 * in the same charts; and a forecast in dates from both. The fitted scenario opens in the
 * editor, among My scenarios, to make what-ifs from.
 */
import {
  BACKTEST_CAVEAT,
  backtestTable,
  backtestTitle,
  CLASSES_TITLE,
  classesTable,
  daysOffLine,
  derivations,
  distanceLine,
  forecastTable,
  questionLine,
  queuesTable,
  REPRODUCED,
  type ReportTable,
  readingLines,
  rowNotes,
  type Study,
  type StudyOptions,
  spreadLine,
  stagesTable,
  stepsTable,
} from '../../src/runner.ts';
import type { DateForecastShown } from '../charts/date-forecast-chart.ts';
import { HISTORY_CHARTS, HISTORY_FORECAST_CHARTS } from '../charts/pages.ts';
import {
  type DateForecastForm,
  dateForecastRequest,
  defaultStart,
} from '../viewmodel/date-forecast-setup.ts';
import { asFields, historySizeProblem, problemLines } from '../viewmodel/history-file.ts';
import { cardOf } from './chart-card.ts';
import { field, h } from './dom.ts';
import { jsonExport } from './export-button.ts';
import { type ResultsShell, resultsHead, resultsShell } from './results-shell.ts';
import { RunControls } from './run-controls.ts';
import { Cancelled, type Simulator } from './simulator.ts';

interface Forecast {
  shown: DateForecastShown;
  lines: string[];
  table: ReportTable;
  notes: string[];
}

export class HistoryView {
  readonly root: HTMLElement;
  private readonly host: HTMLElement;
  private readonly shell: ResultsShell;
  private readonly picker = h('input', {
    type: 'file',
    id: 'history-file',
    accept: '.csv,.tsv,.txt,text/csv,text/plain',
    hidden: true,
  });
  private readonly waiting = h('input', { id: 'history-waiting', type: 'text', spellcheck: 'false' });
  private readonly commit = h('input', { id: 'history-commit', type: 'text', spellcheck: 'false' });
  private readonly dates = h(
    'select',
    { id: 'history-dates' },
    h('option', { value: '' }, 'as the file’s other dates show'),
    h('option', { value: 'dmy' }, 'day first (03/04 is 3 April)'),
    h('option', { value: 'mdy' }, 'month first (03/04 is March 4)'),
  );
  private readonly fitControls: RunControls;
  private readonly question = h(
    'select',
    { id: 'history-question' },
    h('option', { value: 'items' }, 'When will N items be done'),
    h('option', { value: 'by' }, 'How many items by a date'),
  );
  private readonly items = h('input', {
    id: 'history-items',
    type: 'text',
    inputmode: 'numeric',
    value: '30',
  });
  private readonly by = h('input', { id: 'history-by', type: 'date' });
  private readonly start = h('input', { id: 'history-start', type: 'date' });
  private readonly daysOff = h('input', { id: 'history-days-off', type: 'text', value: 'sat,sun' });
  private readonly holidays = h('textarea', { id: 'history-holidays', rows: 2, spellcheck: 'false' });
  private readonly forecastControls: RunControls;
  private file: { name: string; text: string } | null = null;
  private study: Study | null = null;
  private forecast: Forecast | null = null;

  constructor(
    private readonly simulator: Simulator,
    private readonly busy: (busy: boolean) => void,
    private readonly large: () => boolean,
    /** Adds the fitted scenario to My scenarios and opens it in the editor. */
    private readonly openScenario: (scenario: Record<string, unknown>) => void,
  ) {
    this.fitControls = new RunControls(
      'Fit again',
      () => void this.runStudy(),
      () => this.simulator.cancel(),
      'history-fit',
    );
    this.forecastControls = new RunControls(
      'Forecast',
      () => void this.runForecast(),
      () => this.simulator.cancel(),
      'history-forecast',
    );
    this.host = h('section', {
      class: 'results',
      id: 'history-results',
      'aria-label': 'Team history',
      tabindex: -1,
    });
    this.shell = resultsShell(this.host);
    this.picker.addEventListener('change', () => {
      const file = this.picker.files?.[0];
      this.picker.value = '';
      if (file) void this.open(file);
    });
    for (const input of [this.items, this.by, this.start, this.daysOff, this.holidays, this.question])
      input.addEventListener('input', () => this.refreshState());
    this.question.addEventListener('change', () => this.refreshState());
    this.root = h(
      'div',
      { class: 'explore' },
      h(
        'aside',
        { class: 'scenario-panel explore-panel' },
        h('h2', { class: 'panel-heading' }, 'Team history'),
        h(
          'p',
          { class: 'hint' },
          'Drop a tracker’s export (CSV) on the page, or open one: stage dates as ActionableAgile and jira-agile-metrics write them (an ID, then one column per stage with the date each item entered it), or an event log (id, stage, enteredAt, exitedAt, type). It is read on this computer; nothing is sent anywhere.',
        ),
        h(
          'button',
          { type: 'button', class: 'secondary', id: 'history-open', onclick: () => this.picker.click() },
          'Open history…',
        ),
        this.picker,
        field(
          'Waiting stages',
          this.waiting,
          'the queues, by name, separated by commas; empty: those named like one (Ready, Waiting, Blocked, …)',
        ),
        field('Commitment point', this.commit, 'count lead time from this stage; empty: from the first'),
        field('Dates such as 03/04/2025', this.dates),
        this.fitControls.root,
        h('h2', { class: 'panel-heading' }, 'Forecast in dates'),
        h(
          'p',
          { class: 'hint' },
          'From the fitted model and from the history’s daily throughput, side by side, on working days.',
        ),
        field('Question', this.question),
        field('N items', this.items),
        field('By date', this.by),
        field('Start', this.start, 'the first day of the work'),
        field('Days off', this.daysOff, 'weekdays, e.g. sat,sun (none for none)'),
        field('Holidays', this.holidays, 'ISO dates, e.g. 2026-12-25, separated by commas or lines'),
        this.forecastControls.root,
      ),
      this.host,
    );
    this.showEmpty();
    this.refreshState();
  }

  /** Reads a history the coach opened or dropped, and studies it. */
  async open(file: File) {
    const tooLarge = historySizeProblem(file.name, file.size);
    if (tooLarge) return this.showProblems(file.name, [tooLarge]);
    this.file = { name: file.name, text: await file.text() };
    await this.runStudy();
  }

  private options(): StudyOptions {
    const waiting = this.waiting.value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const dates = this.dates.value;
    return {
      waiting: waiting.length > 0 ? waiting : undefined,
      commit: this.commit.value.trim() || undefined,
      dateOrder: dates === 'dmy' || dates === 'mdy' ? dates : undefined,
      name: `Fitted from ${this.file?.name ?? 'a history'}`,
    };
  }

  private fitBlock(): string | null {
    return this.file ? null : 'Open a history first.';
  }

  private forecastForm(): DateForecastForm {
    return {
      question: this.question.value,
      start: this.start.value,
      items: this.items.value,
      by: this.by.value,
      daysOff: this.daysOff.value,
      holidays: this.holidays.value,
    };
  }

  private forecastBlock(): string | null {
    if (!this.study) return 'Open a history first: the forecast comes from it.';
    const request = dateForecastRequest(this.forecastForm());
    return typeof request === 'string' ? `To forecast, ${request}.` : null;
  }

  /** Enables each section's button, or says why not (unless something is running). */
  refreshState(running = this.simulator.busy) {
    if (running) return;
    const items = this.question.value === 'items';
    this.items.closest('.field')?.toggleAttribute('hidden', !items);
    this.by.closest('.field')?.toggleAttribute('hidden', items);
    this.fitControls.idle(this.fitBlock());
    this.forecastControls.idle(this.forecastBlock());
  }

  /** Blocks both sections while a run elsewhere uses the worker. */
  block(reason: string) {
    this.fitControls.idle(reason);
    this.forecastControls.idle(reason);
  }

  private async runStudy() {
    const file = this.file;
    if (!file || this.simulator.busy) return;
    this.busy(true);
    this.fitControls.running();
    this.forecastControls.idle('A history is being fitted.');
    try {
      const outcome = await this.simulator.study(file.text, this.options());
      this.busy(false);
      if (!outcome.ok) {
        this.study = null;
        this.forecast = null;
        this.refreshState(false);
        return this.showProblems(file.name, problemLines(file.name, outcome.problems));
      }
      this.study = outcome.study;
      this.forecast = null;
      if (!this.start.value) this.start.value = defaultStart(outcome.study.history.end);
      if (!this.by.value) this.by.value = defaultStart(outcome.study.history.end + 90);
      this.refreshState(false);
      this.fitControls.idle(null, 'Fitted and backtested.');
      await this.show();
    } catch (error) {
      this.busy(false);
      this.refreshState(false);
      this.fitControls.idle(
        this.fitBlock(),
        error instanceof Cancelled ? 'Cancelled.' : `The fit failed: ${String(error)}`,
      );
    }
  }

  private async runForecast() {
    const study = this.study;
    const request = dateForecastRequest(this.forecastForm());
    if (!study || typeof request === 'string' || this.simulator.busy) return;
    this.busy(true);
    this.forecastControls.running();
    this.fitControls.idle('A forecast is in progress.');
    try {
      const { question, start, calendar } = request;
      const both = await this.simulator.historyForecast(
        study.history,
        study.fit.scenario,
        question,
        start,
        calendar,
        {},
      );
      this.busy(false);
      this.refreshState(false);
      if (!both.ok) {
        this.forecastControls.idle(this.forecastBlock(), `Cannot forecast: ${both.reason}.`);
        return;
      }
      this.forecast = {
        shown: {
          question,
          start,
          calendar,
          forecasts: [
            { name: "the history's throughput", forecast: both.throughput },
            { name: 'the model', forecast: both.model },
          ],
        },
        lines: [questionLine(question, start, calendar), daysOffLine(calendar)],
        table: forecastTable(question, both.model, both.throughput),
        notes: [
          `From the model (fitted to ${this.file?.name ?? 'the history'}): ${both.model.basis}.`,
          ...(both.model.notReached > 0
            ? [`${both.model.notReached} replications never got there (the run stopped first).`]
            : []),
          `From the throughput: ${both.throughput.basis}.`,
          ...[spreadLine(question, both.model, both.throughput, 'above')].filter((s) => s !== undefined),
        ],
      };
      this.forecastControls.idle(this.forecastBlock(), 'Done.');
      await this.show();
      document.getElementById('history-forecast-section')?.scrollIntoView({ block: 'start' });
    } catch (error) {
      this.busy(false);
      this.refreshState(false);
      this.forecastControls.idle(
        this.forecastBlock(),
        error instanceof Cancelled ? 'Cancelled.' : `The forecast failed: ${String(error)}`,
      );
    }
  }

  private showEmpty() {
    this.shell.empty(
      h(
        'div',
        { class: 'welcome' },
        h('h2', {}, 'Your own value stream, from its history'),
        h(
          'p',
          {},
          'Drop your tracker’s export here. flowlab fits a model of the team to it (where the queues are, how many work at once, how long each step takes), shows that the model reproduces the history, and then lets you ask what-ifs of it and forecast in dates.',
        ),
      ),
    );
  }

  private showProblems(name: string, lines: readonly string[]) {
    this.shell.empty(
      h(
        'div',
        { class: 'callout alarm history-problems', role: 'alert' },
        h('strong', {}, `Could not read ${name}`),
        h(
          'ul',
          {},
          lines.map((line) => h('li', {}, line)),
        ),
        h('p', {}, 'Fix the file (or the options beside it) and open it again.'),
      ),
    );
  }

  private async show() {
    const study = this.study;
    const file = this.file?.name ?? 'history';
    if (!study) return;
    const { history, fit, backtest } = study;
    const [summary, ...reading] = readingLines(file, history, fit.report);
    const notes = rowNotes(history);
    const slug =
      file
        .replace(/\.[a-z]+$/i, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'history';
    const page = {
      file: slug,
      subject: file,
      ctx: (width: number) => ({ width, large: this.large(), unit: 'day' }),
    };
    const queues = queuesTable(backtest);
    const waiting = fit.report.stages.filter((s) => s.role === 'waiting').map((s) => s.name);
    const cards = [
      ...HISTORY_CHARTS.map((spec) => cardOf(spec, { history, model: study.model, waiting }, page)),
      ...(this.forecast
        ? HISTORY_FORECAST_CHARTS.map((spec) => cardOf(spec, this.forecast?.shown as DateForecastShown, page))
        : []),
    ];
    await this.shell.show(
      [
        resultsHead({
          title: `Team history: ${file}`,
          summary,
          note: h(
            'div',
            { class: 'history-actions' },
            ...reading.map((line) => h('p', { class: 'hint' }, line)),
            h(
              'button',
              {
                type: 'button',
                class: 'primary',
                id: 'history-what-if',
                onclick: () => this.openScenario(fit.scenario),
              },
              'Make what-ifs from this model',
            ),
            h('span', { class: 'hint' }, ' opens the fitted scenario in the editor, among My scenarios.'),
          ),
          exports: 'Export the fitted scenario',
          files: [
            jsonExport(fit.scenario, {
              label: 'Scenario JSON',
              id: 'history-scenario',
              file: `${slug}-fitted.json`,
            }),
          ],
        }),
        notes.lines.length === 0
          ? h('p', { class: 'hint history-rows' }, 'Every row taken as it stands.')
          : h(
              'details',
              { class: 'history-rows' },
              h('summary', {}, `Rows: ${notes.lines.length} notes, ${notes.leftOut} of them rows left out`),
              h(
                'ul',
                {},
                notes.lines.map((line) => h('li', {}, line)),
              ),
            ),
        section(
          'history-backtest',
          backtestTitle(fit.report, backtest),
          tableOf(backtestTable(backtest), 'history-backtest-table', (row) => row[5] === 'NO'),
          h('p', {}, distanceLine(backtest)),
          queues ? h('h4', {}, 'Waiting per visit (days)') : null,
          queues ? tableOf(queues, 'history-queues') : null,
          h('p', { class: 'hint' }, BACKTEST_CAVEAT),
          backtest.warnings.length === 0
            ? h('p', { class: 'callout history-verdict' }, REPRODUCED)
            : h(
                'div',
                { class: 'callout warn history-verdict', role: 'note' },
                h('strong', {}, 'Where the model does not reproduce the history:'),
                h(
                  'ul',
                  {},
                  backtest.warnings.map((w) => h('li', {}, w)),
                ),
              ),
        ),
        section(
          'history-fit',
          'How the model was fitted',
          h('h4', {}, 'Stages'),
          tableOf(stagesTable(fit.report), 'history-stages'),
          h('h4', {}, CLASSES_TITLE),
          tableOf(classesTable(fit.report), 'history-classes'),
          h('h4', {}, 'Steps'),
          tableOf(stepsTable(fit.report), 'history-steps'),
          h('h4', {}, 'How each number was derived'),
          h(
            'ul',
            { class: 'history-derivations' },
            derivations(fit.report).map((d) =>
              h(
                'li',
                {},
                d.lines[0],
                d.lines.length > 1
                  ? h(
                      'ul',
                      {},
                      d.lines.slice(1).map((line) => h('li', {}, line)),
                    )
                  : null,
              ),
            ),
          ),
          h(
            'div',
            { class: 'callout history-assumptions' },
            h('strong', {}, 'Assumptions to check'),
            h(
              'ul',
              {},
              fit.report.assumptions.map((a) => h('li', {}, asFields(a))),
            ),
          ),
        ),
        this.forecast
          ? section(
              'history-forecast-section',
              'Forecast in dates',
              ...this.forecast.lines.map((line) => h('p', {}, line)),
              tableOf(this.forecast.table, 'history-forecast-table'),
              ...this.forecast.notes.map((line) => h('p', { class: 'hint' }, line)),
            )
          : null,
      ],
      cards,
    );
  }

  redraw(): Promise<void> {
    return this.shell.redraw();
  }
}

function section(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h(
    'section',
    { class: 'history-section', id, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title),
    ...children,
  );
}

/** A report table as HTML: the first column names the row. */
function tableOf(table: ReportTable, id: string, flagged?: (row: string[]) => boolean): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'compare-table', id },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          table.head.map((cell) => h('th', { scope: 'col' }, cell)),
        ),
      ),
      h(
        'tbody',
        {},
        table.rows.map((row) =>
          h(
            'tr',
            { class: flagged?.(row) ? 'flagged' : null },
            h('th', { scope: 'row' }, row[0]),
            row.slice(1).map((cell) => h('td', {}, cell)),
          ),
        ),
      ),
    ),
  );
}
