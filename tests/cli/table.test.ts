import { describe, expect, it } from 'vitest';
import { table } from '../../src/cli/table.ts';

describe('plain-text tables', () => {
  it('pad columns and right-align numbers', () => {
    expect(
      table(
        ['node', 'queue'],
        [
          ['review', '1.5'],
          ['build', '12'],
        ],
      ),
    ).toBe(['node    queue', '──────  ─────', 'review    1.5', 'build      12'].join('\n'));
  });
});
