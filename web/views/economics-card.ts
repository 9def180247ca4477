/**
 * The economics card (src/report/economics.ts) under the headline numbers: the cost of delay
 * in all and per class of work, the cost of capacity in all and per node, the total, the value delivered and the
 * due dates met, in the words the terminal prints. Shown only when the scenario has economics.
 */
import type { EconomicsLine } from '../../src/report/index.ts';
import { h } from './dom.ts';

export function economicsCard(lines: readonly EconomicsLine[]): HTMLElement | null {
  if (lines.length === 0) return null;
  return h(
    'section',
    { class: 'economics-card', 'aria-label': 'Economics', 'data-key': 'economics' },
    h('h3', {}, 'Economics'),
    h(
      'dl',
      {},
      lines.map((line) =>
        h(
          'div',
          { 'data-key': line.key, ...(line.part ? { class: 'economics-class' } : {}) },
          h(
            'dt',
            {},
            line.part ? `· ${line.label}` : line.label.charAt(0).toUpperCase() + line.label.slice(1),
          ),
          h('dd', {}, line.text),
        ),
      ),
    ),
  );
}
