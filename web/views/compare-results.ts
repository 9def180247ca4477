/**
 * A comparison's results, loop by loop (src/report/loops.ts), as a run's are: the outcomes,
 * then across teams, then at each node, each a headed section with its question holding that
 * loop's numbers for every variant, the differences from the baseline in words (and, in the
 * middle loop, whether each variant's constraint moved), the cards of each variant's money,
 * DORA's measures and blocked time, and the charts on shared axes, drawn one per task.
 */
import type { ComparedVariant, Comparison } from '../../src/index.ts';
import {
  type ComparisonReport,
  comparisonReport,
  count,
  inLoop,
  LOOPS,
  type Loop,
  type Section,
} from '../../src/report/index.ts';
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
import { economicsComparisonCard } from './economics-card.ts';
import { csvExport, jsonExport } from './export-button.ts';
import { loopNav, loopSection } from './loop-section.ts';
import { lookTwice, type ResultsShell, resultsHead, resultsShell } from './results-shell.ts';
import { verdictBanner } from './verdict-banner.ts';
import { type WatchRequest, watchSideBySide } from './watch-panel.ts';

/** The comparison's sections are named apart from a run's: both pages live in one document. */
const PAGE = 'compare-';

/** A column of a loop's table: its heading, the part of the result it shows, and its cell. */
interface Column {
  head: string;
  section: Section;
  cell: (v: ComparedVariant, i: number) => HTMLElement;
}

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
    // What is said of the variants against the baseline, each in the part of the result it is
    // about. A variant that stopped early or cannot keep up is neither better nor worse: one
    // sentence says why it is not ranked, in place of its differences in the outcomes. The
    // differences in money are said under each amount on the economics card, as DORA's are on
    // the delivery card.
    const said: { section: Section; node: HTMLElement }[] = [
      ...report.variants.flatMap((v) =>
        v.findings
          .filter((f) => f.section !== 'economics')
          .map((f) => ({
            section: f.section,
            node: h(
              'li',
              { class: 'difference', 'data-variant': f.variant, 'data-metric': f.measure },
              differenceSentence(f),
            ),
          })),
      ),
      ...report.variants.flatMap((v) =>
        v.unranked
          ? [
              {
                section: 'lead-time' as const,
                node: h(
                  'li',
                  { class: 'difference unranked', 'data-variant': v.name },
                  `${v.name}: ${v.unranked}.`,
                ),
              },
            ]
          : [],
      ),
      // The middle loop's question across variants: did the constraint move?
      ...report.variants.flatMap((v) =>
        v.constraintMove
          ? [
              {
                section: 'constraint' as const,
                node: h(
                  'li',
                  { class: 'constraint-move', 'data-variant': v.name },
                  `${v.name}: ${v.constraintMove}.`,
                ),
              },
            ]
          : [],
      ),
    ];
    const cards: { section: Section; node: HTMLElement | null }[] = [
      { section: 'economics', node: economicsComparisonCard(c) },
      { section: 'delivery', node: deliveryComparisonCard(c) },
      { section: 'blockers', node: blockersComparisonCard(c) },
    ];
    const banner = verdictBanner(
      report.variants.flatMap((v) => v.verdict.alerts.map((a) => ({ ...a, variant: v.name }))),
    );
    const subject = comparisonSubject(
      c.variants.map((v) => v.result.scenario),
      c.variants.length,
    );
    const charts = COMPARISON_CHARTS.map((spec) => ({
      section: spec.section,
      card: cardOf(spec, c, { file: 'comparison', subject, ctx }),
    }));
    const columns = this.columns(unit, report);
    const loops = LOOPS.map((loop) => {
      const mine = <T extends { section: Section }>(xs: readonly T[]) => inLoop(loop, xs, (x) => x.section);
      const sentences = mine(said).map((x) => x.node);
      const drawn = mine(charts).map((x) => x.card);
      return {
        cards: drawn,
        section: loopSection(
          loop,
          [
            this.table(loop, c, report, mine(columns)),
            sentences.length > 0 ? h('ul', { class: 'differences' }, sentences) : null,
            ...mine(cards).map((x) => x.node),
          ],
          drawn,
          PAGE,
        ),
      };
    });
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
        lookTwice(c.variants.flatMap((v) => v.result.warnings.map((text) => ({ variant: v.name, text })))),
        watchSideBySide(watch, { seed: c.seed, replications: c.replications }),
        loopNav(LOOPS, PAGE),
        ...loops.map((l) => l.section),
      ],
      // Drawn from the top of the page down: the outer loop's charts first.
      loops.flatMap((l) => l.cards),
      true,
    );
  }

  /** Every variant's numbers, each column in the loop of the part of the result it shows. */
  private columns(unit: string, report: ComparisonReport): Column[] {
    const days = (x: number) => formatDuration(x, unit);
    return [
      {
        head: 'Mean lead time (95% interval)',
        section: 'lead-time',
        cell: (v) =>
          h(
            'td',
            { 'data-key': 'lead-time-mean' },
            days(v.result.leadTime.mean),
            h('span', { class: 'sub' }, formatInterval(v.result.leadTime.ci95)),
          ),
      },
      { head: 'p85 lead time', section: 'lead-time', cell: (v) => h('td', {}, days(v.result.leadTime.p85)) },
      {
        head: 'Throughput',
        section: 'throughput',
        cell: (v) => h('td', {}, formatRate(v.result.throughput, unit)),
      },
      { head: 'WIP', section: 'wip', cell: (v) => h('td', {}, formatNumber(v.result.wip.mean)) },
      {
        head: 'Flow efficiency',
        section: 'flow-efficiency',
        cell: (v) => h('td', {}, formatPercent(v.result.flowEfficiency)),
      },
      {
        head: 'Constraint',
        section: 'constraint',
        cell: (_, i) => h('td', { 'data-key': 'constraint' }, report.variants[i].constraint),
      },
      {
        head: 'Bottleneck (busiest)',
        section: 'nodes',
        cell: ({ result: r }) =>
          h('td', {}, `${r.bottleneck} ${formatPercent(r.nodes[r.bottleneck].utilization)}`),
      },
    ];
  }

  /** A loop's table: a row per variant, the loop's columns; null for a loop without any. */
  private table(loop: Loop, c: Comparison, report: ComparisonReport, columns: readonly Column[]) {
    if (columns.length === 0) return null;
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'compare-table', 'data-loop': loop.key },
        h('caption', { class: 'visually-hidden' }, `Numbers per variant: ${loop.subject}`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Variant', ...columns.map((col) => col.head)].map((x) => h('th', { scope: 'col' }, x)),
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
              columns.map((col) => col.cell(v, i)),
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
