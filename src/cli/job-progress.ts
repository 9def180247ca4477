/**
 * Progress of work spread over worker threads, on stderr: a bar with the jobs done and the
 * time left, estimated from the pace so far, for someone watching a terminal; or, with
 * FLOWLAB_PROGRESS=1, plain lines a batch job's log keeps (the start, then every twentieth of
 * the work). Nothing otherwise: when stdout or stderr is not a terminal (a pipe, a file, CI)
 * or the output is JSON or CSV. Ctrl-C is interrupt.ts.
 */
import { UsageError } from './errors.ts';
import { terminalLine } from './terminal-text.ts';

export interface JobProgress {
  onProgress(done: number, total: number): void;
  /** Clears the bar (before the command prints its output). */
  clear(): void;
}

/** How progress shows: a bar redrawn in place, a line per step, or not at all. */
export type ProgressMode = 'bar' | 'lines' | 'none';

/**
 * Lines when FLOWLAB_PROGRESS=1 asks for them; a bar only for someone watching (stdout and
 * stderr both a terminal, and no JSON or CSV asked for); FLOWLAB_PROGRESS=0 never shows any.
 */
export function showProgress(machineOutput: boolean): ProgressMode {
  const asked = process.env.FLOWLAB_PROGRESS;
  if (asked === '1') return 'lines';
  if (asked === '0') return 'none';
  if (asked !== undefined && asked !== '')
    throw new UsageError(
      `FLOWLAB_PROGRESS must be 1 (progress lines on stderr) or 0 (none); it is "${asked}"`,
    );
  return !machineOutput && process.stdout.isTTY === true && process.stderr.isTTY === true ? 'bar' : 'none';
}

/** `detail`, if given, says more after the count, e.g. how many sweep points are complete. */
export function jobProgress(
  mode: ProgressMode,
  label: string,
  unit: string,
  detail?: () => string,
): JobProgress {
  if (mode === 'none') return { onProgress() {}, clear() {} };
  // The label is the scenario's name: user text, shown on one line without escapes.
  const shownLabel = terminalLine(label);
  const start = Date.now();
  const left = (done: number, total: number) => {
    const seconds = done > 0 ? ((Date.now() - start) / 1000 / done) * (total - done) : Number.NaN;
    return Number.isFinite(seconds) && done < total ? `, about ${formatSeconds(seconds)} left` : '';
  };
  const counted = (done: number, total: number) =>
    `${done}/${total} ${unit}${detail ? `, ${detail()}` : ''}${left(done, total)}`;
  if (mode === 'lines') {
    // By count, not by time: at most about twenty lines, however long the work.
    let next = 0;
    return {
      onProgress(done, total) {
        if (done < next && done < total) return;
        next = done + Math.max(1, Math.ceil(total / 20));
        process.stderr.write(`${shownLabel}: ${counted(done, total)}\n`);
      },
      clear() {},
    };
  }
  let last = 0;
  let shown = false;
  return {
    onProgress(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      const width = 24;
      const filled = Math.round((done / total) * width);
      process.stderr.write(
        `\r\x1b[2K${shownLabel} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${counted(done, total)}`,
      );
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.ceil(s - m * 60)} s`;
}
