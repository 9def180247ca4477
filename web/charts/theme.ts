/**
 * Colours and type for every chart, in one place: a chart names what it draws (a percentile
 * mark, a series, the cursor) and takes its colour and size from here.
 *
 * Categorical colours are Okabe & Ito's palette (Color Universal Design, 2008), chosen to stay
 * distinct for the common forms of colour blindness; yellow is left out because it vanishes
 * on white. Utilisation uses ColorBrewer's YlOrRd, a sequential scheme whose lightness falls
 * steadily as load rises, so "busier" reads as "darker" in any colour vision.
 */
import { interpolateYlOrRd } from 'd3';

export const CATEGORICAL = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#8C6D31',
  '#7F7F7F',
];

export const INK = '#1d2433';
export const MUTED = '#5b6475';
export const GRID = '#e3e7ee';
/** Axis lines, and the grid line of a value that matters (100% busy). */
export const AXIS = '#9aa3b2';
export const PAPER = '#ffffff';

/** What the charts draw, each in one colour wherever it appears. */
export const SERIES = {
  /** Items in the whole system: the line the others are read against. */
  wip: INK,
  /** Bars of a distribution (lead times, a forecast's replications). */
  bar: '#56B4E9',
  /** One completed item. */
  dot: '#0072B2',
  /** Items done, in a cumulative flow diagram: a quiet grey, since it grows to fill the chart. */
  done: '#c9ced8',
  /** Items arrived and not yet started, in a cumulative flow diagram. */
  arrived: '#F0E442',
  /** Routes between nodes, and the average queue under a node. */
  route: '#5b7fa6',
  queue: '#4a5568',
  /** The empty track of a bar that fills (the queue under a node). */
  track: '#e6e9ef',
  /** An item blocked on something outside the stream: an open diamond in ink, apart from any dot. */
  blocked: INK,
} as const;

/**
 * Two sources drawn side by side in one chart (a team's history and the model fitted to it):
 * the first in the dots' blue, the second in reddish purple, apart in every colour vision.
 */
export const SOURCES = ['#0072B2', '#CC79A7'] as const;

export function sourceColour(i: number): string {
  return SOURCES[i % SOURCES.length];
}

export type Percentile = 'p50' | 'p85' | 'p95';

/**
 * Percentile marks, the same in every chart. p85 is the one to quote as a forecast ("85% of
 * items are done within ..."), so it alone is solid. Its label is written in the mark's colour,
 * except p95's grey, which is too pale for text (3.9:1 on white, below WCAG's 4.5:1).
 */
export const PERCENTILE: Record<Percentile, { colour: string; text: string; dash: string | null }> = {
  p50: { colour: '#009E73', text: '#009E73', dash: '5 3' },
  p85: { colour: '#D55E00', text: '#D55E00', dash: null },
  p95: { colour: '#7F7F7F', text: INK, dash: '5 3' },
};

/**
 * Colour for a utilisation or offered load: pale when idle, dark red at 100% and above. The
 * power stretches the 60-100% range, where the differences that matter for queues are
 * (waiting grows like rho / (1 - rho)), over most of the scheme.
 */
export function loadColour(load: number): string {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(load) ? load : 0));
  return interpolateYlOrRd(0.04 + 0.94 * clamped ** 2.2);
}

/** Black or white, whichever reads better on `background` (WCAG relative luminance). */
export function inkOn(background: string): string {
  const m = /^rgb\((\d+), ?(\d+), ?(\d+)\)$/.exec(background) ?? /^#(..)(..)(..)$/.exec(background);
  if (!m) return INK;
  const channel = (v: string) => {
    const c = (background.startsWith('#') ? Number.parseInt(v, 16) : Number(v)) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
  return l > 0.22 ? INK : PAPER;
}

export function categorical(i: number): string {
  return CATEGORICAL[i % CATEGORICAL.length];
}

export type TypeScale = ReturnType<typeof typeScale>;

/**
 * Type sizes in pixels; large-type mode (for projectors) scales them all. `base` is the unit
 * every chart's spacing is measured in, so a chart laid out in it grows with the type.
 */
export function typeScale(large: boolean) {
  const base = large ? 17 : 12.5;
  return {
    base,
    /** Tick labels, legends, notes on marks. */
    small: base * 0.88,
    /** Side notes under a mark (a node's queue, its BOTTLENECK tag). */
    tiny: base * 0.8,
    title: base * 1.1,
    font: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
  };
}

/**
 * The average advance of one character as a share of the font size, in the sans-serif faces of
 * `typeScale().font`: about 0.56 em for mixed lower-case text, 0.62 em in bold. SVG cannot
 * measure text before it is drawn, and charts lay out margins and legends before drawing, so
 * they estimate from this.
 */
const EM_PER_CHARACTER = { regular: 0.56, bold: 0.62 } as const;

/** About how wide `text` (or that many characters) is at `size` pixels. */
export function textWidth(text: string | number, size: number, bold = false): number {
  const characters = typeof text === 'number' ? text : text.length;
  return characters * size * EM_PER_CHARACTER[bold ? 'bold' : 'regular'];
}

/** The largest size at which `characters` characters fit in `width` pixels. */
export function sizeToFit(characters: number, width: number, bold = false): number {
  return width / (characters * EM_PER_CHARACTER[bold ? 'bold' : 'regular']);
}
