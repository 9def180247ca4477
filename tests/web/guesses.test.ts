/**
 * A table's guess, as a facilitator types it, becomes B's mean lead time over A's; guesses are
 * judged by how far that ratio is from the measured one, on either side alike.
 */
import { describe, expect, it } from 'vitest';
import { judge, offBy, parseAmount, ratioOf, readGuess, readGuesses } from '../../web/viewmodel/guesses.ts';

describe('a guess of by how much', () => {
  it.each([
    ['40%', { kind: 'percent', value: 40 }],
    [' 12.5 % ', { kind: 'percent', value: 12.5 }],
    ['0%', { kind: 'percent', value: 0 }],
    ['2x', { kind: 'ratio', value: 2 }],
    ['1,5×', { kind: 'ratio', value: 1.5 }],
    ['3 times', { kind: 'ratio', value: 3 }],
    ['1.25X', { kind: 'ratio', value: 1.25 }],
  ])('reads %j', (text, amount) => {
    expect(parseAmount(text)).toEqual(amount);
  });

  it.each([
    ['', /percentage \(40%\) or a ratio \(2x\)/],
    ['40', /percentage \(40%\) or a ratio \(2x\)/],
    ['lots', /percentage \(40%\) or a ratio \(2x\)/],
    ['-10%', /percentage \(40%\) or a ratio \(2x\)/],
    ['100%', /cannot be 100% or more shorter/],
    ['150%', /cannot be 100% or more shorter/],
    ['0.5x', /at least 1x/],
    ['2000x', /at most 1000x/],
  ])('refuses %j and says why', (text, message) => {
    const read = parseAmount(text);
    expect(typeof read).toBe('string');
    expect(read).toMatch(message);
  });
});

describe('the ratio a guess says (B over A)', () => {
  it('B 40% shorter is 0.6; B twice as fast is 0.5', () => {
    expect(ratioOf('B', { kind: 'percent', value: 40 })).toBeCloseTo(0.6, 15);
    expect(ratioOf('B', { kind: 'ratio', value: 2 })).toBe(0.5);
  });

  it('A shorter turns it round: A 40% shorter is B at 1/0.6; A twice as fast is 2', () => {
    expect(ratioOf('A', { kind: 'percent', value: 40 })).toBeCloseTo(1 / 0.6, 15);
    expect(ratioOf('A', { kind: 'ratio', value: 2 })).toBe(2);
  });

  it('a percentage and the ratio it means are the same guess: 50% shorter is 2x', () => {
    for (const side of ['A', 'B'] as const)
      expect(ratioOf(side, { kind: 'percent', value: 50 })).toBe(ratioOf(side, { kind: 'ratio', value: 2 }));
  });
});

describe('a row of the guesses table', () => {
  it('left empty, or with only its table’s name, says nothing', () => {
    expect(readGuess({ table: '', shorter: '', by: ' ' })).toEqual({ kind: 'empty' });
    expect(readGuess({ table: 'Table 1', shorter: '', by: '' })).toEqual({ kind: 'empty' });
  });

  it('read whole, with its amount tidied', () => {
    expect(readGuess({ table: ' Table 3 ', shorter: 'B', by: '40 %' })).toEqual({
      kind: 'guess',
      guess: { table: 'Table 3', shorter: 'B', by: '40%', ratio: 0.6 },
    });
  });

  it('names the field that is wrong', () => {
    expect(readGuess({ table: '', shorter: 'A', by: '2x' })).toMatchObject({
      kind: 'problem',
      field: 'table',
    });
    expect(readGuess({ table: 'Back row', shorter: '', by: '2x' })).toMatchObject({
      kind: 'problem',
      field: 'shorter',
      message: 'say which is shorter, A or B',
    });
    expect(readGuess({ table: 'Back row', shorter: 'A', by: '2' })).toMatchObject({
      kind: 'problem',
      field: 'by',
    });
    expect(readGuess({ table: 'x'.repeat(41), shorter: 'A', by: '2x' })).toMatchObject({ field: 'table' });
  });

  it('two rows may not share a table name (whatever the case)', () => {
    const read = readGuesses([
      { table: 'Window', shorter: 'A', by: '2x' },
      { table: 'window', shorter: 'B', by: '10%' },
    ]);
    expect(read[0].kind).toBe('guess');
    expect(read[1]).toMatchObject({
      kind: 'problem',
      field: 'table',
      message: 'another table is called “window”',
    });
  });
});

describe('judging the guesses', () => {
  const guess = (table: string, ratio: number) => ({ table, shorter: 'B' as const, by: '', ratio });

  it('is symmetric: twice and half the measured ratio are equally far off, by 100%', () => {
    expect(offBy(0.8, 0.4)).toBe(1);
    expect(offBy(0.2, 0.4)).toBe(1);
    expect(offBy(0.4, 0.4)).toBe(0);
  });

  it('puts the closest first and marks it, within the interval or not', () => {
    const judged = judge(
      [guess('far', 0.9), guess('near', 0.55), guess('wrong side', 1.5)],
      0.57,
      [0.52, 0.62],
    );
    expect(judged.map((j) => j.table)).toEqual(['near', 'far', 'wrong side']);
    expect(judged.map((j) => j.closest)).toEqual([true, false, false]);
    expect(judged.map((j) => j.inInterval)).toEqual([true, false, false]);
    expect(judged.map((j) => j.rightSide)).toEqual([true, true, false]);
    expect(judged[0].offBy).toBeCloseTo(0.57 / 0.55 - 1, 12);
  });

  it('a tie names every table that is as close', () => {
    // 0.25 and 1 are both a factor of 2 from 0.5.
    const judged = judge([guess('low', 0.25), guess('high', 1), guess('far', 4)], 0.5, null);
    expect(
      judged
        .filter((j) => j.closest)
        .map((j) => j.table)
        .sort(),
    ).toEqual(['high', 'low']);
    expect(judged.every((j) => !j.inInterval)).toBe(true);
  });
});
