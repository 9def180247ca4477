/** A dismissible banner under the top bar: links opened, links refused, runs that failed, an undo. */
import { h } from './dom.ts';

export interface NoticeAction {
  label: string;
  run(): void;
}

export function showNotice(
  host: HTMLElement,
  message: string,
  tone: 'info' | 'error' = 'info',
  action?: NoticeAction,
) {
  host.className = `notice ${tone}`;
  host.replaceChildren(
    h('span', { class: 'notice-text' }, message),
    ...(action
      ? [
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              id: 'notice-action',
              onclick: () => {
                hideNotice(host);
                action.run();
              },
            },
            action.label,
          ),
        ]
      : []),
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
