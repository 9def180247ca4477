/**
 * The joins of parallel steps (src/report/joins.ts) beside the headline numbers: at each one,
 * how long finished parts waited for the slowest branch, fork to join, and which branch was
 * last to be done, in the words the terminal prints. Nothing is shown without a parallel step.
 */
import type { JoinReport } from '../../src/report/index.ts';
import { h } from './dom.ts';

export function joinPanel(joins: readonly JoinReport[]): HTMLElement | null {
  if (joins.length === 0) return null;
  return h(
    'section',
    { class: 'join-findings', 'aria-label': 'Parallel steps', 'data-key': 'joins' },
    h('h3', {}, 'Parallel steps: waiting at the join'),
    h(
      'dl',
      {},
      joins.map((j) =>
        h(
          'div',
          { 'data-key': j.key, 'data-slowest': j.slowest },
          h('dt', {}, `${j.where}: ${j.branches}`),
          h(
            'dd',
            {},
            `waited ${j.wait} ${j.unit} for the slowest branch; fork to join ${j.span} ${j.unit}; last to be done: ${j.last}`,
          ),
        ),
      ),
    ),
  );
}
