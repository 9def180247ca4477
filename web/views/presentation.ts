/**
 * The presentation layout: one view (a comparison, predict-then-reveal, the animation) over the
 * whole screen in large type, under a slim bar that says what it is and how to leave. The
 * Fullscreen API where the browser offers it; everywhere, a layout over the whole window that
 * needs no permission (a kiosk browser, an embedded page, a phone), and that a reload can put
 * back, which full screen cannot without a click. Escape leaves: in full screen the browser
 * takes Escape itself, so leaving full screen leaves the layout too.
 *
 * A view takes part by mounting itself in the host it is given, `mount(host)`, and answering
 * with how to redraw it at a new size, which keys it takes (the workshop's steps) and how to
 * take it down; the page behind is inert meanwhile, so Tab stays on the screen shown.
 */
import { h } from './dom.ts';

export interface Presentable {
  /** Said in the bar, and to a screen reader as the layout's name. */
  title: string;
  mount(host: HTMLElement): Mounted;
}

export interface Mounted {
  /** Draw again at the host's new size. */
  redraw?(): void;
  /** A key pressed anywhere in the layout; true when the view took it. */
  key?(e: KeyboardEvent): boolean;
  /** Take the view down (put it back where it came from). */
  unmount?(): void;
}

export interface Presentation {
  readonly root: HTMLElement;
  leave(): void;
  /** Puts another view in this one's place, staying in full screen (a workshop's whole comparison). */
  swap(view: Presentable, onLeave?: () => void): void;
}

let shown: Presentation | null = null;

/** Below this width (a phone) large type would not fit the charts: the layout keeps the page's. */
const LARGE_FROM = 700;

/**
 * Whether `el` is being presented on a screen wide enough for large type, the size a room reads
 * from the back (the page behind keeps its own size).
 */
export function presentedLarge(el: Element): boolean {
  return !!shown?.root.contains(el) && document.documentElement.clientWidth > LARGE_FROM;
}

/** Fields keep their keys: arrows move the caret, space types a space, Escape only leaves the field. */
export function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Presents `view`; if a view is presented already, it takes that one's place (leaving and
 * entering full screen again would race: the browser answers both a moment later, in turn).
 */
export function present(
  view: Presentable,
  options: { fullscreen: boolean; onLeave?: () => void },
): Presentation {
  if (shown) {
    shown.swap(view, options.onLeave);
    return shown;
  }
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const body = h('div', { class: 'presentation-body' });
  const title = h('h2', { class: 'presentation-title' });
  const root = h(
    'div',
    { class: 'presentation', role: 'dialog', 'aria-modal': 'true', tabindex: -1 },
    h(
      'header',
      { class: 'presentation-bar' },
      title,
      h('span', { class: 'presentation-hint' }, 'Esc to leave'),
      h(
        'button',
        { type: 'button', class: 'quiet', id: 'presentation-leave', onclick: () => leave() },
        'Leave',
      ),
    ),
    body,
  );
  // The page behind is out of reach of Tab and of screen readers while the layout is up.
  const behind = [...document.body.children].filter(
    (el): el is HTMLElement => el instanceof HTMLElement && !el.inert,
  );
  for (const el of behind) el.inert = true;
  document.body.append(root);
  document.documentElement.classList.add('presenting');
  let mounted: Mounted = {};
  let onLeave = options.onLeave;
  const mount = (next: Presentable) => {
    title.textContent = next.title;
    root.setAttribute('aria-label', next.title);
    mounted = next.mount(body);
  };
  /** Takes the view down, and says so to whoever presented it. */
  const unmount = () => {
    mounted.unmount?.();
    body.replaceChildren();
    onLeave?.();
  };
  let full = false;

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (typing(e.target)) root.focus();
      else leave();
      return;
    }
    if (mounted.key?.(e)) e.preventDefault();
  };
  const onFullscreen = () => {
    if (document.fullscreenElement === root) full = true;
    else if (full) leave();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWidth = 0;
  const resize = new ResizeObserver(([entry]) => {
    const width = Math.round(entry.contentRect.width);
    if (Math.abs(width - lastWidth) < 8) return;
    const first = lastWidth === 0;
    lastWidth = width;
    if (first) return;
    clearTimeout(timer);
    timer = setTimeout(() => mounted.redraw?.(), 150);
  });

  function leave() {
    if (shown !== presentation) return;
    shown = null;
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('fullscreenchange', onFullscreen);
    resize.disconnect();
    clearTimeout(timer);
    if (document.fullscreenElement === root) void document.exitFullscreen().catch(() => {});
    root.remove();
    for (const el of behind) el.inert = false;
    document.documentElement.classList.remove('presenting');
    unmount();
    before?.focus();
  }

  const presentation: Presentation = {
    root,
    leave,
    swap(next, nextOnLeave) {
      unmount();
      onLeave = nextOnLeave;
      mount(next);
      root.focus();
    },
  };
  shown = presentation;
  mount(view);
  document.addEventListener('keydown', onKey);
  document.addEventListener('fullscreenchange', onFullscreen);
  resize.observe(body);
  // Full screen only on a click (browsers refuse it otherwise) and where it is offered; the
  // layout already covers the window, so a refusal changes nothing but the browser's bars.
  if (options.fullscreen && document.fullscreenEnabled)
    root.requestFullscreen({ navigationUI: 'hide' }).catch(() => {});
  root.focus();
  return presentation;
}
