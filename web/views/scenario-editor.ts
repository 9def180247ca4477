/**
 * The scenario shown two ways, Form and JSON, as tabs over the same document. Whatever is
 * typed in either is the draft; problems show in both, and the tab that is not in view says
 * how many it has.
 */
import { h } from './dom.ts';
import type { JsonEditor } from './json-editor.ts';
import type { ScenarioForm } from './scenario-form.ts';

export type EditorTab = 'form' | 'json';

export class ScenarioEditor {
  private readonly tabs: Record<EditorTab, HTMLButtonElement>;
  private readonly panels: Record<EditorTab, HTMLElement>;
  private current: EditorTab = 'form';
  readonly root: HTMLElement;

  constructor(form: ScenarioForm, json: JsonEditor) {
    const tab = (key: EditorTab, label: string) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `editor-tab-${key}`,
          'aria-controls': `editor-panel-${key}`,
          onclick: () => this.show(key),
          onkeydown: (e: KeyboardEvent) => {
            if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
              const next = key === 'form' ? 'json' : 'form';
              this.show(next);
              this.tabs[next].focus();
            }
          },
        },
        label,
        h('span', { class: 'tab-count' }),
      );
    this.tabs = { form: tab('form', 'Form'), json: tab('json', 'JSON') };
    this.panels = {
      form: h(
        'div',
        { role: 'tabpanel', id: 'editor-panel-form', 'aria-labelledby': 'editor-tab-form' },
        form.root,
      ),
      json: h(
        'div',
        { role: 'tabpanel', id: 'editor-panel-json', 'aria-labelledby': 'editor-tab-json' },
        json.root,
      ),
    };
    this.root = h(
      'div',
      { class: 'scenario-editor' },
      h(
        'div',
        { class: 'editor-tabs', role: 'tablist', 'aria-label': 'Edit the scenario as' },
        this.tabs.form,
        this.tabs.json,
      ),
      this.panels.form,
      this.panels.json,
    );
    this.show('form');
  }

  get tab(): EditorTab {
    return this.current;
  }

  show(key: EditorTab) {
    this.current = key;
    for (const k of ['form', 'json'] as const) {
      this.tabs[k].setAttribute('aria-selected', String(k === key));
      this.tabs[k].tabIndex = k === key ? 0 : -1;
      this.panels[k].hidden = k !== key;
    }
  }

  /** Problem counts on the tabs, so problems in the hidden tab are not missed. */
  setCounts(form: number, json: number) {
    const set = (k: EditorTab, n: number) => {
      const badge = this.tabs[k].querySelector('.tab-count') as HTMLElement;
      badge.textContent = n > 0 ? String(n) : '';
      badge.title = n > 0 ? `${n} problem${n === 1 ? '' : 's'}` : '';
    };
    set('form', form);
    set('json', json);
  }
}
