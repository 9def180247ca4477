/**
 * Opening a shared link: decode it as data, validate every scenario in it like typed input,
 * and hand back what to load. Nothing is run: the coach presses Run when ready.
 */
import { type NamedScenario, parseScenario } from '../../src/index.ts';
import { decodeShare } from '../viewmodel/share.ts';

export type OpenedLink =
  | { kind: 'none' }
  | { kind: 'refused'; message: string }
  | { kind: 'scenario'; document: unknown }
  | { kind: 'compare'; variants: NamedScenario[]; seed?: number; replications?: number };

export async function openLink(hash: string): Promise<OpenedLink> {
  const outcome = await decodeShare(hash);
  if (outcome === null) return { kind: 'none' };
  if (!outcome.ok) return { kind: 'refused', message: `This link could not be opened: ${outcome.message}.` };
  const payload = outcome.payload;
  // A single scenario is opened even when invalid: the editor shows its problems like any edit.
  if ('scenario' in payload) return { kind: 'scenario', document: payload.scenario };
  const bad = payload.compare.variants
    .map((v) => ({ name: v.name, parsed: parseScenario(v.scenario) }))
    .filter((v) => !v.parsed.ok);
  if (bad.length > 0)
    return {
      kind: 'refused',
      message: `This comparison link holds invalid scenarios (${bad.map((b) => b.name).join(', ')}), so it was not opened.`,
    };
  return { kind: 'compare', ...payload.compare };
}
