/**
 * The reveal's data: the measured ratio of B's mean lead time to A's, with its paired interval,
 * is the comparison's own relative difference, and the guesses are judged against it.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/index.ts';
import { signedChange } from '../../web/charts/guesses.ts';
import { guessesData } from '../../web/viewmodel/chart-data/guesses-data.ts';
import { readGuesses } from '../../web/viewmodel/guesses.ts';
import { closestSentence } from '../../web/views/workshop-view.ts';
import { quickDocument } from './results-fixture.ts';

const comparison = compare([
  { name: 'Token ring', scenario: quickDocument('token-ring') },
  { name: 'Network', scenario: quickDocument('dynamic-network') },
]);

const guesses = readGuesses([
  { table: 'Window', shorter: 'B', by: '50%' },
  { table: 'Door', shorter: 'A', by: '2x' },
  { table: 'Back', shorter: 'B', by: '3x' },
]).flatMap((r) => (r.kind === 'guess' ? [r.guess] : []));

describe('the reveal', () => {
  it('measures B over A as 1 + the comparison’s relative difference, with its interval', () => {
    const d = comparison.variants[1].vsBaseline?.leadTime;
    const data = guessesData({ comparison, guesses });
    expect(data.names).toEqual(['Token ring', 'Network']);
    expect(d?.relative).not.toBeNull();
    expect(data.measured?.ratio).toBe(1 + (d?.relative ?? 0));
    expect(data.measured?.interval).toEqual([
      1 + (d?.relativeCi95?.[0] ?? 0),
      1 + (d?.relativeCi95?.[1] ?? 0),
    ]);
    // The same ratio as the two means, as the difference is the mean of paired differences.
    const [a, b] = comparison.variants.map((v) => v.result.leadTime.mean);
    expect(data.measured?.ratio).toBeCloseTo(b / a, 9);
  });

  it('judges every guess, closest first, and names the closest', () => {
    const data = guessesData({ comparison, guesses });
    const m = data.measured?.ratio ?? 0;
    expect(data.judged).toHaveLength(3);
    const far = (r: number) => Math.max(r / m, m / r);
    expect(data.judged.map((j) => j.table)).toEqual(
      [...guesses].sort((x, y) => far(x.ratio) - far(y.ratio)).map((g) => g.table),
    );
    expect(data.judged[0].closest).toBe(true);
    expect(closestSentence(data.judged, data.unranked)).toMatch(
      new RegExp(`^Closest: ${data.judged[0].table}, `),
    );
  });

  it('with no guesses, says so', () => {
    const data = guessesData({ comparison, guesses: [] });
    expect(data.judged).toEqual([]);
    expect(closestSentence(data.judged, data.unranked)).toBe('No guesses were made.');
  });

  it('writes B against A as a signed change: −40%, +75%, same', () => {
    expect(signedChange(0.6)).toBe('−40%');
    expect(signedChange(1.75)).toBe('+75%');
    expect(signedChange(1)).toBe('same');
  });
});
