/**
 * The constraint in the middle loop of a run's results: where items wait longest (named even
 * when it is the busiest node, or none when waits are small everywhere), and where the
 * bottleneck moved between time windows, in the words the terminal prints
 * (src/report/constraint.ts), on the shell the delivery and blockers cards share.
 */
import type { SimulationResult } from '../../src/index.ts';
import { bottleneckMoves, constraintSentence, type Verdict } from '../../src/report/index.ts';
import { lineCard, lineList } from './line-card.ts';

export function constraintCard(result: SimulationResult, verdict: Verdict): HTMLElement {
  const moves = bottleneckMoves(result);
  return lineCard(
    { className: 'constraint-card', key: 'constraint', title: 'The constraint' },
    lineList([
      { key: 'constraint', label: 'Constraint', text: constraintSentence(result, verdict) },
      ...(moves ? [{ key: 'moving-bottleneck', label: 'Bottleneck over time', text: moves }] : []),
    ]),
  );
}
