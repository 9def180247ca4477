/**
 * A distribution in the form, of a time or of an amount of money (a value per item; the field
 * table says which): its mean (or, for arrivals, its rate) in view, and behind a fold that
 * shows a small picture of its shape, the shape to choose and its parameters. A change of
 * shape keeps the mean and the variability (distribution-form.ts); the picture is a histogram
 * of draws from the engine's own sampler. A time has the scenario's time unit after it; money
 * has none.
 */

import { count } from '../../src/report/index.ts';
import {
  distributionForm,
  PARAMETERS,
  parameterLabel,
  QUANTITY_WORDS,
  type Quantity,
  quantityOf,
  shapePreview,
  withParameter,
  withShape,
} from '../viewmodel/distribution-form.ts';
import { meanOf, tidy, withMean } from '../viewmodel/distribution-scale.ts';
import { getAt } from '../viewmodel/document-edit.ts';
import { type Control, editDistribution } from '../viewmodel/form-layout.ts';
import { pluralUnit, singularUnit } from '../viewmodel/format.ts';
import { h } from './dom.ts';
import { type Bound, fieldId, fieldShell, type WidgetContext } from './field-shell.ts';

const SVG = 'http://www.w3.org/2000/svg';

export function distributionField(c: Control, ctx: WidgetContext): Bound {
  const id = fieldId(c.key);
  const value = () => getAt(ctx.doc(), c.path);
  const shapes = c.field.kind.type === 'distribution' ? c.field.kind.shapes : [];
  const rate = c.spec.rate === true;
  const quantity = quantityOf(c.spec);
  const words = QUANTITY_WORDS[quantity];
  const optional = !c.field.required;
  const mainText = (v: unknown) => {
    if (v === undefined) return '';
    const m = meanOf(v);
    return rate ? (m > 0 ? format(1 / m) : '') : Number.isFinite(m) ? format(m) : '';
  };

  const main = h('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-path': c.key,
    placeholder: optional ? 'none' : undefined,
  });
  main.value = mainText(value());
  main.addEventListener('input', () => {
    const text = main.value.trim();
    const n = Number(text);
    if (text === '' && optional) {
      ctx.local(c, null);
      return ctx.change(editDistribution(ctx.doc(), c, undefined));
    }
    if (rate ? !(n > 0) || !Number.isFinite(n) : text === '' || !(n >= 0) || !Number.isFinite(n))
      return ctx.local(c, rate ? 'arrival rate must be a number greater than 0' : words.invalid);
    ctx.local(c, null);
    ctx.change(editDistribution(ctx.doc(), c, withMean(value(), rate ? tidy(1 / n) : n)));
  });

  const form = distributionForm(value());
  let picture = preview(value());
  const summaryText = h('span', { class: 'dist-summary-text' }, describe(value(), quantity));
  const shapeSelect = h(
    'select',
    { id: `${id}-dist`, 'data-path': `${c.key}.dist` },
    shapes.map((s) => h('option', { value: s.dist, selected: s.dist === form.shape }, s.dist)),
  );
  if (!shapes.some((s) => s.dist === form.shape))
    shapeSelect.append(h('option', { value: form.shape, selected: true }, form.shape || 'choose'));
  shapeSelect.addEventListener('change', () =>
    ctx.change(editDistribution(ctx.doc(), c, withShape(value(), shapeSelect.value))),
  );
  const described = shapes.find((s) => s.dist === form.shape)?.description ?? '';
  // The mean is the field in view; the fold holds what shapes the times around it.
  const params = Object.keys(form.params).filter((k) => k !== 'mean' && k !== 'value');
  const paramInputs = params.map((k) => {
    const kind = PARAMETERS[k]?.kind ?? 'time';
    const pid = `${id}-${k}`;
    const attrs = {
      id: pid,
      'data-path': `${c.key}.${k}`,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': `${id}-error`,
    };
    const input =
      kind === 'times'
        ? h('textarea', { ...attrs, rows: 3, placeholder: words.placeholder })
        : h('input', { ...attrs, type: 'text', inputmode: 'decimal' });
    input.value = form.params[k];
    input.addEventListener('input', () =>
      ctx.change(editDistribution(ctx.doc(), c, withParameter(value(), k, input.value))),
    );
    const unit = quantity === 'time' && (kind === 'time' || kind === 'times') ? pluralUnit(ctx.timeUnit) : '';
    return {
      key: k,
      input,
      el: h(
        'span',
        { class: 'dist-param' },
        h('label', { for: pid }, parameterLabel(k, quantity)),
        h('span', { class: 'input-with-unit' }, input, unit ? h('span', { class: 'unit' }, unit) : null),
      ),
    };
  });
  const fold = h(
    'details',
    { class: 'dist-shape', id: `${id}-shape` },
    h(
      'summary',
      { 'aria-label': `Shape of ${c.mapKey ?? c.spec.label}: ${describe(value(), quantity)}` },
      picture,
      summaryText,
    ),
    h(
      'div',
      { class: 'dist-params' },
      h('span', { class: 'dist-param' }, h('label', { for: `${id}-dist` }, 'shape'), shapeSelect),
      paramInputs.map((p) => p.el),
      described ? h('span', { class: 'hint' }, described) : null,
    ),
  );
  const unit = rate
    ? `items per ${singularUnit(ctx.timeUnit)}`
    : quantity === 'time'
      ? pluralUnit(ctx.timeUnit)
      : '';
  const el = fieldShell(c, main, { unit, after: fold });
  el.classList.add('field-distribution');

  return {
    el,
    refresh: (doc) => {
      const v = getAt(doc, c.path);
      if (main !== document.activeElement) {
        const t = mainText(v);
        if (t !== main.value && !(main.value.trim() !== '' && Number(main.value) === Number(t)))
          main.value = t;
      }
      const f = distributionForm(v);
      for (const p of paramInputs)
        if (
          p.input !== document.activeElement &&
          f.params[p.key] !== undefined &&
          f.params[p.key] !== p.input.value
        )
          p.input.value = f.params[p.key];
      summaryText.textContent = describe(v, quantity);
      (fold.querySelector('summary') as HTMLElement).setAttribute(
        'aria-label',
        `Shape of ${c.mapKey ?? c.spec.label}: ${describe(v, quantity)}`,
      );
      const next = preview(v);
      picture.replaceWith(next);
      picture = next;
    },
  };
}

/** "gamma · cv 0.5", "empirical · 12 values": the shape and what sets its spread, as the summary of the fold. */
function describe(v: unknown, quantity: Quantity): string {
  if (v === undefined) return 'none';
  const f = distributionForm(v);
  const rest = Object.entries(f.params)
    .filter(([k]) => k !== 'mean' && k !== 'value')
    .map(([k, text]) =>
      PARAMETERS[k]?.kind === 'times'
        ? count(text.split(',').length, QUANTITY_WORDS[quantity].noun)
        : `${k} ${text}`,
    );
  return [f.shape || 'unknown', ...rest].join(' · ');
}

function format(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : '';
}

/** A 48 × 16 histogram of the shape; nothing to see for a value the sampler cannot draw from. */
function preview(v: unknown): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.classList.add('dist-preview');
  svg.setAttribute('viewBox', '0 0 48 16');
  svg.setAttribute('aria-hidden', 'true');
  const p = v === undefined ? null : shapePreview(v, 16);
  svg.classList.toggle('empty', !p);
  if (!p) return svg;
  p.heights.forEach((height, i) => {
    const bar = document.createElementNS(SVG, 'rect');
    const hgt = Math.max(height * 15, height > 0 ? 0.8 : 0);
    bar.setAttribute('x', String(i * 3));
    bar.setAttribute('y', String(16 - hgt));
    bar.setAttribute('width', '2.4');
    bar.setAttribute('height', String(hgt));
    svg.append(bar);
  });
  return svg;
}
