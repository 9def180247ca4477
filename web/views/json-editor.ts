/**
 * The JSON editor: a plain textarea (so undo, search and screen readers all work as usual)
 * with line numbers, problem lines marked in the gutter, and each problem listed with its
 * JSON path; choosing one selects its line.
 */
import { lineRange } from '../viewmodel/json-locate.ts';
import type { LineProblem } from '../viewmodel/problems.ts';
import { h } from './dom.ts';

export class JsonEditor {
  private readonly gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
  readonly textarea = h('textarea', {
    class: 'json-text',
    id: 'json-text',
    spellcheck: 'false',
    autocomplete: 'off',
    autocapitalize: 'off',
    wrap: 'off',
    'aria-label': 'Scenario as JSON',
    'aria-describedby': 'json-problems',
  });
  private readonly problemList = h('ul', {
    class: 'problem-list',
    id: 'json-problems',
    'aria-live': 'polite',
  });
  private readonly revert = h(
    'button',
    { type: 'button', class: 'link-button', id: 'json-revert', hidden: true },
    'Revert to the last valid scenario',
  );
  readonly root = h(
    'div',
    { class: 'json-editor' },
    // Problems above the text, where they are seen without scrolling past a long scenario.
    h('div', { class: 'problems' }, this.problemList, this.revert),
    h('div', { class: 'code' }, this.gutter, this.textarea),
  );
  private lines = 0;
  private marked = '';

  constructor(onInput: (text: string) => void, onRevert: () => void) {
    this.textarea.addEventListener('input', () => onInput(this.textarea.value));
    this.textarea.addEventListener('scroll', () => {
      this.gutter.scrollTop = this.textarea.scrollTop;
    });
    // Tab indents, as in any code editor; Escape then Tab leaves the editor (no keyboard trap).
    let escaped = false;
    this.textarea.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') escaped = true;
      else if (e.key === 'Tab' && !e.shiftKey && !escaped) {
        e.preventDefault();
        document.execCommand('insertText', false, '  ');
      } else escaped = false;
    });
    this.revert.addEventListener('click', onRevert);
  }

  /** Shows `text` (unless it is already there: never move the cursor under the coach's hands). */
  update(text: string, problems: readonly LineProblem[], canRevert: boolean) {
    if (this.textarea.value !== text) this.textarea.value = text;
    const lines = text.split('\n').length;
    const bad = new Set(problems.map((p) => p.line));
    const marked = [...bad].sort((a, b) => a - b).join(',');
    if (lines !== this.lines || marked !== this.marked) {
      this.lines = lines;
      this.marked = marked;
      this.gutter.replaceChildren(
        ...Array.from({ length: lines }, (_, i) =>
          h('div', { class: bad.has(i + 1) ? 'line-no problem-line' : 'line-no' }, String(i + 1)),
        ),
        h('div', { class: 'line-no' }, ' '),
      );
    }
    this.problemList.replaceChildren(
      ...problems.map((p) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'problem', onclick: () => this.selectLine(p.line) },
            h('span', { class: 'problem-where' }, `line ${p.line}${p.path ? ` · ${p.path}` : ''}`),
            h('span', { class: 'problem-message' }, p.message),
          ),
        ),
      ),
    );
    this.revert.hidden = !canRevert || problems.length === 0;
  }

  selectLine(line: number) {
    const [start, end] = lineRange(this.textarea.value, line);
    this.textarea.focus();
    this.textarea.setSelectionRange(start, end);
    const lineHeight = Number.parseFloat(getComputedStyle(this.textarea).lineHeight) || 18;
    this.textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
  }
}
