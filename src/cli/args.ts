/**
 * Command-line flags, via Node's own parseArgs in strict mode: an unknown flag is an
 * error, not something silently ignored. Its messages are reworded for people, with the
 * flags the command does take.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true } as const);
  } catch (error) {
    const message = error instanceof Error ? reword(error.message, options) : String(error);
    throw new UsageError(`${command}: ${message} (see flowlab ${command} --help)`);
  }
}

/** parseArgs's messages, in the words the rest of the command line uses. */
function reword(message: string, options: Options): string {
  const flags = Object.keys(options)
    .map((name) => `--${name}`)
    .join(', ');
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}; the options are ${flags}`;
  const ambiguous = /^Option '(--[^' ]+)' argument is ambiguous/.exec(message);
  if (ambiguous) return `${ambiguous[1]} needs a value (for one starting with "-", write ${ambiguous[1]}=-1)`;
  const missing = /^Option '(--[^' ]+) <value>' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  const noValue = /^Option '(--[^' ]+)' does not take an argument/.exec(message);
  if (noValue) return `${noValue[1]} takes no value`;
  return message.replace(/\. To specify a positional.*$/s, '');
}

/** A whole number flag with a lower bound, e.g. --reps 10. */
export function wholeNumber(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min)
    throw new UsageError(`--${flag} must be a whole number of at least ${min} (got "${value}")`);
  return n;
}

/** The flags of every command that runs replications of a scenario file. */
export const REPLICATION_FLAGS = {
  seed: { type: 'string' },
  reps: { type: 'string' },
  set: { type: 'string', multiple: true },
} as const;

/** The flags of a command whose jobs can be spread over threads or shards (spread.ts). */
export const SPREAD_FLAGS = {
  workers: { type: 'string' },
  shard: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
} as const;

export const HELP_FLAG = { help: { type: 'boolean', short: 'h' } } as const;
