/**
 * The flowlab command line: dispatches to a command and turns its outcome into an exit
 * code. A user's mistake is a message and exit 2; anything else is a bug: exit 1.
 */
import pkg from '../../package.json' with { type: 'json' };
import { watchOutputs } from './closed-output.ts';
import { compareCommand, compareHelp } from './commands/compare.ts';
import { fitCommand, fitHelp } from './commands/fit.ts';
import { forecastCommand, forecastHelp } from './commands/forecast.ts';
import { mergeCommand, mergeHelp } from './commands/merge.ts';
import { runCommand, runHelp } from './commands/run.ts';
import { sweepCommand, sweepHelp } from './commands/sweep.ts';
import { validateCommand, validateHelp } from './commands/validate.ts';
import { CannotWrite, EXIT, Interrupted, UsageError } from './errors.ts';
import { terminalText } from './terminal-text.ts';

const COMMANDS: Record<string, { run: (argv: string[]) => number | Promise<number>; help: string }> = {
  run: { run: runCommand, help: runHelp },
  compare: { run: compareCommand, help: compareHelp },
  sweep: { run: sweepCommand, help: sweepHelp },
  merge: { run: mergeCommand, help: mergeHelp },
  forecast: { run: forecastCommand, help: forecastHelp },
  validate: { run: validateCommand, help: validateHelp },
  fit: { run: fitCommand, help: fitHelp },
};

const usage = `flowlab: simulate value streams, from token rings to routed networks

Usage:
  flowlab run FILE [--seed N] [--reps N] [--set path=value ...] [--workers N] [--shard k/n --out F] [--json]
  flowlab compare FILE [FILE ...] [--routing a,b,...] [--seed N] [--reps N] [--set path=value ...] [--json]
  flowlab sweep FILE --vary path=values [--vary ...] [--reps N] [--workers N] [--shard k/n --out F] [--json|--csv]
  flowlab merge FILE [FILE ...] [--json|--csv]
  flowlab forecast FILE (--items N | --until T) [--reps N] [--seed N] [--set path=value ...] [--json]
  flowlab forecast FILE|HISTORY.csv (--items N | --by DATE) --start DATE [--holidays LIST|FILE] [--history H.csv]
  flowlab validate FILE [FILE ...]
  flowlab fit HISTORY.csv [--out scenario.json] [--commit STAGE] [--waiting A,B] [--charts DIR] [--json]
  flowlab help COMMAND | flowlab COMMAND --help
  flowlab --version

Exit codes: 0 ok, 1 internal error, 2 bad input or arguments, 74 output not written,
130 Ctrl-C, 141 stdout closed early (| head), 143 SIGTERM.
Scenario format and result fields: README.md.`;

export async function main(argv: string[]): Promise<number> {
  watchOutputs();
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h') {
      console.log(usage);
      return EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      console.log(version());
      return EXIT.ok;
    }
    if (command === 'help') {
      const topic = rest[0] ? COMMANDS[rest[0]] : undefined;
      if (rest[0] && !topic)
        throw new UsageError(`help: no command "${rest[0]}" (${Object.keys(COMMANDS).join(', ')})`);
      console.log(topic ? topic.help : usage);
      return EXIT.ok;
    }
    const handler = COMMANDS[command];
    if (!handler)
      throw new UsageError(
        `no command "${command}"; the commands are ${Object.keys(COMMANDS).join(', ')} (see flowlab --help)`,
      );
    return await handler.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      // Messages quote the user's text (names, paths, values), which may hold escapes.
      console.error(terminalText(error.message));
      return EXIT.usage;
    }
    if (error instanceof CannotWrite) {
      console.error(`flowlab: ${terminalText(error.message)}`);
      return EXIT.cannotWrite;
    }
    if (error instanceof Interrupted) {
      console.error(terminalText(error.message));
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`flowlab: internal error: ${terminalText(message)}`);
    console.error(
      'This is a bug in flowlab, not in your scenario. Please report it with the command you ran.',
    );
    if (process.env.FLOWLAB_DEBUG === '1' && error instanceof Error) console.error(error.stack);
    else console.error('(set FLOWLAB_DEBUG=1 to see where it happened)');
    return EXIT.internal;
  }
}

// Imported, not read beside this file: the package runs a bundle of it from lib/ (whose
// ../../package.json is outside the package), so the build puts the version into the bundle.
function version(): string {
  return `flowlab ${pkg.version}`;
}
