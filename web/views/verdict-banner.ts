/**
 * A result's alerts (src/report/verdict.ts) on the page, above every number: a run that
 * stopped early or cannot keep up is said first, in the same words as the terminal.
 */
import type { Alert } from '../../src/report/index.ts';
import { h } from './dom.ts';

/** The alerts, each optionally named after its variant; null when there is nothing to say. */
export function verdictBanner(alerts: readonly (Alert & { variant?: string })[]): HTMLElement | null {
  if (alerts.length === 0) return null;
  return h(
    'div',
    { class: 'callout alarm', role: 'alert', 'data-key': 'verdict' },
    alerts.map((a) =>
      h(
        'p',
        { class: 'alert', 'data-kind': a.kind, 'data-variant': a.variant },
        h('strong', {}, `${a.variant ? `${a.variant}: ` : ''}${a.title}. `),
        a.text,
      ),
    ),
  );
}
