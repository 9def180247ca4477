/**
 * A run's or a comparison's results, loop by loop (src/report/loops.ts): each loop of
 * measurement a headed section with the question it answers in plain words, holding that
 * loop's headline numbers, findings and charts; and above them a row of buttons that take the
 * keyboard (and the eye) straight to each loop, since a results page is long. Both pages live in
 * one document, so a page names its sections after itself (`page`: "loop-outer" on the run's,
 * "compare-loop-outer" on the comparison's).
 */
import { type Loop, loopTitle } from '../../src/report/index.ts';
import type { ChartCard } from './chart-card.ts';
import { h } from './dom.ts';

const sectionId = (loop: Loop, page: string) => `${page}loop-${loop.key}`;

/** A loop's section: its heading and question, then `parts` (null ones left out), then its charts. */
export function loopSection(
  loop: Loop,
  parts: readonly (Node | null)[],
  charts: readonly ChartCard[],
  page = '',
): HTMLElement {
  const title = `${sectionId(loop, page)}-title`;
  const name = loopTitle(loop);
  return h(
    'section',
    {
      class: 'loop',
      id: sectionId(loop, page),
      'data-loop': loop.key,
      'aria-labelledby': title,
      // Focusable from the loop buttons, but not a stop of its own when tabbing through.
      tabindex: -1,
    },
    h(
      'header',
      { class: 'loop-head' },
      h('h3', { id: title }, name.charAt(0).toUpperCase() + name.slice(1)),
      h('p', { class: 'loop-question' }, loop.question),
    ),
    ...parts.filter((p) => p !== null),
    charts.length > 0
      ? h(
          'div',
          { class: 'chart-grid' },
          charts.map((c) => c.root),
        )
      : null,
  );
}

/** Buttons that move the focus to each loop's section, in order. */
export function loopNav(loops: readonly Loop[], page = ''): HTMLElement {
  return h(
    'nav',
    { class: 'loop-nav', 'aria-label': 'Loops of measurement' },
    loops.map((loop) =>
      h(
        'button',
        {
          type: 'button',
          class: 'tiny',
          'data-loop': loop.key,
          onclick: (e: MouseEvent) => {
            const target = (e.currentTarget as HTMLElement)
              .closest('.results')
              ?.querySelector(`#${sectionId(loop, page)}`);
            if (!(target instanceof HTMLElement)) return;
            target.focus({ preventScroll: true });
            target.scrollIntoView({ block: 'start' });
          },
        },
        loopTitle(loop),
      ),
    ),
  );
}
