/**
 * The unit every time in a scenario is in. Only known words are accepted, so that a typo
 * ("dya") is an error with a suggestion rather than a new unit printed on every result.
 */
import { z } from 'zod';

const SINGULAR = ['minute', 'hour', 'day', 'week', 'month', 'sprint'] as const;

/** The accepted units, singular and plural. */
export const TIME_UNITS = SINGULAR.flatMap((u) => [u, `${u}s`]);

/** Singular and plural of each time unit a scenario may name, whichever form it names. */
const UNIT_FORMS = new Map(
  SINGULAR.flatMap((singular) => {
    const forms = { singular, plural: `${singular}s` };
    return [
      [singular, forms],
      [forms.plural, forms],
    ] as const;
  }),
);

/**
 * The time unit as English wants it for `n` of them: "1 day", "2 days", "1 hour" even when
 * the scenario says "hours". A unit that is not one of flowlab's words is left as written,
 * never given an "s" ("h" does not become "hs").
 */
export function unitName(name: string, n = 2): string {
  const forms = UNIT_FORMS.get(name.toLowerCase());
  if (!forms) return name;
  return n === 1 ? forms.singular : forms.plural;
}

/**
 * The accepted unit closest to `word` (fewest single-letter edits, ignoring case; the first
 * on a tie), or undefined when none is within two edits and a suggestion would only puzzle.
 */
export function nearestTimeUnit(word: string): string | undefined {
  const lower = word.trim().toLowerCase();
  let best = TIME_UNITS[0];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const unit of TIME_UNITS) {
    const d = editDistance(lower, unit);
    if (d < bestDistance) {
      best = unit;
      bestDistance = d;
    }
  }
  return bestDistance <= 2 ? best : undefined;
}

export const timeUnitSchema = z
  .enum(TIME_UNITS as [string, ...string[]], {
    error: (issue) => {
      const known = `${SINGULAR.join(', ')}, or their plurals`;
      if (typeof issue.input !== 'string') return `timeUnit must be one of ${known}`;
      const near = nearestTimeUnit(issue.input);
      // Quote enough to recognise, never a whole paragraph pasted into the field.
      const shown = issue.input.length > 40 ? `${issue.input.slice(0, 40)}…` : issue.input;
      return `"${shown}" is not a time unit${near ? `: did you mean "${near}"?` : ''} (use ${known})`;
    },
  })
  .default('day')
  .describe('The unit of every time in the file and the results.');

/** Levenshtein distance: insertions, deletions and substitutions of one letter. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}
