/**
 * The form's widgets, one per kind of field (form-fields.ts): a number, a text, a choice, a
 * switch, a step, node ids, a list of changes, and a time distribution (distribution-field.ts).
 * Each is labelled, says its unit and what the field does, shows its problems beside it, and
 * writes each edit straight into the document.
 */

import {
  addRow,
  type Control,
  controlChecked,
  controlText,
  editControl,
  removeRow,
} from '../viewmodel/form-layout.ts';
import { pluralUnit, singularUnit } from '../viewmodel/format.ts';
import { distributionField } from './distribution-field.ts';
import { h } from './dom.ts';
import {
  type Bound,
  fieldId,
  fieldShell,
  hintText,
  labelText,
  unitText,
  type WidgetContext,
} from './field-shell.ts';

/** A text input that keeps what the coach is typing when the document changes under it. */
function keepTyping(input: HTMLInputElement | HTMLTextAreaElement, text: () => string) {
  return () => {
    if (input === document.activeElement) return;
    const v = text();
    if (v !== input.value) input.value = v;
  };
}

export function widget(c: Control, ctx: WidgetContext): Bound {
  switch (c.widget) {
    case 'distribution':
      return distributionField(c, ctx);
    case 'list':
      return listWidget(c, ctx);
    case 'checkbox':
      return checkbox(c, ctx);
    case 'select':
    case 'step':
      return select(c, ctx);
    case 'longtext': {
      const input = h('textarea', { rows: 3, 'data-path': c.key, spellcheck: 'true' });
      input.value = controlText(ctx.doc(), c);
      input.addEventListener('input', () => ctx.change(editControl(ctx.doc(), c, input.value)));
      return { el: fieldShell(c, input), refresh: keepTyping(input, () => controlText(ctx.doc(), c)) };
    }
    default: {
      const numeric = c.widget === 'number';
      const input = h('input', {
        type: 'text',
        inputmode: numeric ? 'decimal' : undefined,
        autocomplete: 'off',
        spellcheck: 'false',
        'data-path': c.key,
        placeholder:
          c.field.default !== undefined ? String(c.field.default) : c.field.required ? undefined : 'none',
      });
      input.value = controlText(ctx.doc(), c);
      input.addEventListener('input', () => ctx.change(editControl(ctx.doc(), c, input.value)));
      return {
        el: fieldShell(c, input, { unit: unitText(c, ctx) }),
        refresh: keepTyping(input, () => controlText(ctx.doc(), c)),
      };
    }
  }
}

function checkbox(c: Control, ctx: WidgetContext): Bound {
  const id = fieldId(c.key);
  const input = h('input', {
    type: 'checkbox',
    id,
    'data-path': c.key,
    'aria-describedby': `${id}-hint ${id}-error`,
    checked: controlChecked(ctx.doc(), c),
    onchange: () => ctx.change(editControl(ctx.doc(), c, input.checked)),
  });
  const el = h(
    'div',
    { class: 'field field-checkbox', 'data-field': c.key },
    h('span', { class: 'check' }, input, h('label', { for: id }, labelText(c))),
    h('span', { class: 'hint', id: `${id}-hint` }, hintText(c)),
    h('span', { class: 'field-error', id: `${id}-error`, role: 'alert' }),
  );
  return {
    el,
    refresh: (doc) => {
      input.checked = controlChecked(doc, c);
    },
  };
}

function select(c: Control, ctx: WidgetContext): Bound {
  const current = controlText(ctx.doc(), c);
  const options =
    c.widget === 'step' ? ['', ...ctx.steps] : c.field.kind.type === 'enum' ? [...c.field.kind.options] : [];
  // A value the choices do not hold (a typo in the JSON) is shown as it is, for the schema to name.
  if (!options.includes(current)) options.push(current);
  const input = h(
    'select',
    { 'data-path': c.key },
    options.map((o) => h('option', { value: o, selected: o === current }, o === '' ? 'none' : o)),
  );
  const help = c.spec.help;
  const el = fieldShell(c, input);
  const hint = el.querySelector('.hint') as HTMLElement;
  if (help) hint.textContent = help(current);
  input.addEventListener('change', () => {
    if (help) hint.textContent = help(input.value);
    ctx.change(editControl(ctx.doc(), c, input.value));
  });
  return {
    el,
    refresh: (doc) => {
      const v = controlText(doc, c);
      if (input !== document.activeElement && options.includes(v)) input.value = v;
    },
  };
}

/** A list of changes over time: a row of fields each, a button to add one and one to remove each. */
function listWidget(c: Control, ctx: WidgetContext): Bound {
  const bound = (c.rows ?? []).map((row) => row.map((rc) => widget(rc, ctx)));
  const id = fieldId(c.key);
  const unit = singularUnit(ctx.timeUnit);
  const el = h(
    'div',
    { class: 'field field-list', 'data-field': c.key, role: 'group', 'aria-labelledby': `${id}-label` },
    h('span', { class: 'list-label', id: `${id}-label` }, c.spec.label),
    h('span', { class: 'hint', id: `${id}-hint` }, `${hintText(c)} (times in ${pluralUnit(unit)})`),
    h(
      'ol',
      { class: 'list-rows' },
      bound.map((row, i) =>
        h(
          'li',
          { class: 'list-row' },
          row.map((b) => b.el),
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'aria-label': `Remove change ${i + 1} of ${c.spec.label}`,
              onclick: () => ctx.change(removeRow(ctx.doc(), c, i)),
            },
            'Remove',
          ),
        ),
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'quiet',
        id: `${id}-add`,
        'data-add': c.key,
        onclick: () => ctx.change(addRow(ctx.doc(), c)),
      },
      'Add a change',
    ),
    h('span', { class: 'field-error', id: `${id}-error`, role: 'alert' }),
  );
  return {
    el,
    refresh: (doc) => {
      for (const row of bound) for (const b of row) b.refresh(doc);
    },
  };
}
