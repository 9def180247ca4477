/**
 * The scenario picker: the coach's own scenarios (My scenarios), then every preset in
 * `scenarios/`, each with its own name and description, as radio buttons of one name (arrow
 * keys move between them).
 * Under the list, what can be done with the scenario being edited: copy it or make a variant,
 * save it to a file, compare it with what it was made from, and for the coach's own scenarios
 * rename and delete. An edited preset says so and can be reset.
 */
import type { Preset } from '../viewmodel/presets.ts';
import { h } from './dom.ts';

export interface OwnChoice {
  id: string;
  name: string;
  description: string;
  /** The name of the scenario this one is a variant of, when that one is still there. */
  from: { id: string; name: string } | null;
}

export interface PickerState {
  presets: readonly Preset[];
  own: readonly OwnChoice[];
  active: string;
  edited: (id: string) => boolean;
  /** A scenario opened from a link, listed after the presets. */
  shared: { id: string; name: string } | null;
}

export interface PickerEvents {
  select(id: string): void;
  reset(id: string): void;
  create(): void;
  open(file: File): void;
  duplicate(id: string): void;
  save(id: string): void;
  rename(id: string, name: string, description: string): void;
  remove(id: string): void;
  compareWith(from: string, id: string): void;
}

interface Option {
  id: string;
  name: string;
  description: string;
}

export function renderPicker(host: HTMLElement, state: PickerState, events: PickerEvents) {
  const option = (o: Option) => {
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
        h('span', { class: 'preset-name' }, o.name, edited ? h('span', { class: 'badge' }, 'edited') : null),
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
  };
  const presets = [
    ...state.presets.map((p) => ({ id: p.id, name: p.name, description: p.description })),
    ...(state.shared
      ? [{ id: state.shared.id, name: state.shared.name, description: 'Opened from a shared link.' }]
      : []),
  ];
  const fileInput = h('input', {
    type: 'file',
    id: 'open-file-input',
    accept: '.json,application/json',
    hidden: true,
    onchange: (e: Event) => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      input.value = '';
      if (file) events.open(file);
    },
  });
  host.replaceChildren(
    h('h2', { id: 'preset-heading', class: 'panel-heading' }, 'Scenario'),
    h(
      'div',
      { class: 'library-actions' },
      h(
        'button',
        { type: 'button', id: 'new-scenario', class: 'quiet', onclick: () => events.create() },
        'New scenario',
      ),
      h(
        'button',
        { type: 'button', id: 'open-file', class: 'quiet', onclick: () => fileInput.click() },
        'Open file…',
      ),
      fileInput,
    ),
    h('h3', { id: 'own-heading', class: 'list-heading' }, 'My scenarios'),
    state.own.length === 0
      ? h(
          'p',
          { class: 'hint own-empty' },
          'None yet. Start one with New scenario, open a file (or drop it on the page), or copy a preset.',
        )
      : h(
          'div',
          { class: 'preset-list', role: 'radiogroup', 'aria-labelledby': 'own-heading', id: 'own-list' },
          state.own.map(option),
        ),
    h('h3', { id: 'presets-heading', class: 'list-heading' }, 'Presets'),
    h(
      'div',
      { class: 'preset-list', role: 'radiogroup', 'aria-labelledby': 'presets-heading' },
      presets.map(option),
    ),
    activeActions(state, events),
  );
}

/** What can be done with the scenario being edited. */
function activeActions(state: PickerState, events: PickerEvents) {
  const own = state.own.find((o) => o.id === state.active);
  const id = state.active;
  const buttons = h(
    'div',
    { class: 'library-actions' },
    h(
      'button',
      { type: 'button', id: 'duplicate-scenario', class: 'quiet', onclick: () => events.duplicate(id) },
      own ? 'Make a variant' : 'Copy to My scenarios',
    ),
    h(
      'button',
      { type: 'button', id: 'save-file', class: 'quiet', onclick: () => events.save(id) },
      'Save to file',
    ),
    own?.from
      ? h(
          'button',
          {
            type: 'button',
            id: 'compare-with-origin',
            class: 'quiet',
            onclick: () => own.from && events.compareWith(own.from.id, id),
          },
          `Compare with “${own.from.name}”`,
        )
      : null,
    own
      ? h(
          'button',
          { type: 'button', id: 'delete-scenario', class: 'quiet', onclick: () => events.remove(id) },
          'Delete',
        )
      : null,
  );
  if (!own) return buttons;
  const name = h('input', { id: 'own-name', type: 'text', value: own.name, autocomplete: 'off' });
  const description = h('textarea', { id: 'own-description', rows: 2 }, own.description);
  const commit = () => {
    if (name.value.trim() !== own.name || description.value.trim() !== own.description)
      events.rename(id, name.value, description.value);
  };
  name.addEventListener('change', commit);
  description.addEventListener('change', commit);
  return h(
    'div',
    { class: 'own-details' },
    h('div', { class: 'field' }, h('label', { for: 'own-name' }, 'Name'), name),
    h('div', { class: 'field' }, h('label', { for: 'own-description' }, 'Description'), description),
    buttons,
  );
}
