/**
 * Predict, then reveal, on one screen: the question, the room's guesses, the reveal. The steps
 * and what each may show are the view-model's (web/viewmodel/workshop.ts); this view draws the
 * step it is on. The comparison is held here once it is in, and nothing of it reaches the page
 * before the reveal: not drawn, not in an attribute, not in a hidden element.
 *
 * With a clicker: → or Page Down is next (from the guesses it reveals), ← or Page Up back, space
 * reveals. In a field the keys are the field's; Enter or Escape hands them back to the steps.
 */
import type { Comparison } from '../../src/index.ts';
import { comparisonReport } from '../../src/report/index.ts';
import { REVEAL_CHARTS } from '../charts/pages.ts';
import { guessesData, type Revealed } from '../viewmodel/chart-data/guesses-data.ts';
import { formatRelative } from '../viewmodel/format.ts';
import { type Guess, type GuessEntry, type Judged, readGuesses, type Side } from '../viewmodel/guesses.ts';
import { differenceSentence } from '../viewmodel/sentences.ts';
import {
  advance,
  revealBlocked,
  STEPS,
  type Step,
  showsResults,
  type Workshop,
  type WorkshopEvent,
} from '../viewmodel/workshop.ts';
import { cardOf } from './chart-card.ts';
import { h } from './dom.ts';
import { type Mounted, type Presentable, presentedLarge, typing } from './presentation.ts';
import { type ResultsShell, resultsShell } from './results-shell.ts';

/** A clicker's keys (Page Down and Page Up) and a keyboard's. */
const KEYS: Record<string, WorkshopEvent> = {
  ArrowRight: { kind: 'next' },
  PageDown: { kind: 'next' },
  ArrowLeft: { kind: 'previous' },
  PageUp: { kind: 'previous' },
  ' ': { kind: 'reveal' },
};

const STEP_NAMES: Record<Step, string> = { question: 'The question', predict: 'Guesses', reveal: 'Reveal' };

export class WorkshopView implements Presentable {
  readonly title = 'Predict, then reveal';
  private comparison: Comparison | null = null;
  private progressText = '';
  private host: HTMLElement | null = null;
  private shell: ResultsShell | null = null;
  private drawnStep: Step | 'waiting' | null = null;
  private readonly nav = h('ol', { class: 'workshop-steps' });
  private readonly status = h('p', { class: 'workshop-status', role: 'status', 'aria-live': 'polite' });
  private readonly stage = h('section', { class: 'workshop-stage', tabindex: -1 });
  private readonly problems: HTMLElement[] = [];
  private readonly revealButton = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      id: 'workshop-reveal',
      onclick: () => this.dispatch({ kind: 'reveal' }),
    },
    'Reveal',
  );
  private readonly revealNote = h('p', { class: 'hint workshop-reveal-note', id: 'workshop-reveal-note' });

  /**
   * `changed` after every change (to keep it for a reload); `revealed` when the room sees the
   * results; `whole` for the comparison's own page.
   */
  constructor(
    private w: Workshop,
    private readonly about: string,
    private readonly events: {
      changed(w: Workshop): void;
      revealed(c: Comparison): void;
      /** Show the whole comparison (its table and every chart) in place of the workshop. */
      whole(): void;
    },
  ) {}

  get state(): Workshop {
    return this.w;
  }

  /** The comparison is in: kept, and said to be ready, but shown only on the reveal. */
  resultsIn(c: Comparison) {
    this.comparison = c;
    this.progressText = '';
    // Revealed before a reload: the room has seen these results already.
    if (this.w.revealed) this.events.revealed(c);
    this.dispatch({ kind: 'results', state: 'ready' });
  }

  failed(message: string) {
    this.progressText = message;
    this.dispatch({ kind: 'results', state: 'failed' });
  }

  /** How far the hidden run is, as a share: says nothing of what it finds. */
  progress(fraction: number) {
    this.progressText = `Simulating, ${Math.round(fraction * 100)}% done.`;
    this.refreshStatus();
  }

  mount(host: HTMLElement): Mounted {
    this.host = host;
    this.drawnStep = null;
    host.replaceChildren(h('div', { class: 'workshop', id: 'workshop' }, this.nav, this.status, this.stage));
    this.render();
    return {
      redraw: () => void this.shell?.redraw(),
      key: (e) => this.key(e),
      unmount: () => {
        this.host = null;
        this.shell = null;
      },
    };
  }

  private key(e: KeyboardEvent): boolean {
    if (typing(e.target) || e.altKey || e.ctrlKey || e.metaKey) return false;
    const event = KEYS[e.key];
    // Space on a button presses the button, as everywhere else.
    if (!event || (e.key === ' ' && e.target instanceof HTMLButtonElement)) return false;
    this.dispatch(event);
    return true;
  }

  private dispatch(event: WorkshopEvent) {
    const next = advance(this.w, event);
    if (next === this.w) {
      this.refreshStatus();
      return;
    }
    const wasRevealed = this.w.revealed;
    this.w = next;
    if (!wasRevealed && next.revealed && this.comparison) this.events.revealed(this.comparison);
    this.events.changed(next);
    this.render();
  }

  private render() {
    if (!this.host) return;
    const step = this.w.step;
    this.nav.replaceChildren(
      ...STEPS.map((s, i) =>
        h(
          'li',
          { class: s === step ? 'current' : '', 'aria-current': s === step ? 'step' : null },
          `${i + 1} ${STEP_NAMES[s]}`,
        ),
      ),
    );
    const content = showsResults(this.w) ? 'reveal' : step === 'reveal' ? 'waiting' : step;
    if (content !== this.drawnStep || content === 'predict') {
      const focusInStage = this.stage.contains(document.activeElement) && !typing(document.activeElement);
      if (content !== 'predict' || this.drawnStep !== 'predict') this.drawStage(content);
      else this.refreshProblems();
      this.drawnStep = content;
      if (focusInStage || content !== 'predict') this.stage.focus({ preventScroll: true });
    }
    this.refreshStatus();
  }

  private drawStage(content: Step | 'waiting') {
    this.shell = null;
    if (content === 'question') this.stage.replaceChildren(...this.question());
    else if (content === 'predict') this.stage.replaceChildren(...this.guessesTable());
    else if (content === 'waiting')
      this.stage.replaceChildren(h('p', { class: 'workshop-lead' }, 'Simulating the comparison again…'));
    else this.reveal();
  }

  private question(): HTMLElement[] {
    const [a, b] = this.w.variants;
    return [
      h(
        'p',
        { class: 'workshop-lead' },
        'Which will have the shorter mean lead time, and by roughly how much?',
      ),
      h(
        'div',
        { class: 'workshop-variants' },
        h(
          'div',
          { class: 'workshop-variant' },
          h('span', { class: 'workshop-letter' }, 'A'),
          h('span', {}, a),
        ),
        h(
          'div',
          { class: 'workshop-variant' },
          h('span', { class: 'workshop-letter' }, 'B'),
          h('span', {}, b),
        ),
      ),
      h('p', { class: 'workshop-about' }, this.about),
      h('div', { class: 'workshop-actions' }, this.move('next', 'The guesses →')),
      h('p', { class: 'hint' }, 'Or press → (a clicker’s next).'),
    ];
  }

  private guessesTable(): HTMLElement[] {
    this.problems.length = 0;
    const rows = this.w.entries.map((entry, i) => this.guessRow(entry, i));
    const locked = this.w.revealed;
    const table = h(
      'table',
      { class: 'workshop-guesses' },
      h('caption', {}, `A: ${this.w.variants[0]}. B: ${this.w.variants[1]}.`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Table', 'Shorter', 'By how much', ''].map((x) =>
            h('th', { scope: 'col', class: 'workshop-cell' }, x),
          ),
        ),
      ),
      h('tbody', {}, rows),
    );
    return [
      h('div', { class: 'table-wrap' }, table),
      h(
        'div',
        { class: 'workshop-actions' },
        this.move('previous', '← The question'),
        locked
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                id: 'workshop-add',
                onclick: () => {
                  this.dispatch({ kind: 'add' });
                  this.stage.querySelector<HTMLInputElement>('tbody tr:last-child input')?.focus();
                },
              },
              'Add a table',
            ),
        this.revealButton,
      ),
      this.revealNote,
      h(
        'p',
        { class: 'hint' },
        'By how much: a percentage (40%: the shorter is 40% below the longer) or a ratio (2x: the longer takes twice as long). Enter leaves a field; then space reveals.',
      ),
    ];
  }

  private guessRow(entry: GuessEntry, i: number): HTMLElement {
    const locked = this.w.revealed;
    const edit = (change: Partial<GuessEntry>) =>
      this.dispatch({ kind: 'edit', index: i, entry: { ...this.w.entries[i], ...change } });
    const done = (e: KeyboardEvent) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.stage.focus();
      }
    };
    const problem = h('span', { class: 'field-error', id: `workshop-problem-${i}` });
    this.problems.push(problem);
    const side = (s: Side) =>
      h(
        'label',
        { class: 'workshop-side' },
        h('input', {
          type: 'radio',
          class: 'workshop-radio',
          name: `workshop-shorter-${i}`,
          value: s,
          checked: entry.shorter === s,
          disabled: locked,
          onchange: () => edit({ shorter: s }),
          onkeydown: done,
        }),
        s,
      );
    return h(
      'tr',
      { 'data-row': i },
      h(
        'td',
        { class: 'workshop-cell' },
        h('input', {
          type: 'text',
          class: 'workshop-table',
          'aria-label': `Row ${i + 1}: table`,
          value: entry.table,
          readonly: locked,
          maxlength: 40,
          oninput: (e: Event) => edit({ table: (e.target as HTMLInputElement).value }),
          onkeydown: done,
        }),
      ),
      h(
        'td',
        { class: 'workshop-cell', role: 'radiogroup', 'aria-label': `Row ${i + 1}: which is shorter` },
        side('A'),
        side('B'),
      ),
      h(
        'td',
        { class: 'workshop-cell' },
        h('input', {
          type: 'text',
          class: 'workshop-by',
          'aria-label': `Row ${i + 1}: by how much`,
          'aria-describedby': problem.id,
          placeholder: '40% or 2x',
          value: entry.by,
          readonly: locked,
          oninput: (e: Event) => edit({ by: (e.target as HTMLInputElement).value }),
          onkeydown: done,
        }),
        problem,
      ),
      h(
        'td',
        { class: 'workshop-cell' },
        locked || this.w.entries.length <= 1
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'tiny',
                'aria-label': `Remove row ${i + 1}`,
                onclick: () => this.dispatch({ kind: 'remove', index: i }),
              },
              'Remove',
            ),
      ),
    );
  }

  /** Each row's problem beside it, without redrawing the fields being typed in. */
  private refreshProblems() {
    if (this.problems.length !== this.w.entries.length) {
      this.stage.replaceChildren(...this.guessesTable());
      return;
    }
    readGuesses(this.w.entries).forEach((r, i) => {
      const touched = this.w.entries[i].by.trim() !== '' || this.w.entries[i].shorter !== '';
      this.problems[i].textContent = r.kind === 'problem' && touched ? r.message : '';
    });
  }

  private refreshStatus() {
    const blocked = this.w.revealed ? null : revealBlocked(this.w);
    const results =
      this.w.results === 'running'
        ? this.progressText || 'Simulating the comparison…'
        : this.w.results === 'failed'
          ? `The comparison failed: ${this.progressText}`
          : this.w.revealed
            ? 'Revealed.'
            : 'The results are in, hidden until the reveal.';
    this.status.textContent = results;
    this.status.dataset.results = this.w.results;
    this.revealButton.disabled = blocked !== null;
    this.revealButton.textContent = this.w.revealed ? 'The results →' : 'Reveal';
    this.revealNote.textContent = this.w.revealed
      ? 'Revealed: the guesses are fixed. Press → for the results.'
      : blocked
        ? `To reveal, ${blocked}.`
        : 'Press space to reveal.';
    if (this.drawnStep === 'predict') this.refreshProblems();
  }

  private reveal() {
    const c = this.comparison;
    if (!c) return;
    const guesses = readGuesses(this.w.entries).flatMap((r) => (r.kind === 'guess' ? [r.guess] : []));
    const shown: Revealed = { comparison: c, guesses };
    const data = guessesData(shown);
    const lead = comparisonReport(c).variants[1]?.findings.find((f) => f.measure === 'leadTime');
    const unit = c.variants[0].result.timeUnit;
    const host = h('div', { class: 'workshop-reveal', id: 'workshop-results' });
    this.stage.replaceChildren(host);
    this.shell = resultsShell(host);
    const cards = REVEAL_CHARTS.map((spec) =>
      cardOf(spec, shown, {
        file: 'workshop',
        subject: `${data.names[0]} (A) against ${data.names[1]} (B)`,
        ctx: (width) => ({ width, large: presentedLarge(host), unit }),
      }),
    );
    void this.shell.show(
      [
        h(
          'p',
          { class: 'workshop-lead', id: 'workshop-closest' },
          closestSentence(data.judged, data.unranked),
        ),
        h(
          'p',
          { class: 'workshop-measured' },
          lead ? differenceSentence(lead) : (data.unranked ?? 'The two cannot be told apart.'),
        ),
      ],
      cards,
    );
    // Under the chart, which goes as high on the screen as it can: each table's guess in words.
    if (data.judged.length > 0) host.append(judgedList(data.judged));
    host.append(
      h(
        'div',
        { class: 'workshop-actions' },
        this.move('previous', '← The guesses'),
        h(
          'button',
          { type: 'button', class: 'secondary', id: 'workshop-whole', onclick: () => this.events.whole() },
          'The whole comparison',
        ),
      ),
    );
  }

  /** A step's button for a pointer or a touch screen, beside the keys. */
  private move(kind: 'next' | 'previous', label: string): HTMLButtonElement {
    return h(
      'button',
      {
        type: 'button',
        class: kind === 'next' ? 'primary' : 'secondary',
        id: `workshop-${kind}`,
        onclick: () => this.dispatch({ kind }),
      },
      label,
    );
  }
}

/** "Closest: Table 2, 4% off." (all of them on a tie), or why no one is. */
export function closestSentence(judged: readonly Judged[], unranked: string | null): string {
  if (unranked) return `No guess wins: ${unranked}.`;
  const best = judged.filter((j) => j.closest);
  if (best.length === 0) return 'No guesses were made.';
  const names = best.map((j) => j.table);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Closest: ${list}, ${formatRelative(best[0].offBy)} off.`;
}

function judgedList(judged: readonly Judged[]): HTMLElement {
  return h(
    'ol',
    { class: 'workshop-judged' },
    judged.map((j) =>
      h(
        'li',
        { class: j.closest ? 'closest' : '', 'data-table': j.table },
        h('strong', {}, j.table),
        `: ${guessWords(j)}, ${formatRelative(j.offBy)} off`,
        j.inInterval ? ', within the 95% interval' : '',
        j.rightSide ? '' : ' (picked the longer one)',
      ),
    ),
  );
}

function guessWords(g: Guess): string {
  return `${g.shorter} shorter by ${g.by}`;
}
