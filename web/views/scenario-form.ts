/**
 * The form: the numbers coaches change most, each written straight into the scenario document
 * (so the JSON editor shows the same scenario), with validation problems beside the field and
 * the load each node would carry shown live as the numbers change.
 */

import { loadColour } from '../charts/theme.ts';
import { tidy, withMean } from '../viewmodel/distribution-scale.ts';
import { getAt, readInput, setAt, setOptional } from '../viewmodel/document-edit.ts';
import {
  type FormModel,
  formStructure,
  MECHANISM_FIELDS,
  ROUTING_CHOICES,
  readForm,
} from '../viewmodel/form-model.ts';
import { formatPercent, pluralUnit, singularUnit } from '../viewmodel/format.ts';
import type { JsonPath } from '../viewmodel/json-locate.ts';
import { loadVerdict, type NodeLoad } from '../viewmodel/offered-load.ts';
import { fieldKey } from '../viewmodel/problems.ts';
import { routingHelp } from '../viewmodel/routing-help.ts';
import { h } from './dom.ts';

export interface FormUpdate {
  /** The document as typed, or null when the JSON does not parse. */
  doc: unknown;
  /** Messages by field path (see `problemsByField`). */
  problems: Map<string, string[]>;
  /** Offered load per node id, when the scenario is valid. */
  loads: Map<string, NodeLoad> | null;
  /** True when the change came from this form: keep the inputs the coach is typing in. */
  fromForm: boolean;
}

export class ScenarioForm {
  private structure = '';
  private doc: unknown = null;
  /** Problems found by the form itself: a rate or a mean it cannot turn into a distribution. */
  private local = new Map<string, string>();
  readonly root = h('form', {
    class: 'scenario-form',
    novalidate: true,
    onsubmit: (e: Event) => e.preventDefault(),
  });

  constructor(
    private readonly onChange: (doc: unknown) => void,
    private readonly onLocalProblems: (count: number) => void,
  ) {}

  get localProblems(): number {
    return this.local.size;
  }

  update(u: FormUpdate) {
    this.doc = u.doc;
    if (u.doc === null) {
      this.structure = '';
      this.root.replaceChildren(
        h(
          'p',
          { class: 'form-unavailable' },
          'The JSON has a syntax error, so the form cannot show it. Fix it in the JSON tab, or revert to the last valid scenario there.',
        ),
      );
      return;
    }
    const model = readForm(u.doc);
    const structure = formStructure(model);
    if (!u.fromForm || structure !== this.structure) {
      this.structure = structure;
      this.local.clear();
      this.onLocalProblems(0);
      this.build(model);
    } else this.refreshValues(model);
    this.showProblems(u.problems);
    this.showLoads(u.loads);
  }

  private build(m: FormModel) {
    const unit = m.timeUnit;
    const plural = pluralUnit(unit);
    this.root.replaceChildren(
      h(
        'fieldset',
        { class: 'form-section' },
        h('legend', {}, 'Demand'),
        m.demand.map((d) =>
          this.field({
            path: d.path,
            label: m.demand.length > 1 ? `${d.id} arrival rate` : 'Arrival rate',
            value: formatInput(d.rate),
            suffix: `items per ${singularUnit(unit)}`,
            hint: `${d.shape} times between arrivals`,
            set: (text) => this.setRate(d.path, text),
          }),
        ),
      ),
      h(
        'fieldset',
        { class: 'form-section' },
        h('legend', {}, 'Routing and run'),
        this.routingField(m.routing),
        h(
          'div',
          { class: 'field-grid' },
          this.plainField(['run', 'duration'], 'Duration', m.run.duration, plural, 'arrivals stop then'),
          this.plainField(
            ['run', 'warmup'],
            'Warm-up',
            m.run.warmup,
            plural,
            'left out of the statistics; "auto" to let MSER-5 choose',
          ),
          this.plainField(
            ['run', 'replications'],
            'Replications',
            m.run.replications,
            'runs',
            'more = narrower intervals',
          ),
          this.plainField(['run', 'seed'], 'Seed', m.run.seed, '', 'same seed, same numbers'),
        ),
      ),
      h(
        'fieldset',
        { class: 'form-section nodes' },
        h('legend', {}, 'Nodes'),
        m.nodes.map((n) =>
          h(
            'div',
            { class: 'node-card', 'data-node': n.id },
            h(
              'div',
              { class: 'node-head' },
              h('span', { class: 'node-name' }, n.id),
              h('span', { class: `kind kind-${n.kind}` }, n.kind),
              h(
                'span',
                {
                  class: 'load',
                  'data-load': n.id,
                  title: 'Offered load: the share of capacity the arrivals demand',
                },
                h('span', { class: 'load-bar' }, h('span', { class: 'load-fill' })),
                h('span', { class: 'load-text' }, '–'),
              ),
            ),
            h(
              'div',
              { class: 'field-grid' },
              this.plainField(
                ['nodes', n.index, 'capacity'],
                'Capacity',
                n.capacity,
                n.kind === 'agent' ? 'slots' : 'people',
                'working in parallel',
              ),
              n.services.map((s) =>
                this.field({
                  path: s.path,
                  label: `${s.capability} takes`,
                  value: formatInput(s.mean),
                  suffix: plural,
                  hint: `mean, ${s.shape}`,
                  set: (text) => this.setMean(s.path, text),
                }),
              ),
            ),
            // Lean mechanisms fold away: most nodes do not use them, and seven nodes' worth of
            // empty fields would bury the numbers coaches change most. Open when one is set.
            n.mechanisms.length
              ? h(
                  'details',
                  { class: 'mechanisms', open: n.mechanisms.some((m) => m.value !== undefined) },
                  h('summary', {}, n.mechanisms.map((m) => MECHANISM_FIELDS[m.key].label).join(', ')),
                  h(
                    'div',
                    { class: 'field-grid' },
                    n.mechanisms.map((mech) => {
                      const spec = MECHANISM_FIELDS[mech.key];
                      return this.field({
                        path: mech.path,
                        label: spec.label,
                        value: mech.value === undefined ? '' : String(mech.value),
                        suffix: '',
                        hint: spec.hint,
                        placeholder: 'none',
                        set: (text) => this.onChange(setOptional(this.doc, mech.path, readInput(text), 2)),
                      });
                    }),
                  ),
                )
              : null,
          ),
        ),
      ),
    );
  }

  private routingField(value: unknown) {
    const id = 'field-routing';
    const help = h('span', { class: 'hint', id: `${id}-hint` }, routingHelp(String(value)));
    const select = h(
      'select',
      {
        id,
        'data-path': 'routing',
        'aria-describedby': `${id}-hint ${id}-error`,
        onchange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          help.textContent = routingHelp(v);
          this.onChange(setAt(this.doc, ['routing'], v));
        },
      },
      ROUTING_CHOICES.map((r) => h('option', { value: r, selected: r === value }, r)),
    );
    return h(
      'div',
      { class: 'field wide', 'data-field': 'routing' },
      h('label', { for: id }, 'Routing: each step goes to'),
      select,
      help,
      h('span', { class: 'field-error', id: `${id}-error`, role: 'alert' }),
    );
  }

  private plainField(path: JsonPath, label: string, value: unknown, suffix: string, hint: string) {
    return this.field({
      path,
      label,
      value: value === undefined ? '' : String(value),
      suffix,
      hint,
      set: (text) => this.onChange(setAt(this.doc, path, readInput(text))),
    });
  }

  private field(f: {
    path: JsonPath;
    label: string;
    value: string;
    suffix: string;
    hint: string;
    placeholder?: string;
    set: (text: string) => void;
  }) {
    const key = fieldKey(f.path);
    const id = `field-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    return h(
      'div',
      { class: 'field', 'data-field': key },
      h('label', { for: id }, f.label),
      h(
        'span',
        { class: 'input-with-unit' },
        h('input', {
          id,
          type: 'text',
          inputmode: 'decimal',
          autocomplete: 'off',
          spellcheck: 'false',
          value: f.value,
          placeholder: f.placeholder,
          'data-path': key,
          'aria-describedby': `${id}-hint ${id}-error`,
          oninput: (e: Event) => f.set((e.target as HTMLInputElement).value),
        }),
        f.suffix ? h('span', { class: 'unit' }, f.suffix) : null,
      ),
      h('span', { class: 'hint', id: `${id}-hint` }, f.hint),
      h('span', { class: 'field-error', id: `${id}-error`, role: 'alert' }),
    );
  }

  private setRate(path: JsonPath, text: string) {
    const rate = Number(text.trim());
    if (!(rate > 0) || !Number.isFinite(rate))
      return this.setLocal(path, 'arrival rate must be a number greater than 0');
    this.setLocal(path, null);
    this.onChange(setAt(this.doc, path, withMean(getAt(this.doc, path), tidy(1 / rate))));
  }

  private setMean(path: JsonPath, text: string) {
    const mean = Number(text.trim());
    if (!(mean >= 0) || !Number.isFinite(mean) || text.trim() === '')
      return this.setLocal(path, 'the time must be a number of at least 0');
    this.setLocal(path, null);
    this.onChange(setAt(this.doc, path, withMean(getAt(this.doc, path), mean)));
  }

  private setLocal(path: JsonPath, message: string | null) {
    const key = fieldKey(path);
    if (message) this.local.set(key, message);
    else this.local.delete(key);
    this.onLocalProblems(this.local.size);
    const error = this.root.querySelector<HTMLElement>(`[data-field="${cssEscape(key)}"] .field-error`);
    if (error && message) {
      error.textContent = message;
      error.closest('.field')?.classList.add('invalid');
    }
  }

  /** Values changed by something other than the input being typed in (e.g. a reverted edit). */
  private refreshValues(m: FormModel) {
    const values = new Map<string, string>();
    for (const d of m.demand) values.set(fieldKey(d.path), formatInput(d.rate));
    for (const n of m.nodes) {
      values.set(fieldKey(['nodes', n.index, 'capacity']), String(n.capacity ?? ''));
      for (const s of n.services) values.set(fieldKey(s.path), formatInput(s.mean));
    }
    for (const input of this.root.querySelectorAll<HTMLInputElement>('input[data-path]')) {
      if (input === document.activeElement || this.local.has(input.dataset.path ?? '')) continue;
      const v = values.get(input.dataset.path ?? '');
      if (v !== undefined && v !== input.value) input.value = v;
    }
  }

  private showProblems(problems: Map<string, string[]>) {
    for (const field of this.root.querySelectorAll<HTMLElement>('.field')) {
      const key = field.dataset.field ?? '';
      const messages = this.local.has(key) ? [this.local.get(key) as string] : (problems.get(key) ?? []);
      const error = field.querySelector('.field-error');
      if (error) error.textContent = messages.join('; ');
      field.classList.toggle('invalid', messages.length > 0);
      field.querySelector('input,select')?.setAttribute('aria-invalid', String(messages.length > 0));
    }
  }

  private showLoads(loads: Map<string, NodeLoad> | null) {
    for (const el of this.root.querySelectorAll<HTMLElement>('[data-load]')) {
      const load = loads?.get(el.dataset.load ?? '')?.load;
      const text = el.querySelector('.load-text') as HTMLElement;
      const fill = el.querySelector('.load-fill') as HTMLElement;
      if (load === undefined) {
        text.textContent = '–';
        fill.style.width = '0';
        el.dataset.verdict = '';
        continue;
      }
      const verdict = loadVerdict(load);
      const info = loads?.get(el.dataset.load ?? '');
      const exact = info?.exact !== false;
      const when = info?.window ? ` (at worst, from ${info.window.from} to ${info.window.to})` : '';
      text.textContent = `${exact ? '' : '≈'}${formatPercent(load)} load${verdict === 'overloaded' ? ' · overloaded' : ''}`;
      el.title =
        (verdict === 'overloaded'
          ? `Offered load of 100% or more${when}: the arrivals need more than this node can do, so its queue grows for as long as that lasts`
          : `Offered load${when}: the share of this node’s capacity, over the time it is open and up, that the arrivals demand, every pass of rework and escalation counted`) +
        (exact ? '' : `. An estimate: ${info?.estimateReason ?? ''}; the run measures the real share`);
      fill.style.width = `${Math.min(100, load * 100)}%`;
      fill.style.background = loadColour(load);
      el.dataset.verdict = verdict;
    }
  }
}

function formatInput(x: number): string {
  if (!Number.isFinite(x)) return '';
  return String(Number(x.toPrecision(6)));
}

function cssEscape(s: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/"/g, '\\"');
}
