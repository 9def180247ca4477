/**
 * Progress of work spread over worker threads: a bar on a terminal's stderr with the jobs
 * done and the time left, estimated from the pace so far. Nothing when stdout or stderr is
 * not a terminal (a pipe, a file, CI) or the output is JSON or CSV. And Ctrl-C: the first
 * stops the work cleanly (the command prints what finished); a second one leaves at once.
 */
import { terminalLine } from './terminal-text.ts';

export interface JobProgress {
  onProgress(done: number, total: number): void;
  /** Clears the bar (before the command prints its output). */
  clear(): void;
}

/** A bar only for someone watching: stdout and stderr both a terminal, and no JSON or CSV asked for. */
export function showProgress(machineOutput: boolean): boolean {
  return !machineOutput && process.stdout.isTTY === true && process.stderr.isTTY === true;
}

/** `detail`, if given, says more after the count, e.g. how many sweep points are complete. */
export function jobProgress(show: boolean, label: string, unit: string, detail?: () => string): JobProgress {
  if (!show) return { onProgress() {}, clear() {} };
  // The label is the scenario's name: user text, shown on one line without escapes.
  const shownLabel = terminalLine(label);
  const start = Date.now();
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
      const elapsed = (now - start) / 1000;
      const left = done > 0 ? (elapsed / done) * (total - done) : Number.NaN;
      const eta = Number.isFinite(left) ? `, about ${formatSeconds(left)} left` : '';
      process.stderr.write(
        `\r\x1b[2K${shownLabel} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit}${detail ? `, ${detail()}` : ''}${eta}`,
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

/** An AbortSignal raised by the first Ctrl-C; `release` puts the default handling back. */
export function interruptSignal(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nstopping: Ctrl-C again to quit at once\n');
    controller.abort(new DOMException('stopped by Ctrl-C', 'AbortError'));
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, release: () => process.off('SIGINT', onSigint) };
}
