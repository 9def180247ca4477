/**
 * A comparison's results: the differences in words (and whether each variant's constraint
 * moved from the baseline's), a table of every variant's numbers, and charts on shared axes. Charts are drawn one per task, like a single run's.
 */
import type { Comparison } from '../../src/index.ts';
import { type ComparisonReport, comparisonReport, count } from '../../src/report/index.ts';
import { COMPARISON_CHARTS } from '../charts/pages.ts';
import { categorical } from '../charts/theme.ts';
import { comparisonSubject } from '../viewmodel/comparison-setup.ts';
import { comparisonCsv } from '../viewmodel/csv.ts';
import {
  formatDuration,
  formatInterval,
  formatNumber,
  formatPercent,
  formatRate,
} from '../viewmodel/format.ts';
import { differenceSentence } from '../viewmodel/sentences.ts';
import { blockersComparisonCard } from './blockers-card.ts';
import { cardOf } from './chart-card.ts';
import { deliveryComparisonCard } from './delivery-card.ts';
import { h } from './dom.ts';
import { csvExport, jsonExport } from './export-button.ts';
import { lookTwice, type ResultsShell, resultsHead, resultsShell } from './results-shell.ts';
import { verdictBanner } from './verdict-banner.ts';
import { type WatchRequest, watchSideBySide } from './watch-panel.ts';

export class CompareResults {
  private readonly shell: ResultsShell;

  /** `present`, when given, offers to show the comparison in the full-screen presentation layout. */
  constructor(
    host: HTMLElement,
    private readonly large: () => boolean,
    private readonly present?: () => void,
  ) {
    this.shell = resultsShell(host);
    this.empty();
  }

  empty(message = 'Choose the variants on the left and press Run comparison.') {
    this.shell.empty(h('div', { class: 'empty-state' }, h('h2', {}, 'Comparison'), h('p', {}, message)));
  }

  /** Shows a comparison; with the variants' documents, offers to watch two of them side by side. */
  async show(c: Comparison, watch: readonly WatchRequest[] = []): Promise<void> {
    const unit = c.variants[0].result.timeUnit;
    const ctx = (width: number) => ({ width, large: this.large(), unit });
    const report = comparisonReport(c);
    // A variant that stopped early or cannot keep up is neither better nor worse: one sentence
    // says why it is not ranked, in place of its differences.
    const sentences = [
      ...report.variants.flatMap((v) =>
        v.findings.map((f) =>
          h(
            'li',
            { class: 'difference', 'data-variant': f.variant, 'data-metric': f.measure },
            differenceSentence(f),
          ),
        ),
      ),
      ...report.variants.flatMap((v) =>
        v.unranked
          ? [h('li', { class: 'difference unranked', 'data-variant': v.name }, `${v.name}: ${v.unranked}.`)]
          : [],
      ),
      // The middle loop's question across variants: did the constraint move?
      ...report.variants.flatMap((v) =>
        v.constraintMove
          ? [h('li', { class: 'constraint-move', 'data-variant': v.name }, `${v.name}: ${v.constraintMove}.`)]
          : [],
      ),
    ];
    const banner = verdictBanner(
      report.variants.flatMap((v) => v.verdict.alerts.map((a) => ({ ...a, variant: v.name }))),
    );
    const subject = comparisonSubject(
      c.variants.map((v) => v.result.scenario),
      c.variants.length,
    );
    const cards = COMPARISON_CHARTS.map((spec) => cardOf(spec, c, { file: 'comparison', subject, ctx }));
    await this.shell.show(
      [
        resultsHead({
          title: 'Comparison',
          summary: `${subject}, seed ${c.seed}, ${count(c.replications, 'replication')} each; baseline: ${c.baseline}.`,
          note: this.present
            ? h(
                'p',
                { class: 'present-line' },
                h(
                  'button',
                  { type: 'button', class: 'tiny', id: 'compare-present', onclick: this.present },
                  'Present full screen',
                ),
              )
            : undefined,
          exports: 'Export comparison',
          files: [
            jsonExport(c, { label: 'JSON', id: 'export-comparison-json', file: 'comparison.json' }),
            csvExport(() => comparisonCsv(c), {
              label: 'CSV',
              id: 'export-comparison-csv',
              file: 'comparison.csv',
            }),
          ],
        }),
        banner,
        h('ul', { class: 'differences' }, sentences),
        lookTwice(c.variants.flatMap((v) => v.result.warnings.map((text) => ({ variant: v.name, text })))),
        this.table(c, unit, report),
        deliveryComparisonCard(c),
        blockersComparisonCard(c),
        watchSideBySide(watch, { seed: c.seed, replications: c.replications }),
      ],
      cards,
    );
  }

  private table(c: Comparison, unit: string, report: ComparisonReport) {
    const days = (x: number) => formatDuration(x, unit);
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'compare-table' },
        h('caption', { class: 'visually-hidden' }, 'Headline numbers per variant'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [
              'Variant',
              'Mean lead time (95% interval)',
              'p85 lead time',
              'Throughput',
              'WIP',
              'Flow efficiency',
              'Bottleneck',
            ].map((x) => h('th', { scope: 'col' }, x)),
          ),
        ),
        h(
          'tbody',
          {},
          c.variants.map((v, i) =>
            h(
              'tr',
              { 'data-variant': v.name },
              h(
                'th',
                { scope: 'row' },
                swatch(categorical(i)),
                v.name,
                i === 0 ? h('span', { class: 'badge baseline' }, 'baseline') : null,
                report.variants[i].verdict.sound
                  ? null
                  : h(
                      'span',
                      { class: 'badge alarm', 'data-key': 'status' },
                      report.variants[i].verdict.status,
                    ),
              ),
              h(
                'td',
                { 'data-key': 'lead-time-mean' },
                days(v.result.leadTime.mean),
                h('span', { class: 'sub' }, formatInterval(v.result.leadTime.ci95)),
              ),
              h('td', {}, days(v.result.leadTime.p85)),
              h('td', {}, formatRate(v.result.throughput, unit)),
              h('td', {}, formatNumber(v.result.wip.mean)),
              h('td', {}, formatPercent(v.result.flowEfficiency)),
              h('td', {}, v.result.bottleneck),
            ),
          ),
        ),
      ),
    );
  }

  redraw(): Promise<void> {
    return this.shell.redraw();
  }
}

/**
 * A variant's colour beside its name, set through the CSSOM: the page's policy (web/csp.ts)
 * refuses a style attribute, which left every swatch blank.
 */
function swatch(colour: string): HTMLElement {
  const el = h('span', { class: 'swatch' });
  el.style.background = colour;
  return el;
}
