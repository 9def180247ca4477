/**
 * The economics card (src/report/economics.ts) under the headline numbers: the cost of delay
 * in all and per class of work, the cost of capacity in all and per node, the total, the value
 * delivered and the due dates met, in the words the terminal prints. In a comparison, each
 * variant's, with its paired difference from the baseline in money under each amount. Shown
 * only when the scenario has economics.
 */
import type { Comparison } from '../../src/index.ts';
import type { EconomicsLine } from '../../src/report/index.ts';
import { economicsComparison } from '../viewmodel/economics-card.ts';
import { h } from './dom.ts';
import { lineCard, variantPart } from './line-card.ts';

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

export function economicsComparisonCard(c: Comparison): HTMLElement | null {
  const variants = economicsComparison(c);
  if (variants.length === 0) return null;
  return lineCard(
    { className: 'economics-card', key: 'economics', title: 'Economics' },
    ...variants.map((v) =>
      variantPart(
        v,
        v.rows.map((row) => ({
          key: row.key,
          label: row.label,
          text: row.text,
          note: row.difference,
          ...(row.part ? { data: { part: 'true' } } : {}),
        })),
      ),
    ),
  );
}
