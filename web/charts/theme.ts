/**
 * Colours and type for every chart, in one place.
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
export const WIP_COLOUR = '#1d2433';

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
  return l > 0.22 ? INK : '#ffffff';
}

export function categorical(i: number): string {
  return CATEGORICAL[i % CATEGORICAL.length];
}

/** Type sizes in pixels; large-type mode (for projectors) scales them all. */
export function typeScale(large: boolean) {
  const base = large ? 17 : 12.5;
  return {
    base,
    small: base * 0.88,
    title: base * 1.1,
    font: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
  };
}
