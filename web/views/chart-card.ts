/**
 * A chart in a card: its title, a short "what am I looking at" note, the chart, and buttons
 * to save it as SVG or PNG. The card owns its drawing so it can be redrawn at a new width
 * or type size.
 */
import { svgText, svgToPng } from '../charts/export.ts';
import { h } from './dom.ts';
import { exportButton } from './export-button.ts';

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
  const svg = () => host.querySelector('svg');
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
        exportButton({
          label: 'SVG',
          description: `Save “${options.title}” as SVG`,
          file: `${options.file}.svg`,
          type: 'image/svg+xml',
          content: () => {
            const drawn = svg();
            return drawn ? svgText(drawn) : null;
          },
        }),
        exportButton({
          label: 'PNG',
          description: `Save “${options.title}” as PNG`,
          file: `${options.file}.png`,
          content: () => {
            const drawn = svg();
            return drawn ? svgToPng(drawn) : null;
          },
        }),
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
