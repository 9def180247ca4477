/**
 * Sweep & forecast: the scenario on the Scenario tab, swept over a parameter (one line per
 * routing strategy, a metric with its 95% band: the Kingman curve, and how routing bends it),
 * or forecast by Monte Carlo (a histogram with its percentiles). Sweeps spread their
 * replications over several workers; both show progress and cancel at once.
 */
import {
  execute,
  type ForecastResult,
  planSweep,
  ROUTING_STRATEGIES,
  type Scenario,
  type SweepResult,
} from '../../src/index.ts';
import { forecastChart } from '../charts/forecast-chart.ts';
import { sweepChart } from '../charts/sweep-chart.ts';
import { formatNumber, pluralUnit } from '../viewmodel/format.ts';
import { SWEEP_METRICS, sweepParameters, sweepRequest } from '../viewmodel/sweep-setup.ts';
import { cardOf } from './chart-card.ts';
import { field, h } from './dom.ts';
import { type ResultsShell, resultsShell } from './results-shell.ts';
import { RunControls } from './run-controls.ts';
import { Cancelled, type Simulator } from './simulator.ts';
import { SimulatorPool } from './simulator-pool.ts';

export interface ExploreSource {
  /** The scenario on the Scenario tab, when it is valid. */
  document: unknown;
  scenario: Scenario | null;
}

export class ExploreView {
  readonly root: HTMLElement;
  private readonly pool = new SimulatorPool();
  private readonly parameter = h('select', { id: 'sweep-parameter', name: 'sweep-parameter' });
  private readonly values = h('input', {
    id: 'sweep-values',
    type: 'text',
    spellcheck: 'false',
    autocomplete: 'off',
  });
  private readonly metric = h(
    'select',
    { id: 'sweep-metric' },
    ...Object.entries(SWEEP_METRICS).map(([key, m]) => h('option', { value: key }, m.label)),
  );
  private readonly reps = h('input', { id: 'sweep-reps', type: 'text', inputmode: 'numeric', value: '5' });
  private readonly strategies = h('fieldset', { class: 'form-section strategies' });
  private readonly sweepControls: RunControls;
  private readonly question = h(
    'select',
    { id: 'forecast-question' },
    h('option', { value: 'items' }, 'How long until N more items are done'),
    h('option', { value: 'until' }, 'How many items are done within T'),
  );
  private readonly size = h('input', {
    id: 'forecast-size',
    type: 'text',
    inputmode: 'decimal',
    value: '50',
  });
  private readonly forecastReps = h('input', {
    id: 'forecast-reps',
    type: 'text',
    inputmode: 'numeric',
    value: '200',
  });
  private readonly forecastControls: RunControls;
  private readonly host: HTMLElement;
  private readonly shell: ResultsShell;
  /** The last sweep and forecast, each with the name of the scenario it was of. */
  private sweep: { result: SweepResult; x: string; unit: string; scenario: string } | null = null;
  private forecast: { result: ForecastResult; title: string; scenario: string } | null = null;
  private chosenParameter: string | null = null;

  constructor(
    private readonly source: () => ExploreSource,
    private readonly simulator: Simulator,
    private readonly busy: (busy: boolean) => void,
    private readonly large: () => boolean,
  ) {
    this.sweepControls = new RunControls(
      'Run sweep',
      () => this.runSweep(),
      () => this.pool.cancel(),
      'sweep',
    );
    this.forecastControls = new RunControls(
      'Run forecast',
      () => this.runForecast(),
      () => this.simulator.cancel(),
      'forecast',
    );
    this.host = h('section', {
      class: 'results',
      id: 'explore-results',
      'aria-label': 'Sweep and forecast results',
      tabindex: -1,
    });
    this.shell = resultsShell(this.host);
    this.parameter.addEventListener('change', () => {
      this.chosenParameter = this.parameter.value;
      this.values.value = this.defaultValues();
      this.refresh();
    });
    this.metric.addEventListener('change', () => this.redraw());
    for (const input of [this.values, this.reps, this.size, this.forecastReps, this.question])
      input.addEventListener('input', () => this.refresh());
    this.question.addEventListener('change', () => {
      this.size.value = this.question.value === 'items' ? '50' : '60';
      this.refresh();
    });
    this.root = h(
      'div',
      { class: 'explore' },
      h(
        'aside',
        { class: 'scenario-panel explore-panel' },
        h('h2', { class: 'panel-heading' }, 'Sweep'),
        h(
          'p',
          { class: 'hint' },
          'The scenario from the first tab at every value of one parameter, every point with the same seeds. Several routing strategies make several lines.',
        ),
        field('Parameter', this.parameter),
        field(
          'Values',
          this.values,
          'a list (1,2,3), a range with a step (0.5:0.95:0.05) or with a number of points (0.5:0.95/10)',
        ),
        this.strategies,
        field('Show', this.metric),
        field('Replications per point', this.reps),
        this.sweepControls.root,
        h('h2', { class: 'panel-heading' }, 'Forecast'),
        h(
          'p',
          { class: 'hint' },
          'Runs the scenario through its warm-up, so it holds its usual work in progress, then answers the question in each of many replications.',
        ),
        field('Question', this.question),
        field('N items, or T', this.size),
        field('Replications', this.forecastReps),
        this.forecastControls.root,
      ),
      this.host,
    );
    this.showEmpty();
  }

  private defaultValues(): string {
    const { scenario: s, document } = this.source();
    return (s && sweepParameters(s, document).find((p) => p.path === this.parameter.value)?.values) ?? '';
  }

  /** Brings the form up to date with the scenario on the first tab. */
  refresh() {
    const { scenario, document } = this.source();
    const parameters = scenario ? sweepParameters(scenario, document) : [];
    const keep = parameters.some((p) => p.path === this.chosenParameter)
      ? this.chosenParameter
      : parameters[0]?.path;
    this.parameter.replaceChildren(...parameters.map((p) => h('option', { value: p.path }, p.label)));
    if (keep) this.parameter.value = keep;
    if (!this.values.value) this.values.value = this.defaultValues();
    const checked = new Set(
      [...this.strategies.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value),
    );
    if (checked.size === 0 && scenario) {
      checked.add(scenario.routing);
      checked.add(scenario.routing === 'shortest-queue' ? 'fixed' : 'shortest-queue');
    }
    this.strategies.replaceChildren(
      h('legend', {}, 'Routing strategies (one line each)'),
      ...ROUTING_STRATEGIES.map((r) =>
        h(
          'label',
          { class: 'choice' },
          h('input', {
            type: 'checkbox',
            name: 'sweep-strategy',
            value: r,
            checked: checked.has(r),
            onchange: () => this.refreshState(),
          }),
          ` ${r}`,
        ),
      ),
    );
    this.refreshState();
  }

  private chosenStrategies(): string[] {
    return [...this.strategies.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
  }

  private sweepBlock(): string | null {
    if (!this.source().scenario) return 'Fix the scenario on the first tab to sweep it.';
    const request = sweepRequest(this.parameter.value, this.values.value, this.chosenStrategies());
    if (typeof request === 'string') return `To sweep, ${request}.`;
    if (!(Number(this.reps.value) >= 1 && Number.isInteger(Number(this.reps.value))))
      return 'Replications per point must be a whole number of at least 1.';
    return null;
  }

  private forecastBlock(): string | null {
    if (!this.source().scenario) return 'Fix the scenario on the first tab to forecast.';
    const n = Number(this.size.value);
    if (!(n > 0) || (this.question.value === 'items' && !Number.isInteger(n)))
      return this.question.value === 'items'
        ? 'N must be a whole number of items above 0.'
        : 'T must be a time above 0.';
    if (!(Number(this.forecastReps.value) >= 2 && Number.isInteger(Number(this.forecastReps.value))))
      return 'Replications must be a whole number of at least 2.';
    return null;
  }

  /** Enables Run on each section, or says why not (unless something is running). */
  refreshState(running = this.pool.busy || this.simulator.busy) {
    if (running) return;
    this.sweepControls.idle(this.sweepBlock());
    this.forecastControls.idle(this.forecastBlock());
  }

  /** Blocks both sections while a run elsewhere uses the workers. */
  block(reason: string) {
    this.sweepControls.idle(reason);
    this.forecastControls.idle(reason);
  }

  private async runSweep() {
    const request = sweepRequest(this.parameter.value, this.values.value, this.chosenStrategies());
    const { document, scenario } = this.source();
    if (typeof request === 'string' || !scenario || this.sweepBlock()) return;
    this.busy(true);
    this.sweepControls.running();
    this.forecastControls.idle('A sweep is in progress.');
    try {
      const plan = planSweep(document, request.axes, { replications: Number(this.reps.value) });
      const result = await execute(plan, this.pool, {
        onProgress: (done, total) => this.sweepControls.counted(done, total, 'replications'),
      });
      this.sweep = {
        result,
        x: request.x,
        unit: scenario.timeUnit,
        scenario: scenario.name,
      };
      await this.finished();
    } catch (error) {
      this.failed(this.sweepControls, this.sweepBlock(), 'sweep', error);
    }
  }

  private async runForecast() {
    const { document, scenario } = this.source();
    if (!scenario || this.forecastBlock()) return;
    const n = Number(this.size.value);
    const items = this.question.value === 'items';
    this.busy(true);
    this.forecastControls.running();
    this.sweepControls.idle('A forecast is in progress.');
    try {
      const result = await this.simulator.forecast(document, items ? { items: n } : { until: n }, {
        replications: Number(this.forecastReps.value),
      });
      const units = pluralUnit(scenario.timeUnit);
      this.forecast = {
        result,
        title: items
          ? `${units} until ${formatNumber(n)} more items are done`
          : `items done within ${formatNumber(n)} ${units}`,
        scenario: scenario.name,
      };
      await this.finished();
    } catch (error) {
      this.failed(this.forecastControls, this.forecastBlock(), 'forecast', error);
    }
  }

  private async finished() {
    this.busy(false);
    this.refreshState(false);
    await this.show();
  }

  private failed(controls: RunControls, blocked: string | null, what: string, error: unknown) {
    this.busy(false);
    this.refreshState(false);
    controls.idle(
      blocked,
      error instanceof Cancelled ? 'Cancelled.' : `The ${what} failed: ${String(error)}`,
    );
  }

  private showEmpty() {
    this.shell.empty(
      h(
        'div',
        { class: 'welcome' },
        h('h2', {}, 'What happens as the load grows?'),
        h(
          'p',
          {},
          'Sweep a parameter to see a curve: mean lead time against load is flat at first and then climbs steeply as the load nears 100%, the Kingman curve. Put two routing strategies side by side to see how routing bends it. Or forecast: how long until the next 50 items are done?',
        ),
      ),
    );
  }

  private async show() {
    // Each chart takes its time unit from its own result: the scenario may have changed between them.
    const page = (subject: string) => ({
      file: 'flowlab',
      subject,
      ctx: (width: number) => ({ width, large: this.large(), unit: '' }),
    });
    const metric = () => SWEEP_METRICS[this.metric.value];
    await this.shell.show(
      [],
      [
        ...(this.sweep ? [cardOf(sweepChart, { ...this.sweep, metric }, page(this.sweep.scenario))] : []),
        ...(this.forecast ? [cardOf(forecastChart, this.forecast, page(this.forecast.scenario))] : []),
      ],
    );
  }

  redraw(): Promise<void> {
    return this.shell.redraw();
  }
}
