/**
 * What the reveal shows: the measured difference between A (the baseline) and B, as B's mean
 * lead time over A's with its paired 95% interval from the comparison (common random numbers),
 * and every table's guess judged against it, closest first.
 */
import type { Comparison } from '../../../src/index.ts';
import { comparisonReport } from '../../../src/report/index.ts';
import { type Guess, type Judged, judge } from '../guesses.ts';

/** A comparison of two variants, and the guesses the room made before it was shown. */
export interface Revealed {
  comparison: Comparison;
  guesses: readonly Guess[];
}

export interface GuessesData {
  /** The names of A and B. */
  names: [string, string];
  /** B's mean lead time over A's, and its 95% interval (null with one replication); null when A's is 0. */
  measured: { ratio: number; interval: [number, number] | null } | null;
  /** Closest first; none is marked closest when there is nothing sound to be close to. */
  judged: Judged[];
  /** Why B is not ranked against A (it cannot keep up, or stopped early), if it is not. */
  unranked: string | null;
}

export function guessesData({ comparison: c, guesses }: Revealed): GuessesData {
  const [a, b] = c.variants;
  const names: [string, string] = [a.name, b.name];
  const unranked = comparisonReport(c).variants[1]?.unranked ?? null;
  const d = b?.vsBaseline?.leadTime;
  if (!d || d.relative === null) return { names, measured: null, judged: [], unranked };
  const interval: [number, number] | null = d.relativeCi95
    ? [1 + d.relativeCi95[0], 1 + d.relativeCi95[1]]
    : null;
  const measured = { ratio: 1 + d.relative, interval };
  const judged = guesses.length > 0 ? judge(guesses, measured.ratio, interval) : [];
  // A variant that is not the system's (not ranked) has no difference to be closest to.
  if (unranked) for (const j of judged) j.closest = false;
  return { names, measured, judged, unranked };
}
