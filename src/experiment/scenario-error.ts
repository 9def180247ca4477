import { formatProblems, type ScenarioProblem } from '../model/parse.ts';

/** Thrown by the library when it is handed a scenario that does not validate. */
export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(`invalid scenario:\n${formatProblems(problems)}`);
    this.name = 'ScenarioError';
  }
}
