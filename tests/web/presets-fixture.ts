/** The presets as the sandbox bundles them, read from disk for tests that run in Node. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Preset, presetsFrom } from '../../web/viewmodel/presets.ts';

const dir = join(import.meta.dirname, '../../scenarios');

export const PRESETS: Preset[] = presetsFrom(
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [`../../scenarios/${f}`, { default: JSON.parse(readFileSync(join(dir, f), 'utf8')) }]),
  ),
);

export function presetDocument(id: string): Record<string, unknown> {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return structuredClone(p.document);
}
