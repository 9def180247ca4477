/**
 * The preset scenarios, as the picker lists them. The files themselves are bundled at
 * build time by `preset-files.ts`; this file only turns them into a tidy, ordered list.
 */
import { prettyJson } from './pretty-json.ts';

export interface Preset {
  /** The file name without `.json`, e.g. "token-ring": stable, used in storage and links. */
  id: string;
  name: string;
  description: string;
  /** The scenario as written in the file, without its `$schema` line (an editor hint, not data). */
  document: Record<string, unknown>;
  /** The document as the JSON editor first shows it. */
  text: string;
}

/**
 * The two scenarios the sandbox is about come first, the before and the after; then one
 * preset per lean mechanism, by name.
 */
const FIRST = ['token-ring', 'dynamic-network'];

/** Presets from `{ path: module }` as `import.meta.glob` gives them, in picker order. */
export function presetsFrom(modules: Record<string, unknown>): Preset[] {
  const presets: Preset[] = [];
  for (const [path, module] of Object.entries(modules)) {
    const raw = (module as { default?: unknown }).default ?? module;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) continue;
    const { $schema: _schema, ...document } = raw as Record<string, unknown>;
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    presets.push({
      id,
      name: typeof document.name === 'string' ? document.name : id,
      description: typeof document.description === 'string' ? document.description : '',
      document,
      text: prettyJson(document),
    });
  }
  const rank = (p: Preset) => FIRST.indexOf(p.id) >>> 0;
  return presets.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en'));
}
