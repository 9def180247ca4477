/**
 * `flowlab merge FILES...`: folds the partial results that `run --shard` or `sweep --shard`
 * wrote into exactly what the whole run would have printed.
 */

import { MergeError, mergePartials } from '../../experiment/shard.ts';
import { parseScenario } from '../../model/parse.ts';
import { HELP_FLAG, parse } from '../args.ts';
import { UsageError } from '../errors.ts';
import { readJson } from '../load.ts';
import { describeResult } from './run.ts';
import { printSweep } from './sweep.ts';

export const mergeHelp = `flowlab merge FILE [FILE ...] [--json | --csv]

Combines the partial results written by flowlab run --shard k/n --out FILE or
flowlab sweep --shard k/n --out FILE (one file per slice, all n of them) and prints the
result exactly as the whole run or sweep would have. Each file is checked first: every
field, its digest (so a file changed after it was written is refused) and the seed of
every replication in it; a file that fails says where, and merge exits with code 2.

Options:
  --json              the result as JSON
  --csv               for a sweep, one CSV row per point
  -h, --help          this help

Example (three machines, then one merge):
  flowlab sweep s.json --vary routing=fixed,shortest-queue --shard 1/3 --out part-1.json
  flowlab sweep s.json --vary routing=fixed,shortest-queue --shard 2/3 --out part-2.json
  flowlab sweep s.json --vary routing=fixed,shortest-queue --shard 3/3 --out part-3.json
  flowlab merge part-*.json --csv`;

export function mergeCommand(argv: string[]): number {
  const { values, positionals } = parse('merge', argv, {
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    ...HELP_FLAG,
  });
  if (values.help) {
    console.log(mergeHelp);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('merge: give the partial result files to merge');
  const files = positionals.map(readJson);
  let merged: ReturnType<typeof mergePartials>;
  try {
    merged = mergePartials(files, positionals);
  } catch (error) {
    if (error instanceof MergeError) throw new UsageError(`merge: ${error.message}`);
    throw error;
  }
  if (merged.kind === 'sweep') {
    return printSweep(merged.sweep, values.json ? 'json' : values.csv ? 'csv' : 'table');
  }
  const [point] = merged.sweep.points;
  if (!point.result) throw new UsageError(`merge: the run failed: ${point.error}`);
  const scenario = parseScenario((files[0] as { document: unknown }).document);
  console.log(
    values.json
      ? JSON.stringify(point.result, null, 2)
      : describeResult(point.result, scenario.ok ? scenario.scenario : undefined),
  );
  return 0;
}
