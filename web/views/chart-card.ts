/**
 * A chart in a card: its title, a short "what am I looking at" note, the chart, and buttons
 * to save it as SVG or PNG. The card owns its drawing so it can be redrawn at a new width
 * or type size.
 */
import { download, svgText, svgToPng } from '../charts/export.ts';
import { h, yieldToPage } from './dom.ts';

export interface ChartCard {
  root: HTMLElement;
  host: HTMLElement;
  draw(): void;
}

export function chartCard(options: {
  id: string;
  title: string;
  explain: string;
  file: string;
  wide?: boolean;
  /** Extra controls in the card's header, e.g. a zoom toggle. */
  controls?: HTMLElement;
  draw: (host: HTMLElement, width: number) => void;
}): ChartCard {
  const host = h('div', { class: 'chart-host' });
  const save = async (kind: 'svg' | 'png') => {
    const svg = host.querySelector('svg');
    if (!svg) return;
    if (kind === 'svg') download(`${options.file}.svg`, svgText(svg), 'image/svg+xml');
    else download(`${options.file}.png`, await svgToPng(svg));
  };
  const root = h(
    'article',
    { class: `chart-card${options.wide ? ' wide' : ''}`, id: options.id, 'data-chart': options.id },
    h(
      'header',
      { class: 'chart-head' },
      h('h3', {}, options.title),
      h(
        'div',
        { class: 'chart-actions' },
        options.controls ?? null,
        h(
          'button',
          {
            type: 'button',
            class: 'tiny',
            'aria-label': `Save “${options.title}” as SVG`,
            onclick: () => save('svg'),
          },
          'SVG',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'tiny',
            'aria-label': `Save “${options.title}” as PNG`,
            onclick: () => save('png'),
          },
          'PNG',
        ),
      ),
    ),
    h(
      'details',
      { class: 'explain' },
      h('summary', {}, 'What am I looking at?'),
      h('p', {}, options.explain),
    ),
    host,
  );
  return {
    root,
    host,
    draw: () => options.draw(host, Math.max(280, host.clientWidth || root.clientWidth - 32)),
  };
}

/**
 * Draws the cards one per task, so the page stays responsive (no long task) while a results
 * page fills in, and stops as soon as `current()` says a newer drawing has begun. The host's
 * `data-drawn` tells tests when every chart is there.
 */
export async function drawInTurn(
  host: HTMLElement,
  cards: readonly ChartCard[],
  current: () => boolean,
): Promise<void> {
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
