/**
 * Stopping a command cleanly. The first Ctrl-C (SIGINT), or the SIGTERM a batch runner sends
 * before it kills (Kubernetes, systemd, a CI job's timeout), aborts the work: the command
 * prints what finished and exits 128 + the signal's number (130, 143), the code a shell
 * gives a process that signal killed. A second one leaves at once.
 */
export interface Stop {
  /** In the user's words: "Ctrl-C" or "SIGTERM". */
  by: string;
  exitCode: number;
}

const STOPS: Record<'SIGINT' | 'SIGTERM', Stop & { again: string }> = {
  SIGINT: { by: 'Ctrl-C', exitCode: 130, again: 'Ctrl-C again to quit at once' },
  SIGTERM: { by: 'SIGTERM', exitCode: 143, again: 'a second SIGTERM quits at once' },
};

export interface Interrupt {
  /** Aborted by the first signal, with an AbortError saying which. */
  signal: AbortSignal;
  /** What stopped the work, once something has. */
  stop(): Stop | undefined;
  /** Puts the default handling back. */
  release(): void;
}

export function interruptSignal(): Interrupt {
  const controller = new AbortController();
  let stop: Stop | undefined;
  const handlers = (Object.keys(STOPS) as (keyof typeof STOPS)[]).map((name) => {
    const { by, exitCode, again } = STOPS[name];
    const handler = () => {
      if (stop) process.exit(exitCode);
      stop = { by, exitCode };
      process.stderr.write(`\nstopping: ${again}\n`);
      controller.abort(new DOMException(`stopped by ${by}`, 'AbortError'));
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: controller.signal,
    stop: () => stop,
    release() {
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}
