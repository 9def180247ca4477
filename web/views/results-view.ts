/**
 * One run's results, loop by loop (src/report/loops.ts): the outcomes, then what happens
 * across teams, then at each node, each loop's headline numbers, findings and charts in a
 * section of its own. The charts are drawn one per task so the page keeps answering input
 * while they appear (no task should come near 50 ms).
 */

import type { Scenario, SimulationResult } from '../../src/index.ts';
import {
  byLoop,
  economicsLines,
  inLoop,
  joinReports,
  LOOPS,
  leanFindings,
  type Section,
  verdictOf,
} from '../../src/report/index.ts';
import { stability } from '../../src/runner.ts';
import { RUN_CHARTS } from '../charts/pages.ts';
import { nodesCsv, seriesCsv, summaryCsv } from '../viewmodel/csv.ts';
import { headlines, runSummary } from '../viewmodel/headline.ts';
import { blockersCard } from './blockers-card.ts';
import { cardOf } from './chart-card.ts';
import { constraintCard } from './constraint-card.ts';
import { deliveryCard } from './delivery-card.ts';
import { h } from './dom.ts';
import { economicsCard } from './economics-card.ts';
import { csvExport, jsonExport } from './export-button.ts';
import { headlineCards } from './headline-cards.ts';
import { joinPanel } from './join-findings.ts';
import { leanPanel } from './lean-findings.ts';
import { loopNav, loopSection } from './loop-section.ts';
import { lookTwice, type ResultsShell, resultsHead, resultsShell } from './results-shell.ts';
import { verdictBanner } from './verdict-banner.ts';
import { watchRun } from './watch-panel.ts';

export interface Shown {
  result: SimulationResult;
  scenario: Scenario;
  /** The document that was run, to watch it run again (animated). */
  document?: unknown;
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
  async show({ result, scenario, document }: Shown): Promise<void> {
    const built = performance.now();
    const slug =
      result.scenario
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'scenario';
    const unit = result.timeUnit;
    const verdict = verdictOf(result, stability(scenario));
    const ctx = (width: number) => ({ width, large: this.large(), unit });
    const page = { file: slug, subject: result.scenario, ctx };
    const charts = RUN_CHARTS.map((spec) => ({
      section: spec.section,
      card: cardOf(spec, { result, scenario, verdict }, page),
    }));
    // What is said beside the headline numbers, each in the part of the result it is about.
    const findings: { section: Section; node: HTMLElement | null }[] = [
      ...byLoop(leanFindings(result), (f) => f.key).map(({ items }) => ({
        section: items[0].key,
        node: leanPanel(items),
      })),
      { section: 'joins', node: joinPanel(joinReports(result)) },
      { section: 'economics', node: economicsCard(economicsLines(result)) },
      { section: 'delivery', node: deliveryCard(result) },
      { section: 'constraint', node: constraintCard(result, verdict) },
      { section: 'blockers', node: blockersCard(result) },
    ];
    const heads = headlines(result, verdict);
    const loops = LOOPS.map((loop) => {
      const mine = <T extends { section: Section }>(xs: readonly T[]) => inLoop(loop, xs, (x) => x.section);
      const numbers = mine(heads);
      const cards = mine(charts).map((c) => c.card);
      return {
        cards,
        section: loopSection(
          loop,
          [numbers.length > 0 ? headlineCards(numbers) : null, ...mine(findings).map((f) => f.node)],
          cards,
        ),
      };
    });
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
        lookTwice(result.warnings.map((text) => ({ text }))),
        document === undefined ? null : watchRun({ name: result.scenario, document }),
        loopNav(LOOPS),
        ...loops.map((l) => l.section),
      ],
      // Drawn from the top of the page down: the outer loop's charts first.
      loops.flatMap((l) => l.cards),
      true,
    );
    performance.measure('build results', { start: built, end: performance.now() });
    await drawn;
  }

  /** Draws every chart again (after a resize or a change of type size), one per task. */
  redraw(): Promise<void> {
    return this.shell.redraw();
  }
}
