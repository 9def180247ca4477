/**
 * What every widget of the form shares: the context it edits the document through, and the
 * shell of label, unit, hint and error around its input, tied to it for screen readers. Its
 * own file so that the distribution's field and the other widgets both build on it.
 */
import type { Control } from '../viewmodel/form-layout.ts';
import { pluralUnit } from '../viewmodel/format.ts';
import { h } from './dom.ts';

export interface WidgetContext {
  doc: () => unknown;
  timeUnit: string;
  steps: readonly string[];
  /** The node the field belongs to, for a capacity's "people" or "slots". */
  nodeKind?: string;
  change: (doc: unknown) => void;
  /** A problem the form finds itself (text it cannot read as a rate or a time); null clears it. */
  local: (c: Control, message: string | null) => void;
}

export interface Bound {
  el: HTMLElement;
  /** Shows the document's value again, unless the coach is typing in it. */
  refresh: (doc: unknown) => void;
}

export function fieldId(key: string): string {
  return `field-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function unitText(c: Control, ctx: WidgetContext): string {
  const unit = c.spec.unit;
  if (unit === 'time') return pluralUnit(ctx.timeUnit);
  if (unit === 'servers') return ctx.nodeKind === 'agent' ? 'slots' : 'people';
  return unit ?? '';
}

export function labelText(c: Control): string {
  return c.mapKey !== undefined ? `${c.mapKey} ${c.spec.label}` : c.spec.label;
}

export function hintText(c: Control): string {
  return c.spec.hint ?? c.field.description ?? '';
}

/** The label, error and hint around a widget's input, tied to it for screen readers. */
export function fieldShell(
  c: Control,
  input: HTMLElement,
  extra: { unit?: string; after?: HTMLElement } = {},
) {
  const id = fieldId(c.key);
  input.id = id;
  input.setAttribute('aria-describedby', `${id}-hint ${id}-error`);
  return h(
    'div',
    { class: `field field-${c.widget}`, 'data-field': c.key },
    h('label', { for: id }, labelText(c)),
    extra.unit !== undefined
      ? h(
          'span',
          { class: 'input-with-unit' },
          input,
          extra.unit ? h('span', { class: 'unit' }, extra.unit) : null,
        )
      : input,
    h('span', { class: 'hint', id: `${id}-hint` }, hintText(c)),
    extra.after ?? null,
    h('span', { class: 'field-error', id: `${id}-error`, role: 'alert' }),
  );
}
