/**
 * One tooltip for every chart: follows the pointer, or sits by the focused element when the
 * chart is used from the keyboard, and is announced to screen readers.
 */
let tip: HTMLDivElement | undefined;

function element(): HTMLDivElement {
  if (!tip) {
    tip = document.createElement('div');
    tip.className = 'chart-tooltip';
    tip.setAttribute('role', 'status');
    tip.setAttribute('aria-live', 'polite');
    tip.hidden = true;
    document.body.append(tip);
  }
  return tip;
}

/** Shows `lines` (the first one as a heading) near the page point (x, y). */
export function showTooltip(lines: readonly string[], x: number, y: number) {
  const t = element();
  // In full screen only the full-screen element is drawn: the tip goes where it can be seen.
  const layer = document.fullscreenElement ?? document.body;
  if (t.parentElement !== layer) layer.append(t);
  t.replaceChildren(
    ...lines.map((line, i) => {
      const div = document.createElement('div');
      div.className = i === 0 ? 'tip-title' : 'tip-line';
      div.textContent = line;
      return div;
    }),
  );
  t.hidden = false;
  const { width, height } = t.getBoundingClientRect();
  const left = Math.min(x + 14, window.scrollX + document.documentElement.clientWidth - width - 8);
  const top = y - height - 12 < window.scrollY ? y + 16 : y - height - 12;
  t.style.left = `${Math.max(window.scrollX + 4, left)}px`;
  t.style.top = `${top}px`;
}

export function hideTooltip() {
  if (tip) tip.hidden = true;
}

/** Tooltip for an SVG element on hover and on keyboard focus. */
export function attachTooltip(el: SVGElement, lines: () => string[]) {
  el.setAttribute('tabindex', '0');
  el.setAttribute('aria-label', lines().join('; '));
  el.addEventListener('pointermove', (e) => showTooltip(lines(), e.pageX, e.pageY));
  el.addEventListener('pointerleave', hideTooltip);
  el.addEventListener('focus', () => {
    const r = el.getBoundingClientRect();
    showTooltip(lines(), window.scrollX + r.left + r.width / 2, window.scrollY + r.top);
  });
  el.addEventListener('blur', hideTooltip);
}

/**
 * One tab stop per group of marks (bars, nodes): Tab reaches the first, the arrow keys move
 * between them, so a keyboard user is not made to tab through forty histogram bars.
 */
export function rovingFocus(items: readonly SVGElement[]) {
  items.forEach((el, i) => {
    el.setAttribute('tabindex', i === 0 ? '0' : '-1');
    el.addEventListener('keydown', (e) => {
      const step =
        e.key === 'ArrowRight' || e.key === 'ArrowDown'
          ? 1
          : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
            ? -1
            : 0;
      if (!step) return;
      e.preventDefault();
      const next = items[(i + step + items.length) % items.length];
      el.setAttribute('tabindex', '-1');
      next.setAttribute('tabindex', '0');
      (next as SVGElement & { focus(): void }).focus();
    });
  });
}
