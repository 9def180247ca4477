/**
 * Progress of one run in this thread on stderr, for runs that take a while: a line redrawn
 * in place on a terminal, or with FLOWLAB_PROGRESS=1 a line per tenth of the run; nothing
 * when stderr is not a terminal (pipes, CI) or when output is JSON (job-progress.ts decides).
 */
import type { Run } from '../index.ts';
import type { ProgressMode } from './job-progress.ts';
import { terminalLine } from './terminal-text.ts';

/** Events handled between progress updates: a few milliseconds of work. */
const SLICE = 200_000;

export function runWithProgress(run: Run, mode: ProgressMode, label: string): void {
  if (mode === 'none') {
    run.advance();
    return;
  }
  const describe = () => {
    const p = run.progress();
    return `${terminalLine(label)}: ${(p.fraction * 100).toFixed(0).padStart(3)}%  (replication ${Math.min(p.replicationsDone + 1, p.replications)} of ${p.replications})`;
  };
  if (mode === 'lines') {
    let tenth = 0;
    process.stderr.write(`${describe()}\n`);
    while (!run.advance(SLICE)) {
      if (run.progress().fraction < (tenth + 1) / 10) continue;
      tenth = Math.floor(run.progress().fraction * 10);
      process.stderr.write(`${describe()}\n`);
    }
    return;
  }
  let last = 0;
  while (!run.advance(SLICE)) {
    const now = Date.now();
    if (now - last < 100) continue;
    last = now;
    process.stderr.write(`\r${describe()}`);
  }
  if (last > 0) process.stderr.write('\r\x1b[2K');
}
