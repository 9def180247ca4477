/**
 * The form: every field of the scenario, laid out from the field table (form-fields.ts) in
 * groups, the numbers coaches change most in view and the rest folded behind one summary per
 * class of work, node and the scenario. Each edit is written straight into the scenario
 * document (so the JSON editor shows the same scenario), with validation problems beside the
 * field and the load each node would carry shown live as the numbers change.
 */

import { loadColour } from '../charts/theme.ts';
import { getAt } from '../viewmodel/document-edit.ts';
import {
  type Control,
  type FormLayout,
  formLayout,
  formStructure,
  type GroupView,
} from '../viewmodel/form-layout.ts';
import { formatPercent } from '../viewmodel/format.ts';
import type { JsonPath } from '../viewmodel/json-locate.ts';
import { loadVerdict, type NodeLoad } from '../viewmodel/offered-load.ts';
import { fieldKey } from '../viewmodel/problems.ts';
import { stepsOf } from '../viewmodel/structure.ts';
import { h } from './dom.ts';
import { type Bound, fieldId, type WidgetContext } from './field-shell.ts';
import { widget } from './form-widgets.ts';

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
  private bound: Bound[] = [];
  /** Each fold's summary of the settings in use behind it. */
  private summaries: { el: HTMLElement; groups: GroupView[] }[] = [];
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
    const layout = formLayout(u.doc);
    const structure = formStructure(u.doc, layout);
    // A change from elsewhere (the JSON, a preset, an undo) replaces what the form could not
    // read yet; the inputs are rebuilt only when fields come or go, since building every
    // node's fields again on each keystroke in the JSON would make typing there lag.
    if (!u.fromForm && this.local.size > 0) {
      this.local.clear();
      this.onLocalProblems(0);
    }
    if (structure !== this.structure) {
      this.structure = structure;
      this.local.clear();
      this.onLocalProblems(0);
      this.build(layout);
    } else this.refreshValues();
    this.showProblems(u.problems);
    this.showLoads(u.loads);
  }

  private build(layout: FormLayout) {
    // What the coach had open and where the cursor was survive a rebuild (a shape changed, a
    // change added to a schedule), so an edit never throws them back to the top.
    const active = document.activeElement;
    const focused = active?.id;
    const open = new Set([...this.root.querySelectorAll('details[open]')].map((d) => d.id));
    this.bound = [];
    this.summaries = [];
    const doc = this.doc;
    const ctx = (nodeKind?: string): WidgetContext => ({
      doc: () => this.doc,
      timeUnit: layout.timeUnit,
      steps: stepsOf(doc),
      nodeKind,
      change: (next) => this.onChange(next),
      local: (c, message) => this.setLocal(c.path, message),
    });
    const fields = (controls: Control[], c: WidgetContext) =>
      controls.map((control) => {
        const b = widget(control, c);
        this.bound.push(b);
        return b.el;
      });
    const visible = (groups: GroupView[], c: WidgetContext) =>
      groups.filter((g) => !g.folded).flatMap((g) => fields(g.controls, c));
    // The settings most scenarios leave alone fold away behind one summary per scope, which
    // says which of them are in use, so the numbers coaches change most stay in view.
    const more = (id: string, what: string, groups: GroupView[], c: WidgetContext) => {
      const folded = groups.filter((g) => g.folded);
      if (folded.length === 0) return null;
      const used = h('span', { class: 'in-use' }, inUseText(doc, folded));
      this.summaries.push({ el: used, groups: folded });
      return h(
        'details',
        { class: 'mechanisms', id },
        h('summary', {}, `More for ${what}`, used),
        folded.map((g) =>
          h(
            'fieldset',
            { class: 'form-group', 'data-group': g.id },
            h('legend', {}, g.title),
            h('div', { class: 'field-grid' }, fields(g.controls, c)),
          ),
        ),
      );
    };
    const top = ctx();
    this.root.replaceChildren(
      h(
        'fieldset',
        { class: 'form-section' },
        h('legend', {}, 'Demand'),
        layout.demand.map((d) => {
          const c = ctx();
          const controls = visible(d.groups, c);
          if (layout.demand.length > 1)
            for (const el of controls) {
              const label = el.querySelector('label');
              if (label && el.dataset.field?.endsWith('.interarrival'))
                label.textContent = `${d.id} arrival rate`;
            }
          return h(
            'div',
            { class: 'demand-card', 'data-demand': d.id },
            h('div', { class: 'field-grid' }, controls),
            more(`more-demand-${d.path[1]}`, d.id, d.groups, c),
          );
        }),
      ),
      h(
        'fieldset',
        { class: 'form-section' },
        h('legend', {}, 'Routing and run'),
        h('div', { class: 'field-grid' }, visible(layout.scenario, top)),
        more('more-scenario', 'the whole scenario', layout.scenario, top),
      ),
      h(
        'fieldset',
        { class: 'form-section nodes' },
        h('legend', {}, 'Nodes'),
        layout.nodes.map((n) => {
          const c = ctx(n.kind);
          return h(
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
            h('div', { class: 'field-grid' }, visible(n.groups, c)),
            more(`more-node-${n.path[1]}`, n.id, n.groups, c),
          );
        }),
      ),
    );
    for (const id of open) this.root.querySelector(`#${cssEscape(id)}`)?.setAttribute('open', '');
    const again = focused ? document.getElementById(focused) : null;
    // Typing the first digit of a handoff's time makes the handoff, and so a rebuild: the
    // next digits go on into the same field.
    if (again && again !== active) again.focus();
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
  private refreshValues() {
    for (const b of this.bound) {
      if (this.local.has(b.el.dataset.field ?? '')) continue;
      b.refresh(this.doc);
    }
    for (const s of this.summaries) s.el.textContent = inUseText(this.doc, s.groups);
  }

  private showProblems(problems: Map<string, string[]>) {
    for (const field of this.root.querySelectorAll<HTMLElement>('.field')) {
      const key = field.dataset.field ?? '';
      const messages = this.local.has(key) ? [this.local.get(key) as string] : (problems.get(key) ?? []);
      // A list's rows are fields of their own: its message goes under the list, not a row.
      const error = field.querySelector(':scope > .field-error');
      if (error) error.textContent = messages.join('; ');
      field.classList.toggle('invalid', messages.length > 0);
      field.querySelector(`#${fieldId(key)}`)?.setAttribute('aria-invalid', String(messages.length > 0));
      // A problem in a folded setting opens its fold, or it would be a problem nobody sees.
      if (messages.length > 0)
        for (let fold = field.closest('details'); fold; fold = fold.parentElement?.closest('details') ?? null)
          fold.open = true;
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

function cssEscape(s: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/"/g, '\\"');
}

/** " · set: failures, outages": which folded groups have a setting in use. */
function inUseText(doc: unknown, groups: GroupView[]): string {
  const used = groups.filter((g) => g.controls.some((c) => inUse(doc, c))).map((g) => g.title.toLowerCase());
  return used.length ? ` · set: ${used.join(', ')}` : '';
}

/** Whether a field is set in the document (a switch only when on), for the fold's summary. */
function inUse(doc: unknown, c: Control): boolean {
  const v = getAt(doc, c.path);
  if (c.widget === 'checkbox') return v === true;
  if (c.widget === 'list') return Array.isArray(v) && v.length > 0;
  return v !== undefined && v !== c.field.default;
}
