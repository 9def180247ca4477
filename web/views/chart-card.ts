/**
 * A chart in a card: its title, a short "what am I looking at" note, the chart, and buttons
 * to save it as SVG or PNG. The card owns its drawing so it can be redrawn at a new width
 * or type size.
 */
import type { ChartSpec } from '../charts/chart-spec.ts';
import { svgText, svgToPng } from '../charts/export.ts';
import type { ChartContext } from '../charts/frame.ts';
import { h } from './dom.ts';
import { exportButton, jsonExport } from './export-button.ts';

export interface ChartCard {
  root: HTMLElement;
  host: HTMLElement;
  draw(): void;
}

export function chartCard(options: {
  id: string;
  title: string;
  /** What the chart is of (the scenario's name, the variants compared), for the saved files' heading. */
  subject: string;
  explain: string;
  file: string;
  wide?: boolean;
  /** Extra controls in the card's header, before its SVG and PNG: a zoom toggle, a JSON export. */
  controls?: readonly HTMLElement[];
  draw: (host: HTMLElement, width: number) => void;
}): ChartCard {
  const host = h('div', { class: 'chart-host' });
  const svg = () => host.querySelector('svg');
  const heading = { title: options.title, subject: options.subject };
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
        ...(options.controls ?? []),
        exportButton({
          label: 'SVG',
          description: `Save “${options.title}” as SVG`,
          file: `${options.file}.svg`,
          type: 'image/svg+xml',
          content: () => {
            const drawn = svg();
            return drawn ? svgText(drawn, heading) : null;
          },
        }),
        exportButton({
          label: 'PNG',
          description: `Save “${options.title}” as PNG`,
          file: `${options.file}.png`,
          content: () => {
            const drawn = svg();
            return drawn ? svgToPng(drawn, heading) : null;
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

/**
 * The card of a chart a page lists (web/charts/pages.ts), drawn from what the page shows; its
 * files are named after the page's (`page.file`), and a toggle the chart declares redraws it.
 */
export function cardOf<T>(
  spec: ChartSpec<T>,
  shown: T,
  page: { file: string; subject: string; ctx: (width: number) => ChartContext },
): ChartCard {
  let toggled = false;
  const toggle = spec.toggle
    ? h(
        'button',
        { type: 'button', class: 'tiny', 'aria-pressed': 'false', id: spec.toggle.id },
        spec.toggle.label,
      )
    : undefined;
  const card = chartCard({
    id: spec.id,
    title: spec.title,
    subject: page.subject,
    explain: spec.explain,
    file: `${page.file}-${spec.file}`,
    wide: spec.wide,
    controls: [
      ...(toggle ? [toggle] : []),
      ...(spec.json
        ? [
            exportButton(
              jsonExport(spec.json.value(shown), {
                label: 'JSON',
                id: spec.json.id,
                description: spec.json.description,
                file: `${page.file}-${spec.file}.json`,
              }),
            ),
          ]
        : []),
    ],
    draw: (host, width) => spec.draw(host, shown, page.ctx(width), toggled),
  });
  toggle?.addEventListener('click', () => {
    toggled = !toggled;
    toggle.setAttribute('aria-pressed', String(toggled));
    card.draw();
  });
  return card;
}
