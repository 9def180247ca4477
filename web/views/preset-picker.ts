/**
 * The preset picker: every scenario in `scenarios/`, with its description, as a group of radio
 * buttons (arrow keys move between them). An edited preset says so and can be reset.
 */
import type { Preset } from '../viewmodel/presets.ts';
import { h } from './dom.ts';

export interface PickerState {
  presets: readonly Preset[];
  active: string;
  edited: (id: string) => boolean;
  /** A scenario opened from a link, listed after the presets. */
  shared: { id: string; name: string } | null;
}

export interface PickerEvents {
  select(id: string): void;
  reset(id: string): void;
}

export function renderPicker(host: HTMLElement, state: PickerState, events: PickerEvents) {
  const options = [
    ...state.presets.map((p) => ({ id: p.id, name: p.name, description: p.description })),
    ...(state.shared
      ? [{ id: state.shared.id, name: state.shared.name, description: 'Opened from a shared link.' }]
      : []),
  ];
  const list = h(
    'div',
    { class: 'preset-list', role: 'radiogroup', 'aria-labelledby': 'preset-heading' },
    options.map((o) => {
      const checked = o.id === state.active;
      const edited = state.edited(o.id);
      return h(
        'label',
        { class: `preset${checked ? ' selected' : ''}`, 'data-preset': o.id },
        h('input', {
          type: 'radio',
          name: 'preset',
          value: o.id,
          checked,
          onchange: () => events.select(o.id),
        }),
        h(
          'span',
          { class: 'preset-text' },
          h(
            'span',
            { class: 'preset-name' },
            o.name,
            edited ? h('span', { class: 'badge' }, 'edited') : null,
          ),
          h('span', { class: 'preset-description' }, o.description),
        ),
        checked && edited && state.presets.some((p) => p.id === o.id)
          ? h(
              'button',
              {
                type: 'button',
                class: 'link-button reset',
                title: 'Discard your edits to this preset',
                onclick: (e: Event) => {
                  e.preventDefault();
                  if (confirm(`Discard your edits to “${o.name}”?`)) events.reset(o.id);
                },
              },
              'Reset',
            )
          : null,
      );
    }),
  );
  host.replaceChildren(h('h2', { id: 'preset-heading', class: 'panel-heading' }, 'Scenario'), list);
}
