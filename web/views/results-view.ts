/**
 * One run's results: the headline numbers, then the charts, drawn one per task so the page
 * keeps answering input while they appear (no task should come near 50 ms).
 */
import { verdictOf } from '../../src/experiment/verdict.ts';
import type { Scenario, SimulationResult } from '../../src/index.ts';
import { stability } from '../../src/network/stability.ts';
import { leanFindings } from '../../src/report/lean.ts';
import { drawCfd } from '../charts/cfd.ts';
import { drawHistogram } from '../charts/histogram.ts';
import { drawLines } from '../charts/lines.ts';
import { drawNetwork } from '../charts/network.ts';
import { drawScatter } from '../charts/scatter.ts';
import { categorical, SERIES } from '../charts/theme.ts';
import { drawUtilisation } from '../charts/utilisation.ts';
import { cfdData, cfdZoomWindow } from '../viewmodel/chart-data/cfd-data.ts';
import { histogramData } from '../viewmodel/chart-data/histogram-data.ts';
import { networkLayout } from '../viewmodel/chart-data/network-layout.ts';
import { scatterData } from '../viewmodel/chart-data/scatter-data.ts';
import { wipAndQueueLines } from '../viewmodel/chart-data/series-data.ts';
import { utilisationBars } from '../viewmodel/chart-data/utilisation-data.ts';
import { nodesCsv, seriesCsv, summaryCsv } from '../viewmodel/csv.ts';
import { formatNumber } from '../viewmodel/format.ts';
import { headlines, runSummary } from '../viewmodel/headline.ts';
import { chartCard } from './chart-card.ts';
import { EXPLAIN } from './chart-texts.ts';
import { h } from './dom.ts';
import { csvExport, jsonExport } from './export-button.ts';
import { headlineCards } from './headline-cards.ts';
import { leanPanel } from './lean-findings.ts';
import { lookTwice, type ResultsShell, resultsHead, resultsShell } from './results-shell.ts';
import { verdictBanner } from './verdict-banner.ts';

export interface Shown {
  result: SimulationResult;
  scenario: Scenario;
}

export class ResultsView {
  private readonly shell: ResultsShell;
  private readonly stale = h(
    'p',
    { class: 'stale-note', hidden: true },
    'The scenario has changed since this run. Run again to see the new numbers.',
  );

  constructor(
    private readonly host: HTMLElement,
    private readonly large: () => boolean,
  ) {
    this.shell = resultsShell(host);
    this.empty();
  }

  /** The first thing a visitor sees: what the sandbox is for, in three steps. */
  empty() {
    this.shell.empty(
      h(
        'div',
        { class: 'empty-state' },
        h('h2', {}, 'See how work flows'),
        h(
          'p',
          { class: 'empty-lead' },
          'Simulate a value stream: where the queues build up, how long work takes from arrival to done, and what changes when the same people are organised as a network instead of a chain of hand-offs.',
        ),
        h(
          'ol',
          { class: 'steps' },
          h(
            'li',
            {},
            h('strong', {}, 'Pick a scenario. '),
            'The token ring is the classic pipeline; the network is the same people reorganised.',
          ),
          h(
            'li',
            {},
            h('strong', {}, 'Change what you like. '),
            'Arrival rate, people per team, how long each step takes: the load on each node updates as you type.',
          ),
          h(
            'li',
            {},
            h('strong', {}, 'Press Run. '),
            'The simulation runs in the background and the charts appear here. Then put scenarios side by side under Compare.',
          ),
        ),
      ),
    );
  }

  setStale(stale: boolean) {
    this.stale.hidden = !stale;
  }

  /** Shows a result; resolves once every chart is drawn. */
  async show({ result, scenario }: Shown): Promise<void> {
    const built = performance.now();
    const slug =
      result.scenario
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'scenario';
    const ctx = (width: number) => ({ width, large: this.large(), unit: result.timeUnit });
    const unit = result.timeUnit;
    const verdict = verdictOf(result, stability(scenario));
    const cards = [
      chartCard({
        id: 'chart-network',
        title: 'The network',
        explain: EXPLAIN.network,
        file: `${slug}-network`,
        wide: true,
        draw: (host, w) => drawNetwork(host, (columns) => networkLayout(scenario, result, columns), ctx(w)),
      }),
      chartCard({
        id: 'chart-utilisation',
        title: 'Utilisation per node',
        explain: EXPLAIN.utilisation,
        file: `${slug}-utilisation`,
        draw: (host, w) => drawUtilisation(host, utilisationBars(result, verdict), ctx(w)),
      }),
      chartCard({
        id: 'chart-histogram',
        title: 'Lead-time distribution',
        explain: EXPLAIN.histogram,
        file: `${slug}-lead-time`,
        draw: (host, w) => {
          const data = histogramData(result);
          drawHistogram(host, data, ctx(w));
          host.dataset.items = String(data.bars.length);
        },
      }),
      chartCard({
        id: 'chart-scatter',
        title: 'Cycle time of each item',
        explain: EXPLAIN.scatter,
        file: `${slug}-cycle-times`,
        draw: (host, w) => {
          const data = scatterData(result);
          drawScatter(host, data, ctx(w));
          host.dataset.items = String(data.points.length);
        },
      }),
      this.cfdCard(result, slug, ctx),
      chartCard({
        id: 'chart-wip',
        title: 'WIP and queues over time',
        explain: EXPLAIN.wip,
        file: `${slug}-wip-queues`,
        wide: true,
        draw: (host, w) =>
          drawLines(
            host,
            wipAndQueueLines(result),
            (l, i) =>
              l.key === 'wip'
                ? { colour: SERIES.wip, width: 2.4 }
                : { colour: categorical(i - 1), width: 1.1, opacity: 0.85 },
            ctx(w),
            {
              label: 'WIP and queue length over time',
              y: 'items',
              value: (v) => `${formatNumber(v)} items`,
            },
          ),
      }),
    ];
    this.host.dataset.unit = unit;
    const drawn = this.shell.show(
      [
        resultsHead({
          title: `Results: ${result.scenario}`,
          summary: runSummary(result, verdict),
          note: this.stale,
          exports: 'Export results',
          files: [
            jsonExport(result, { label: 'JSON', id: 'export-json', file: `${slug}-result.json` }),
            csvExport(() => summaryCsv(result), {
              label: 'Summary CSV',
              id: 'export-summary-csv',
              file: `${slug}-summary.csv`,
            }),
            csvExport(() => nodesCsv(result), {
              label: 'Nodes CSV',
              id: 'export-nodes-csv',
              file: `${slug}-nodes.csv`,
            }),
            csvExport(() => seriesCsv(result), {
              label: 'Series CSV',
              id: 'export-series-csv',
              file: `${slug}-series.csv`,
            }),
          ],
        }),
        verdictBanner(verdict.alerts),
        headlineCards(headlines(result, verdict)),
        leanPanel(leanFindings(result)),
        lookTwice(result.warnings.map((text) => ({ text }))),
      ],
      cards,
    );
    performance.measure('build results', { start: built, end: performance.now() });
    await drawn;
  }

  /** The cumulative flow diagram, zoomed to a readable window, with a toggle for the whole run. */
  private cfdCard(
    result: SimulationResult,
    slug: string,
    ctx: (w: number) => { width: number; large: boolean; unit: string },
  ) {
    let zoomed = true;
    const window = cfdZoomWindow(result);
    const toggle = h(
      'button',
      { type: 'button', class: 'tiny', 'aria-pressed': 'false', id: 'cfd-zoom' },
      'Whole run',
    );
    const card = chartCard({
      id: 'chart-cfd',
      title: 'Cumulative flow',
      explain: EXPLAIN.cfd,
      file: `${slug}-cfd`,
      controls: toggle,
      draw: (host, w) => drawCfd(host, cfdData(result, zoomed ? window : undefined), ctx(w)),
    });
    toggle.addEventListener('click', () => {
      zoomed = !zoomed;
      toggle.setAttribute('aria-pressed', String(!zoomed));
      card.draw();
    });
    return card;
  }

  /** Draws every chart again (after a resize or a change of type size), one per task. */
  redraw(): Promise<void> {
    return this.shell.redraw();
  }
}
