/**
 * What every results page is made of, around its own numbers: a head (a title, a line that
 * says what was run, the export buttons), the "Look twice" warnings, and chart cards that are
 * drawn one per task and drawn again after a resize or a change of type size.
 */
import type { ChartCard } from './chart-card.ts';
import { h, yieldToPage } from './dom.ts';
import { type Export, exportButton } from './export-button.ts';

export interface ResultsShell {
  /**
   * Shows `parts` (null ones left out) above the cards and draws the cards; resolves once every
   * chart is drawn, or as soon as a newer page replaces this one. With `placed`, the cards are
   * already in `parts` (a run's, in its loops' sections) and are drawn where they are.
   */
  show(parts: readonly (Node | null)[], cards: readonly ChartCard[], placed?: boolean): Promise<void>;
  /** Shows a page without charts: the welcome, or why there is nothing to show. */
  empty(...parts: Node[]): void;
  /** Draws every chart again, one per task. */
  redraw(): Promise<void>;
}

export function resultsShell(host: HTMLElement): ResultsShell {
  let cards: readonly ChartCard[] = [];
  let drawing = 0;
  const redraw = async () => {
    if (cards.length === 0) return;
    const generation = ++drawing;
    await drawInTurn(host, cards, () => generation === drawing);
  };
  return {
    show(parts, shown, placed = false) {
      cards = shown;
      host.replaceChildren(
        ...parts.filter((p) => p !== null),
        ...(placed
          ? []
          : [
              h(
                'div',
                { class: 'chart-grid' },
                shown.map((c) => c.root),
              ),
            ]),
      );
      return redraw();
    },
    empty(...parts) {
      cards = [];
      drawing++;
      host.replaceChildren(...parts);
    },
    redraw,
  };
}

/** The page's title, what was run (and any note under it), and its export buttons. */
export function resultsHead(head: {
  title: string;
  summary: string;
  note?: Node;
  /** What the group of export buttons saves, for a screen reader. */
  exports: string;
  files: readonly Export[];
}): HTMLElement {
  return h(
    'div',
    { class: 'results-head' },
    h('div', {}, h('h2', {}, head.title), h('p', { class: 'run-summary' }, head.summary), head.note ?? null),
    h(
      'div',
      { class: 'export-buttons', role: 'group', 'aria-label': head.exports },
      h('span', { class: 'export-label' }, 'Export'),
      head.files.map(exportButton),
    ),
  );
}

/** A result's warnings (a variant's named before its own); null when there are none. */
export function lookTwice(warnings: readonly { variant?: string; text: string }[]): HTMLElement | null {
  if (warnings.length === 0) return null;
  return h(
    'div',
    { class: 'callout warn', role: 'note' },
    h('strong', {}, 'Look twice: '),
    h(
      'ul',
      {},
      warnings.map((w) => h('li', {}, w.variant ? h('strong', {}, `${w.variant}: `) : null, w.text)),
    ),
  );
}

/**
 * Draws the cards one per task, so the page stays responsive (no long task) while a results
 * page fills in, and stops as soon as `current()` says a newer drawing has begun. The host's
 * `data-drawn` tells tests when every chart is there.
 */
async function drawInTurn(host: HTMLElement, cards: readonly ChartCard[], current: () => boolean) {
  host.dataset.drawn = 'false';
  for (const card of cards) {
    await yieldToPage();
    if (!current()) return;
    // Each chart's drawing time shows in the browser's performance panel (and in the e2e report).
    const start = performance.now();
    card.draw();
    performance.measure(`draw ${card.root.id}`, { start, end: performance.now() });
  }
  host.dataset.drawn = 'true';
}
