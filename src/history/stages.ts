/**
 * What each stage of a workflow is: work, waiting for work (a queue), or done. A stage
 * named like a queue ("Ready for Review", "Waiting for QA", "Blocked", "Backlog", "To Do",
 * "Review queue", "On hold") holds items nobody is working on: in the model it is the queue
 * in front of the next working stage, not a step with a service time.
 */
import type { History } from './history.ts';

export type StageRole = 'work' | 'waiting' | 'done';

export interface StageInfo {
  name: string;
  role: StageRole;
  /** Why it has that role, for the report. */
  why: string;
  /**
   * Where it sits among the working stages: a working stage j at j, a waiting stage at
   * j - 0.5 for the working stage j it feeds (after the last, at the number of them - 0.5).
   */
  position: number;
}

const WAITING_WORDS =
  /\b(ready|waiting|wait|blocked|queue|queued|backlog|to ?do|on hold|hold|awaiting|pending|parked|selected|next|done|complete|completed|finished)\b/i;

export function stageRoles(history: History, waiting?: readonly string[]): StageInfo[] {
  const asked = waiting?.map((s) => s.toLowerCase());
  const roles = history.stages.map((name): Omit<StageInfo, 'position'> => {
    if (name === history.doneStage)
      return { name, role: 'done', why: 'the last stage: items there are done' };
    if (asked)
      return asked.includes(name.toLowerCase())
        ? { name, role: 'waiting', why: 'named in --waiting' }
        : { name, role: 'work', why: 'not named in --waiting' };
    const word = WAITING_WORDS.exec(name);
    return word
      ? { name, role: 'waiting', why: `its name says so ("${word[0]}")` }
      : { name, role: 'work', why: 'its name is no waiting word' };
  });
  let next = roles.filter((r) => r.role === 'work').length;
  const positions: number[] = new Array(roles.length);
  // From the end: a waiting stage takes the position of the working stage after it, less a half.
  for (let i = roles.length - 1; i >= 0; i--) {
    if (roles[i].role === 'work') {
      next--;
      positions[i] = next;
    } else positions[i] = next - 0.5;
  }
  return roles.map((r, i) => ({ ...r, position: positions[i] }));
}

/** Unknown stage names given to --waiting: a typo would otherwise quietly change the model. */
export function unknownStages(history: History, names: readonly string[]): string[] {
  const known = history.stages.map((s) => s.toLowerCase());
  return names.filter((n) => !known.includes(n.toLowerCase()));
}
