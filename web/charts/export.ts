/**
 * Charts as files: the SVG as drawn (self-contained: every colour and size is an attribute,
 * not a stylesheet rule), and a PNG rendered from it at twice the size for slides. Either
 * carries a heading on the page the card's title is on: the chart and the scenario it is of,
 * so a slide says what it shows without the page around it.
 */
import { fitLabel } from './labels.ts';
import { INK, MUTED, PAPER, typeScale } from './theme.ts';

export interface Heading {
  /** The chart: "Lead-time distribution". */
  title: string;
  /** What it is of: the scenario's name, or the variants compared. */
  subject: string;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A copy of the chart for a file: the heading above it, and nothing that only the page uses. */
function exported(
  svg: SVGSVGElement,
  heading?: Heading,
): { copy: SVGSVGElement; width: number; height: number } {
  const width = Number(svg.getAttribute('width'));
  const chartHeight = Number(svg.getAttribute('height'));
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const el of copy.querySelectorAll('.overlay')) el.remove();
  for (const el of copy.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  copy.setAttribute('xmlns', SVG);
  if (!heading) return { copy, width, height: chartHeight };
  // Sizes from the chart's own base size, so the heading grows with large type as the chart does.
  const base = Number(svg.getAttribute('font-size')) || typeScale(false).base;
  const titleSize = base * 1.3;
  const top = titleSize * 1.3 + base * 1.5 + base * 0.6;
  const height = chartHeight + top;
  const chart = document.createElementNS(SVG, 'g');
  chart.setAttribute('transform', `translate(0,${top})`);
  chart.append(...copy.childNodes);
  const text = (content: { text: string; size: number }, y: number, colour: string, weight: number) => {
    const t = document.createElementNS(SVG, 'text');
    t.setAttribute('class', 'export-heading');
    t.setAttribute('x', String(base));
    t.setAttribute('y', String(y));
    t.setAttribute('font-size', String(content.size));
    t.setAttribute('font-weight', String(weight));
    t.setAttribute('fill', colour);
    t.textContent = content.text;
    return t;
  };
  const label = document.createElementNS(SVG, 'title');
  label.textContent = `${heading.title}: ${heading.subject}`;
  const paper = document.createElementNS(SVG, 'rect');
  paper.setAttribute('width', String(width));
  paper.setAttribute('height', String(height));
  paper.setAttribute('fill', PAPER);
  copy.append(
    label,
    paper,
    text(fitLabel(heading.title, width - base * 2, titleSize, true), titleSize * 1.1, INK, 700),
    text(fitLabel(heading.subject, width - base * 2, base * 1.05), titleSize * 1.3 + base * 1.2, MUTED, 400),
    chart,
  );
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('aria-label', `${heading.title}: ${heading.subject}`);
  return { copy, width, height };
}

export function svgText(svg: SVGSVGElement, heading?: Heading): string {
  const { copy } = exported(svg, heading);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export async function svgToPng(svg: SVGSVGElement, heading?: Heading, scale = 2): Promise<Blob> {
  const { copy, width, height } = exported(svg, heading);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas');
    g.scale(scale, scale);
    g.drawImage(image, 0, 0, width, height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a file the way browsers do it for a link with `download`. */
export function download(name: string, content: Blob | string, type = 'text/plain') {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
