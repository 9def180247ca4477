/**
 * A team's history studied as the sandbox shows it: the file read (every problem with its
 * line and column), counted from a commitment point when one is named, a scenario fitted to
 * it, the backtest of that scenario over the history's period, and one simulated period of
 * the model written as a history, so the two can be drawn side by side by the same rules.
 */
import { parseScenario } from '../model/parse.ts';
import { type Backtest, backtest } from './backtest.ts';
import { fromCommitment } from './commitment.ts';
import type { DateOrder } from './dates.ts';
import { type Fit, fitHistory } from './fit.ts';
import type { History } from './history.ts';
import { readHistory } from './read.ts';
import { simulatedHistory } from './simulated.ts';
import { unknownStages } from './stages.ts';

export interface StudyOptions {
  /** How to read dates such as 03/04/2025, when the file's other dates do not settle it. */
  dateOrder?: DateOrder;
  /** The stage the team commits to work at: lead time counts from there. */
  commit?: string;
  /** The stages that are queues, instead of those named like one. */
  waiting?: readonly string[];
  /** The fitted scenario's name. */
  name?: string;
  /** The fitted scenario's replications, which the backtest runs (default 20), and its seed. */
  replications?: number;
  seed?: number;
}

export interface Study {
  history: History;
  fit: Fit;
  backtest: Backtest;
  /** One simulated period of the fitted scenario, as the history it would have left. */
  model: History;
}

/** What stops a study: a fault in the file (with its line, and column when it has one), or in the options. */
export interface StudyProblem {
  line?: number;
  column?: string;
  reason: string;
}

export type StudyOutcome = { ok: true; study: Study } | { ok: false; problems: StudyProblem[] };

export function studyHistory(text: string, options: StudyOptions = {}): StudyOutcome {
  const read = readHistory(text, { dateOrder: options.dateOrder });
  if (!read.ok) return { ok: false, problems: read.problems };
  let history = read.history;
  if (options.commit !== undefined && options.commit.trim() !== '') {
    const committed = fromCommitment(history, options.commit.trim());
    if (!committed.ok) return { ok: false, problems: [{ reason: `commitment point: ${committed.reason}` }] };
    history = committed.history;
  }
  const waiting = options.waiting?.length ? options.waiting : undefined;
  if (waiting) {
    const unknown = unknownStages(history, waiting);
    if (unknown.length > 0)
      return {
        ok: false,
        problems: [
          {
            reason: `waiting stages: no stage ${unknown.map((s) => `"${s}"`).join(', ')} in the file (its stages: ${history.stages.join(', ')})`,
          },
        ],
      };
  }
  const studied = studyOf(history, { ...options, waiting });
  return studied.ok ? studied : { ok: false, problems: [{ reason: studied.reason }] };
}

/**
 * A history already read, fitted, backtested and simulated: what `studyHistory` does after
 * reading, and `flowlab fit` after reading the file and checking its flags.
 */
export function studyOf(
  history: History,
  options: Omit<StudyOptions, 'dateOrder' | 'commit'> = {},
): { ok: true; study: Study } | { ok: false; reason: string } {
  const fitted = fitHistory(history, options);
  if (!fitted.ok) return fitted;
  const { fit } = fitted;
  const parsed = parseScenario(fit.scenario);
  if (!parsed.ok) throw new Error(`the fitted scenario is invalid: ${JSON.stringify(parsed.problems)}`);
  return {
    ok: true,
    study: { history, fit, backtest: backtest(history, fit), model: simulatedHistory(fit) },
  };
}
