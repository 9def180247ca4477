/**
 * The shape of the value stream, above the form's numbers: the classes of work and their
 * steps in order, the nodes, and which node serves which step. Each button or rename is one
 * edit of the document (viewmodel/structure.ts), so the JSON, the form and the network diagram
 * follow; a rename reaches every place the scenario names the thing.
 */
import {
  addBranch,
  addDemand,
  addNode,
  addStep,
  branchesOf,
  moveStep,
  NODE_KIND_NAMES,
  type NodeKind,
  type Referent,
  removeBranch,
  removeDemand,
  removeNode,
  removeStep,
  rename,
  setPriority,
  setServes,
  stepsOf,
} from '../viewmodel/structure.ts';
import { h } from './dom.ts';

type Doc = Record<string, unknown>;
type Item = { id?: unknown; steps?: unknown; serves?: unknown; kind?: unknown; priority?: unknown };

export class StructureEditor {
  private shape = '';
  private doc: unknown = null;
  /**
   * Folded away until asked for, so the form stays calm and a keyboard user tabs past it to
   * Run in a few steps; it stays open across edits once opened.
   */
  private readonly body = h('fieldset', { class: 'form-section structure', id: 'structure' });
  readonly root = h(
    'details',
    { class: 'structure-details', id: 'structure-details' },
    h('summary', { id: 'structure-summary' }, 'Structure: classes of work, steps and nodes'),
    this.body,
  );

  constructor(private readonly onChange: (doc: unknown) => void) {}

  update(doc: unknown) {
    this.doc = doc;
    const shape = JSON.stringify(shapeOf(doc));
    if (shape === this.shape) return;
    this.shape = shape;
    this.render();
  }

  private edit(next: unknown) {
    this.onChange(next);
  }

  private render() {
    const doc = this.doc;
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      this.body.replaceChildren(
        h('legend', {}, 'Structure'),
        h('p', { class: 'hint' }, 'Fix the JSON to edit the structure.'),
      );
      return;
    }
    const d = doc as Doc;
    const demand = (Array.isArray(d.demand) ? d.demand : []) as Item[];
    const nodes = (Array.isArray(d.nodes) ? d.nodes : []) as Item[];
    const steps = stepsOf(d);
    this.body.replaceChildren(
      h('legend', {}, 'Structure'),
      h('h3', { class: 'list-heading' }, 'Classes of work and their steps'),
      ...demand.map((item, i) => this.demandBlock(d, item, i, demand.length)),
      h(
        'button',
        { type: 'button', class: 'quiet', id: 'add-demand', onclick: () => this.edit(addDemand(d)) },
        'Add a class of work',
      ),
      h('h3', { class: 'list-heading' }, 'Nodes'),
      h(
        'ul',
        { class: 'structure-list' },
        nodes.map((n, i) =>
          h(
            'li',
            { class: 'structure-row' },
            this.nameInput('node', String(n.id ?? ''), `structure-node-${i}`, `Node ${i + 1} id`),
            h('span', { class: 'hint' }, String(n.kind ?? 'team')),
            h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                'aria-label': `Remove node ${String(n.id)}`,
                disabled: nodes.length < 2,
                onclick: () => this.edit(removeNode(d, i)),
              },
              'Remove',
            ),
          ),
        ),
      ),
      h(
        'div',
        { class: 'library-actions' },
        (Object.keys(NODE_KIND_NAMES) as NodeKind[]).map((kind) =>
          h(
            'button',
            {
              type: 'button',
              class: 'quiet',
              id: `add-node-${kind}`,
              onclick: () => this.edit(addNode(d, kind)),
            },
            `Add ${kind === 'agent' ? 'an' : 'a'} ${kind}`,
          ),
        ),
      ),
      h('h3', { class: 'list-heading', id: 'serves-heading' }, 'Who serves which step'),
      h(
        'table',
        { class: 'serves-table', 'aria-labelledby': 'serves-heading' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, ''),
            steps.map((s) => h('th', { scope: 'col' }, s)),
          ),
        ),
        h(
          'tbody',
          {},
          nodes.map((n, i) => {
            const serves = (n.serves && typeof n.serves === 'object' ? n.serves : {}) as Doc;
            return h(
              'tr',
              {},
              h('th', { scope: 'row', class: 'serves-row' }, String(n.id ?? '')),
              steps.map((s) =>
                h(
                  'td',
                  {},
                  h('input', {
                    type: 'checkbox',
                    'data-serves': `${String(n.id)}/${s}`,
                    'aria-label': `${String(n.id)} serves ${s}`,
                    checked: s in serves,
                    onchange: (e: Event) =>
                      this.edit(setServes(d, i, s, (e.target as HTMLInputElement).checked)),
                  }),
                ),
              ),
            );
          }),
        ),
      ),
    );
  }

  private demandBlock(d: Doc, item: Item, index: number, count: number) {
    const steps: unknown[] = Array.isArray(item.steps) ? item.steps : [];
    const priorityId = `structure-priority-${index}`;
    const priorityError = h('span', { class: 'field-error', id: `${priorityId}-error`, role: 'alert' });
    const priority = h('input', {
      type: 'text',
      inputmode: 'numeric',
      id: priorityId,
      size: 4,
      value: item.priority === undefined ? '' : String(item.priority),
      placeholder: '0',
      'aria-describedby': `${priorityId}-error`,
      onchange: () => {
        const next = setPriority(this.doc, index, priority.value);
        if (typeof next === 'string') {
          priorityError.textContent = next;
          priority.setAttribute('aria-invalid', 'true');
        } else this.edit(next);
      },
    });
    const newStep = h('input', {
      type: 'text',
      id: `structure-new-step-${index}`,
      placeholder: 'new step, e.g. review',
      'aria-label': `New step for ${String(item.id)}`,
    });
    const add = () => {
      const step = newStep.value.trim();
      if (step === '') return;
      let next: unknown = addStep(d, index, step);
      // A step nobody serves gets a team of its own, which the table below can change.
      if (!stepsOf(d).includes(step)) next = addNode(next, 'team', step);
      this.edit(next);
    };
    newStep.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        add();
      }
    });
    return h(
      'div',
      { class: 'structure-demand', 'data-demand': String(item.id ?? index) },
      h(
        'div',
        { class: 'structure-row' },
        this.nameInput(
          'demand',
          String(item.id ?? ''),
          `structure-demand-${index}`,
          `Class of work ${index + 1} id`,
        ),
        h('label', { for: priorityId, class: 'hint' }, 'priority'),
        h('span', { class: 'structure-name' }, priority, priorityError),
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            'aria-label': `Remove class of work ${String(item.id)}`,
            disabled: count < 2,
            onclick: () => this.edit(removeDemand(d, index)),
          },
          'Remove',
        ),
      ),
      h(
        'ol',
        { class: 'structure-list' },
        steps.map((step, j) => {
          const branches = branchesOf(step);
          const s = branches.join(' + ');
          return h(
            'li',
            { class: 'structure-row', 'data-parallel': branches.length > 1 ? 'true' : null },
            branches.length > 1
              ? this.branchInputs(d, index, j, branches, String(item.id))
              : this.nameInput(
                  'step',
                  s,
                  `structure-step-${index}-${j}`,
                  `Step ${j + 1} of ${String(item.id)}`,
                ),
            this.parallelInput(d, index, j, String(item.id)),
            h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                'aria-label': `Move ${s} earlier`,
                disabled: j === 0,
                onclick: () => this.edit(moveStep(d, index, j, -1)),
              },
              '↑',
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                'aria-label': `Move ${s} later`,
                disabled: j === steps.length - 1,
                onclick: () => this.edit(moveStep(d, index, j, 1)),
              },
              '↓',
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                'aria-label': `Remove step ${s} from ${String(item.id)}`,
                disabled: steps.length < 2,
                onclick: () => this.edit(removeStep(d, index, j)),
              },
              'Remove',
            ),
          );
        }),
      ),
      h(
        'div',
        { class: 'structure-row' },
        newStep,
        h(
          'button',
          { type: 'button', class: 'quiet', id: `structure-add-step-${index}`, onclick: add },
          'Add step',
        ),
      ),
    );
  }

  /**
   * The branches of a parallel step (fork and join), each renamed like any step, each with a
   * button that drops it (with one branch left the step is an ordinary one again).
   */
  private branchInputs(d: Doc, index: number, at: number, branches: string[], demand: string) {
    return h(
      'span',
      {
        class: 'structure-branches',
        role: 'group',
        'aria-label': `Step ${at + 1} of ${demand}, in parallel`,
      },
      h('span', { class: 'hint' }, 'all of'),
      branches.map((b, k) =>
        h(
          'span',
          { class: 'structure-branch' },
          this.nameInput(
            'step',
            b,
            `structure-step-${index}-${at}-${k}`,
            `Branch ${k + 1} of step ${at + 1} of ${demand}`,
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'aria-label': `Remove branch ${b} from step ${at + 1} of ${demand}`,
              onclick: () => this.edit(removeBranch(d, index, at, b)),
            },
            '×',
          ),
        ),
      ),
    );
  }

  /**
   * A step worked on in parallel with another: Enter in this field forks the step into both
   * (a step nobody serves gets a team of its own, as a new step does).
   */
  private parallelInput(d: Doc, index: number, at: number, demand: string) {
    const input = h('input', {
      type: 'text',
      id: `structure-parallel-${index}-${at}`,
      size: 10,
      placeholder: 'in parallel with…',
      'aria-label': `A step worked on in parallel with step ${at + 1} of ${demand} (Enter adds it)`,
    });
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      const step = input.value.trim();
      if (step === '') return;
      let next: unknown = addBranch(d, index, at, step);
      if (!stepsOf(d).includes(step)) next = addNode(next, 'team', step);
      this.edit(next);
    });
    return input;
  }

  /** A name that renames everywhere when the coach leaves the field; a refusal shows beside it. */
  private nameInput(referent: Referent, value: string, id: string, label: string) {
    const error = h('span', { class: 'field-error', id: `${id}-error`, role: 'alert' });
    const input = h('input', {
      type: 'text',
      id,
      value,
      'aria-label': label,
      'aria-describedby': `${id}-error`,
      onchange: () => {
        const next = rename(this.doc, referent, value, input.value);
        if (typeof next === 'string') {
          error.textContent = next;
          input.setAttribute('aria-invalid', 'true');
        } else this.edit(next);
      },
    });
    return h('span', { class: 'structure-name' }, input, error);
  }
}

/** What the structure editor draws: ids, kinds, steps and who serves them, not the numbers. */
function shapeOf(doc: unknown): unknown {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const d = doc as Doc;
  const items = (v: unknown) => (Array.isArray(v) ? (v as Item[]) : []);
  return {
    demand: items(d.demand).map((x) => [x.id, x.steps, x.priority]),
    nodes: items(d.nodes).map((n) => [
      n.id,
      n.kind,
      n.serves && typeof n.serves === 'object' ? Object.keys(n.serves) : [],
    ]),
  };
}
