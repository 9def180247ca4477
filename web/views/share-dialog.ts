/**
 * The share dialog: the link, selected and ready to copy. The link holds the whole scenario
 * (or comparison) in its hash, so whoever opens it sees exactly this run.
 */
import { h } from './dom.ts';

export function openShareDialog(dialog: HTMLDialogElement, what: string, url: string) {
  const input = h('input', {
    type: 'text',
    class: 'share-url',
    readonly: true,
    value: url,
    'aria-label': 'Link',
    id: 'share-url',
  });
  const status = h('span', { class: 'share-status', role: 'status' });
  dialog.replaceChildren(
    h(
      'form',
      { method: 'dialog', class: 'share-form' },
      h('h2', { id: 'share-title' }, `Share ${what}`),
      h(
        'p',
        {},
        'Anyone who opens this link gets this exact scenario, seed included, and the same numbers when they press Run. Nothing is uploaded: it is all in the link.',
      ),
      input,
      h(
        'div',
        { class: 'dialog-buttons' },
        status,
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            onclick: async () => {
              input.select();
              try {
                await navigator.clipboard.writeText(url);
                status.textContent = 'Copied.';
              } catch {
                status.textContent = 'Press Ctrl+C (⌘C) to copy.';
              }
            },
          },
          'Copy link',
        ),
        h('button', { type: 'submit', class: 'secondary' }, 'Close'),
      ),
    ),
  );
  dialog.showModal();
  input.select();
}
