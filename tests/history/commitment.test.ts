import { describe, expect, it } from 'vitest';
import { historyMeasures } from '../../src/history/backtest.ts';
import { fromCommitment } from '../../src/history/commitment.ts';
import { dayOf } from '../../src/history/dates.ts';
import { fitHistory } from '../../src/history/fit.ts';
import type { History } from '../../src/history/history.ts';
import { readHistory } from '../../src/history/read.ts';

const read = (text: string): History => {
  const outcome = readHistory(text);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.history;
};

// Items sit in the backlog for months before the team commits to them in Ready.
const board = read(
  [
    'ID,Backlog,Ready,Doing,Done',
    'A,2025-01-01,2025-03-01,2025-03-02,2025-03-05',
    'B,2025-01-15,2025-03-03,2025-03-04,2025-03-06',
    'C,2025-02-01,,,', // never committed to
    'D,2025-02-02,,,2025-02-03', // closed from the backlog
    'E,,2025-03-04,2025-03-05,',
  ].join('\n'),
);

describe('counting from the commitment point', () => {
  it('lead time runs from the commitment stage, and earlier stages are left out', () => {
    const outcome = fromCommitment(board, 'ready');
    if (!outcome.ok) throw new Error(outcome.reason);
    const h = outcome.history;
    expect(h.stages).toEqual(['Ready', 'Doing', 'Done']);
    expect(h.start).toBe(dayOf(2025, 3, 1));
    expect(h.items.map((i) => i.id)).toEqual(['A', 'B', 'E']);
    expect(historyMeasures(h).leadTimes).toEqual([3, 4]);
    // From the backlog the same items took two months and more.
    expect(historyMeasures(board).leadTimes).toEqual([1, 50, 63]);
  });

  it('says what it left out, and why', () => {
    const outcome = fromCommitment(board, 'Ready');
    const notes = outcome.ok ? outcome.history.notes.map((n) => `${n.id}: ${n.note}`) : [];
    expect(notes).toContain('C: not committed (never in Ready or later): left out');
    expect(notes).toContain('D: done without passing Ready or a later stage: left out');
  });

  it('the fit no longer takes the backlog as the first queue', () => {
    const outcome = fromCommitment(board, 'Ready');
    if (!outcome.ok) throw new Error(outcome.reason);
    const fitted = fitHistory(outcome.history);
    expect(fitted.ok && fitted.fit.report.assumptions.join(' ')).toMatch(
      /Lead time counts from entering Ready/,
    );
    const before = fitHistory(board);
    expect(before.ok && before.fit.report.assumptions.join(' ')).toMatch(
      /entering Backlog; .* --commit STAGE/,
    );
  });

  it('refuses a stage the history does not have, or its done stage', () => {
    expect(fromCommitment(board, 'Selected')).toEqual({
      ok: false,
      reason: 'no stage "Selected" (the stages: Backlog, Ready, Doing, Done)',
    });
    expect(fromCommitment(board, 'Done')).toMatchObject({ ok: false });
  });
});
