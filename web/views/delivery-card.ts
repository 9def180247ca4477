/**
 * The delivery card: DORA's four measures at the scenario's release step (deployment
 * frequency, lead time for changes, change failure rate, time to restore), in the words the
 * terminal prints, each with its 95% interval. In a comparison, each variant's, with its
 * paired difference from the baseline under each measure. Shown only with a release.
 */
import type { Comparison, SimulationResult } from '../../src/index.ts';
import { deliveryLines } from '../../src/report/index.ts';
import { type DeliveryRow, deliveryComparison, deliveryRows } from '../viewmodel/delivery-card.ts';
import { type CardLine, type CardShell, lineCard, lineList, variantPart } from './line-card.ts';

const SHELL: CardShell = {
  className: 'delivery-card',
  key: 'delivery',
  title: 'Delivery performance (DORA)',
};

const line = (row: DeliveryRow): CardLine => ({
  key: row.key,
  label: row.label,
  text: row.text,
  note: row.difference,
});

export function deliveryCard(result: SimulationResult): HTMLElement | null {
  const rows = deliveryRows(deliveryLines(result));
  return rows.length === 0 ? null : lineCard(SHELL, lineList(rows.map(line)));
}

export function deliveryComparisonCard(c: Comparison): HTMLElement | null {
  const variants = deliveryComparison(c);
  if (variants.length === 0) return null;
  return lineCard(SHELL, ...variants.map((v) => variantPart(v, v.rows.map(line))));
}
