/**
 * Counting from the commitment point: the stage where the team commits to an item (a board's
 * "Ready" or "Selected", after a backlog it may sit in for months). Lead time runs from there,
 * as flow metrics count it; the stages before it are options, not the team's queue, and an
 * item that never reached it was never committed to.
 */
import type { History, HistoryItem, RowNote } from './history.ts';

export type CommitmentOutcome = { ok: true; history: History } | { ok: false; reason: string };

export function fromCommitment(history: History, stage: string): CommitmentOutcome {
  const at = history.stages.findIndex((s) => s.toLowerCase() === stage.toLowerCase());
  if (at < 0) return { ok: false, reason: `no stage "${stage}" (the stages: ${history.stages.join(', ')})` };
  if (history.stages[at] === history.doneStage)
    return { ok: false, reason: `"${history.stages[at]}" is the done stage; commitment comes before it` };
  const kept = new Set(history.stages.slice(at));
  const items: HistoryItem[] = [];
  const notes: RowNote[] = [...history.notes];
  for (const item of history.items) {
    const first = item.visits.findIndex((v) => kept.has(v.stage));
    if (first < 0) {
      notes.push({
        line: item.line,
        id: item.id,
        note:
          item.doneAt === null
            ? `not committed (never in ${history.stages[at]} or later): left out`
            : `done without passing ${history.stages[at]} or a later stage: left out`,
      });
      continue;
    }
    items.push({ ...item, visits: item.visits.slice(first) });
  }
  if (items.length === 0)
    return { ok: false, reason: `no item reached ${history.stages[at]} or a later stage` };
  const start = items.reduce((least, i) => Math.min(least, i.visits[0].enteredAt), Number.POSITIVE_INFINITY);
  return { ok: true, history: { ...history, stages: history.stages.slice(at), items, notes, start } };
}
