/**
 * The differences between variants in words, the way a coach would say them to a room:
 * "Dynamic network’s mean lead time is 74% shorter than Token ring’s, 95% interval 72% to 76%.",
 * and for money, "FIFO’s cost of delay is 1,250,928 more than WSJF’s, 98% higher, 95% interval
 * 749,783 to 1,752,073 more."
 * What is said, and in which words, is the report's (src/report/comparison.ts), shared with
 * the terminal; here it becomes a sentence.
 */
import { CHANCE, type Finding, TOO_WIDE } from '../../src/report/index.ts';

/** The sentence, starting with a capital whatever the variant is called. */
export function differenceSentence(f: Finding): string {
  const text = sentence(f);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(f: Finding): string {
  const head = `${f.variant}’s ${f.label} is ${f.change ? `${f.change} than` : 'the same as'} ${f.baseline}’s${f.percent ? `, ${f.percent}` : ''}`;
  const i = f.interval;
  if (!i) return `${head}.`;
  if (i.kind === 'one-replication')
    return `${head} (one replication, so no interval: run more replications to know how sure this is).`;
  if (i.kind === 'chance') return `${head}, but the 95% interval runs ${i.range}, so ${CHANCE}.`;
  return `${head}, 95% interval ${i.range}${f.percent ? ` ${i.word}` : ''}${i.tooWide ? ` (${TOO_WIDE})` : ''}.`;
}
