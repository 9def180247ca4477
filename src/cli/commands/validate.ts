/**
 * `flowlab validate FILE ...`: every problem with its JSON path, or that the file is valid,
 * with a warning for each node offered more than it can do (still valid: exit 0).
 */
import { nodeLoads } from '../../network/load.ts';
import { scenarioWarnings } from '../../network/scenario-warnings.ts';
import { HELP_FLAG, parse } from '../args.ts';
import { UsageError } from '../errors.ts';
import { loadScenario } from '../load.ts';
import { terminalText } from '../terminal-text.ts';

export const validateHelp = `flowlab validate FILE [FILE ...]

Checks each scenario file against the schema and reports every problem with its JSON
path and the rule broken, or says it is valid. Exit code 2 if any file is invalid.
A valid file whose arrivals offer some node 100% or more of its capacity (for the
whole run, or in a phase of it) gets a warning on stderr naming the node, its offered
load and the phase; that is a finding about the system, so the exit code stays 0.

Example:
  flowlab validate scenarios/*.json`;

export function validateCommand(argv: string[]): number {
  const { values, positionals } = parse('validate', argv, HELP_FLAG);
  if (values.help) {
    console.log(validateHelp);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('validate: give at least one scenario file');
  let invalid = 0;
  for (const file of positionals) {
    try {
      const { scenario } = loadScenario(file);
      console.log(
        terminalText(
          `${file}: valid (${scenario.name}, ${scenario.nodes.length} nodes, ${scenario.demand.length} demand class${scenario.demand.length === 1 ? '' : 'es'})`,
        ),
      );
      for (const warning of scenarioWarnings(scenario, nodeLoads(scenario)))
        console.error(terminalText(`${file}: warning: ${warning}`));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      invalid++;
      console.error(terminalText(error.message));
    }
  }
  return invalid > 0 ? 2 : 0;
}
