/**
 * The differences between variants in words, the way a coach would say them to a room:
 * "Dynamic network's mean lead time is 74% lower than Token ring's, 95% interval 72% to 76%."
 * The interval is the paired one from `compare()` (common random numbers), so the sentence
 * says both how big the difference is and how sure the simulation is of it.
 */
import type { Difference } from '../../src/index.ts';
import { formatNumber, formatRelative } from './format.ts';

export interface SentenceSubject {
  variant: string;
  baseline: string;
  /** "mean lead time", "throughput". */
  metric: string;
  /** Unit of the metric for the absolute fallback, e.g. "days" or "items per day". */
  unit: string;
}

const pct = formatRelative;

/** The sentence, starting with a capital whatever the variant is called. */
export function differenceSentence(d: Difference, s: SentenceSubject): string {
  const text = sentence(d, s);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(d: Difference, s: SentenceSubject): string {
  const subject = `${s.variant}’s ${s.metric}`;
  if (d.relative === null) {
    const direction = d.diff < 0 ? 'lower' : 'higher';
    if (d.diff === 0) return `${subject} is the same as ${s.baseline}’s.`;
    return `${subject} is ${formatNumber(Math.abs(d.diff))} ${s.unit} ${direction} than ${s.baseline}’s.`;
  }
  if (d.relative === 0 && (!d.relativeCi95 || (d.relativeCi95[0] === 0 && d.relativeCi95[1] === 0)))
    return `${subject} is the same as ${s.baseline}’s.`;
  const direction = d.relative < 0 ? 'lower' : 'higher';
  const head = `${subject} is ${pct(d.relative)} ${direction} than ${s.baseline}’s`;
  const ci = d.relativeCi95;
  if (!ci)
    return `${head} (one replication, so no interval: run more replications to know how sure this is).`;
  const [lo, hi] = ci;
  if (lo < 0 && hi > 0)
    return `${head}, but the 95% interval runs from ${pct(lo)} lower to ${pct(hi)} higher, so this could be chance.`;
  // Both ends on the same side: state them as sizes of the same change, smaller first.
  const [a, b] = [Math.abs(lo), Math.abs(hi)].sort((x, y) => x - y);
  // More than 100% lower is impossible for a time or a rate: the interval is too wide to pin down.
  const tooWide =
    direction === 'lower' && b > 1 ? ' (wider than the difference can be: run more replications)' : '';
  return `${head}, 95% interval ${pct(a)} to ${pct(b)}${tooWide}.`;
}
