/**
 * The blockers card: at each node with a blocker, whether its person holds a blocked item or
 * puts it aside, the share of items blocked there and for how long, and their blocked time's
 * share of lead time; then blocked time per item done and its share of lead time in all, with
 * 95% intervals, in the report's numbers (src/report/blockers.ts). In a comparison, each
 * variant's, with its paired difference from the baseline in the share of lead time blocked.
 * Shown only when a node has a blocker.
 */
import type { Comparison, SimulationResult } from '../../src/index.ts';
import { blockerReports } from '../../src/report/index.ts';
import { type BlockerRow, blockerRows, blockersComparison } from '../viewmodel/blockers-card.ts';
import { type CardLine, type CardShell, lineCard, lineList, variantPart } from './line-card.ts';

const SHELL: CardShell = { className: 'blockers-card', key: 'blockers', title: 'Blocked work' };

const line = (row: BlockerRow): CardLine => ({
  key: row.key,
  label: row.label,
  text: row.text,
  ...(row.policy ? { data: { policy: row.policy } } : {}),
});

export function blockersCard(result: SimulationResult): HTMLElement | null {
  const rows = blockerRows(blockerReports(result), result.timeUnit);
  return rows.length === 0 ? null : lineCard(SHELL, lineList(rows.map(line)));
}

export function blockersComparisonCard(c: Comparison): HTMLElement | null {
  const variants = blockersComparison(c);
  if (variants.length === 0) return null;
  return lineCard(SHELL, ...variants.map((v) => variantPart(v, v.rows.map(line), v.difference)));
}
