/**
 * How many worker threads a command starts. More threads than cores add memory (tens of MB
 * each) and start-up time, never speed, and `--workers 10000` would start ten thousand: the
 * number is capped at the cores here, with a note, since the result is the same bytes for any.
 */
import { defaultWorkers } from '../node/index.ts';

export function threadsFor(asked: number): number {
  const cores = defaultWorkers();
  if (asked <= cores) return asked;
  process.stderr.write(
    `note: --workers ${asked} is more than the ${cores} cores here; using ${cores} (the result is the same bytes)\n`,
  );
  return cores;
}
