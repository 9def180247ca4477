/**
 * A button that saves a file: the results' JSON and CSV, a chart's SVG and PNG. The file is made
 * when the button is pressed, never while the page is drawn.
 */
import { download } from '../charts/export.ts';
import { h } from './dom.ts';

export interface Export {
  /** The button's text: "JSON", "Nodes CSV", "PNG". */
  label: string;
  id?: string;
  /** What a screen reader hears, where the label alone does not say what is saved. */
  description?: string;
  /** The file's name. */
  file: string;
  /** Its MIME type, for text content. */
  type?: string;
  /** The content; null when there is nothing to save yet. */
  content: () => string | Blob | null | Promise<Blob | null>;
}

export function exportButton(e: Export): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'tiny',
      id: e.id,
      'aria-label': e.description,
      onclick: async () => {
        const content = await e.content();
        if (content !== null) download(e.file, content, e.type);
      },
    },
    e.label,
  );
}

/** A value saved as the JSON the command line prints with --json, indented by two. */
export function jsonExport(value: unknown, e: Omit<Export, 'content' | 'type'>): Export {
  return { ...e, type: 'application/json', content: () => `${JSON.stringify(value, null, 2)}\n` };
}

/** A table saved as CSV (written by web/viewmodel/csv.ts, safe to open in a spreadsheet). */
export function csvExport(table: () => string, e: Omit<Export, 'content' | 'type'>): Export {
  return { ...e, type: 'text/csv', content: table };
}
