/**
 * The lean findings (src/report/lean.ts) under the headline numbers: rework, blast radius,
 * handoffs, rejections, backlog, outages, work-item age, in the words the terminal prints.
 * Only those whose mechanism left a trace are listed; with none, nothing is shown.
 */
import type { LeanFinding } from '../../src/report/index.ts';
import { h } from './dom.ts';

export function leanPanel(findings: readonly LeanFinding[]): HTMLElement | null {
  if (findings.length === 0) return null;
  return h(
    'section',
    { class: 'lean-findings', 'aria-label': 'Lean metrics', 'data-key': 'lean' },
    h('h3', {}, 'Lean metrics'),
    h(
      'dl',
      {},
      findings.map((f) =>
        h(
          'div',
          { 'data-key': f.key },
          h('dt', {}, f.label.charAt(0).toUpperCase() + f.label.slice(1)),
          h('dd', {}, f.text),
        ),
      ),
    ),
  );
}
