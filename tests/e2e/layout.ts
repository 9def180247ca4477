/**
 * What a screen of the sandbox must not do, measured in the page: scroll sideways (the page, or
 * the presentation layout over it), let a card's content run past its edge, or draw a chart's
 * text outside its svg or over another label.
 */
import type { Page } from 'playwright-core';

/** A screen size a coach meets: a projector with Large type, a participant's phone. */
export interface Screen {
  name: string;
  width: number;
  height: number;
  large: boolean;
}

export const SCREENS: readonly Screen[] = [
  { name: 'projector', width: 1024, height: 768, large: true },
  { name: 'phone', width: 390, height: 844, large: false },
];

/**
 * Each problem as a sentence naming the element. A string, not a function: the test runner's
 * transform may wrap inner functions in a helper that exists only in Node.
 *
 * Text boxes are the glyphs' boxes as the browser laid them out (getBoundingClientRect), so a
 * label is checked where it is, not where the chart estimated it would be. Two labels overlap
 * when their boxes share more than 1.5 px each way (antialiasing and ascenders touch); a box
 * may leave its svg by 1 px for the same reason.
 */
const CHECK = `(() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1)
    problems.push('the page is ' + doc.scrollWidth + ' px wide in a ' + doc.clientWidth + ' px window');
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) !== 0;
  };
  // The presentation layout covers the window itself, and scrolls within.
  for (const layer of document.querySelectorAll('.presentation, .presentation-body'))
    if (layer.scrollWidth > layer.clientWidth + 1)
      problems.push(layer.className + ': content ' + layer.scrollWidth + ' px wide in ' + layer.clientWidth + ' px');
  for (const card of document.querySelectorAll('.chart-card, .headline, .verdict, .compare-table-wrap, .card, .line-card')) {
    if (!card.offsetParent) continue;
    const name = card.id || card.className;
    if (card.scrollWidth > card.clientWidth + 1)
      problems.push(name + ': content ' + card.scrollWidth + ' px wide in a ' + card.clientWidth + ' px card');
    const r = card.getBoundingClientRect();
    if (r.right > doc.clientWidth + 1) problems.push(name + ': right edge at ' + Math.round(r.right) + ' px, past the window');
  }
  for (const svg of document.querySelectorAll('.chart-host svg')) {
    if (!svg.closest('.chart-card')?.offsetParent) continue;
    const chart = svg.closest('[data-chart]')?.id ?? 'svg';
    const box = svg.getBoundingClientRect();
    const card = svg.closest('.chart-card').getBoundingClientRect();
    if (box.right > card.right + 1) problems.push(chart + ': the svg runs ' + Math.round(box.right - card.right) + ' px past its card');
    const labels = [];
    for (const text of svg.querySelectorAll('text')) {
      if (!text.textContent.trim() || !visible(text)) continue;
      if (text.closest('[visibility="hidden"], .cursor, .tooltip')) continue;
      const r = text.getBoundingClientRect();
      const what = chart + ' "' + text.textContent.trim().slice(0, 40) + '"';
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        problems.push(what + ' leaves its svg');
      labels.push({ what, r });
    }
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i].r;
        const b = labels[j].r;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1.5 && y > 1.5) problems.push(labels[i].what + ' overlaps ' + labels[j].what);
      }
  }
  return problems;
})()`;

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(CHECK);
}
