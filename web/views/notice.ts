/** A dismissible banner under the top bar: links opened, links refused, runs that failed. */
import { h } from './dom.ts';

export function showNotice(host: HTMLElement, message: string, tone: 'info' | 'error' = 'info') {
  host.className = `notice ${tone}`;
  host.replaceChildren(
    h('span', { class: 'notice-text' }, message),
    h(
      'button',
      { type: 'button', class: 'link-button', 'aria-label': 'Dismiss', onclick: () => hideNotice(host) },
      'Dismiss',
    ),
  );
  host.hidden = false;
}

export function hideNotice(host: HTMLElement) {
  host.hidden = true;
  host.replaceChildren();
}
