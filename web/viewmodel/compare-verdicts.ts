/**
 * Each variant of a comparison with its verdict (src/experiment/verdict.ts), and why it is
 * not ranked against the baseline when it may not be: the page says what the terminal says.
 */
import { unranked, type Verdict, verdictOf } from '../../src/experiment/verdict.ts';
import type { Comparison } from '../../src/index.ts';

export interface VariantVerdict {
  name: string;
  verdict: Verdict;
  /** Why no difference against the baseline is stated (absent for the baseline and ranked variants). */
  unranked?: string;
}

export function variantVerdicts(c: Comparison): VariantVerdict[] {
  const judged = c.variants.map((v) => ({ name: v.name, verdict: verdictOf(v.result, v.stability) }));
  return judged.map((v, i) => (i === 0 ? v : { ...v, unranked: unranked(judged[0], v) }));
}
