/**
 * The shell shared by the cards of lines under the headline numbers that a comparison shows
 * too (delivery, blockers): a headed section of label and text pairs, and in a comparison
 * one such list per variant, headed by its name, with the variant's difference from the
 * baseline under the line it is about.
 */
import { h } from './dom.ts';

export interface CardLine {
  key: string;
  label: string;
  text: string;
  /** A sentence under the text (a comparison's difference). */
  note?: string;
  /** More data attributes for the line's row. */
  data?: Record<string, string>;
}

export interface CardShell {
  /** The section's class and `data-key`: "delivery-card", "delivery". */
  className: string;
  key: string;
  title: string;
}

export function lineCard(shell: CardShell, ...body: HTMLElement[]): HTMLElement {
  return h(
    'section',
    { class: `line-card ${shell.className}`, 'aria-label': shell.title, 'data-key': shell.key },
    h('h3', {}, shell.title),
    body,
  );
}

export function lineList(lines: readonly CardLine[]): HTMLElement {
  return h(
    'dl',
    {},
    lines.map((line) =>
      h(
        'div',
        {
          'data-key': line.key,
          ...Object.fromEntries(Object.entries(line.data ?? {}).map(([k, v]) => [`data-${k}`, v])),
        },
        h('dt', {}, line.label),
        h(
          'dd',
          {},
          h('span', { class: 'line-text' }, line.text),
          line.note ? h('span', { class: 'line-note' }, line.note) : null,
        ),
      ),
    ),
  );
}

/** One variant's part of a comparison's card: its name (the baseline marked), its lines, a closing note. */
export function variantPart(
  v: { variant: string; baseline: boolean },
  lines: readonly CardLine[],
  note?: string,
): HTMLElement {
  return h(
    'div',
    { class: 'card-variant', 'data-variant': v.variant },
    h('h4', {}, v.variant, v.baseline ? h('span', { class: 'badge baseline' }, 'baseline') : null),
    lineList(lines),
    note ? h('p', { class: 'line-note' }, note) : null,
  );
}
