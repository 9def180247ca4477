/**
 * The headline numbers as a row of cards, each with its interval and a line of meaning.
 * `data-key` names each card for tests and for anyone scripting the page.
 */
import type { Headline } from '../viewmodel/headline.ts';
import { h } from './dom.ts';

export function headlineCards(items: readonly Headline[]): HTMLElement {
  return h(
    'div',
    { class: 'headlines' },
    items.map((x) =>
      h(
        'div',
        { class: `headline tone-${x.tone}`, 'data-key': x.key },
        h('div', { class: 'headline-label' }, x.label),
        h('div', { class: 'headline-value' }, x.value),
        x.interval ? h('div', { class: 'headline-interval' }, x.interval) : null,
        h('div', { class: 'headline-note' }, x.note),
      ),
    ),
  );
}
