/**
 * A progress line on a terminal's stderr for runs that take a while; nothing at all when
 * stderr is not a terminal (pipes, CI) or when output is JSON.
 */
import type { Run } from '../experiment/simulate.ts';
import { terminalLine } from './terminal-text.ts';

/** Events handled between progress updates: a few milliseconds of work. */
const SLICE = 200_000;

export function runWithProgress(run: Run, show: boolean, label: string): void {
  if (!show) {
    run.advance();
    return;
  }
  let last = 0;
  while (!run.advance(SLICE)) {
    const now = Date.now();
    if (now - last < 100) continue;
    last = now;
    const p = run.progress();
    process.stderr.write(
      `\r${terminalLine(label)}: ${(p.fraction * 100).toFixed(0).padStart(3)}%  (replication ${Math.min(p.replicationsDone + 1, p.replications)} of ${p.replications})`,
    );
  }
  if (last > 0) process.stderr.write('\r\x1b[2K');
}
