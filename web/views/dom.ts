/**
 * A tiny helper for building DOM from code: `h('button', { class: 'primary', onclick }, 'Run')`.
 * Text is always set as text, never as HTML, so nothing from a scenario or a link can inject markup.
 */
type Child = Node | string | number | null | undefined | false;
/** Any event handler: `(e: KeyboardEvent) => void` fits, as `never` is assignable to every event type. */
type Handler = (e: never) => void;
type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value as EventListener);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el: HTMLElement, children: (Child | Child[])[]) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el as T;
}

/** Resolves on the next macrotask, letting the browser paint and handle input in between. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A side panel's labelled input, with a hint under it when there is one. */
export function field(label: string, input: HTMLElement, hint = ''): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: input.id }, label),
    input,
    hint ? h('span', { class: 'hint' }, hint) : null,
  );
}
