/**
 * A mistake in what the user asked for (a missing file, a bad flag, an invalid scenario):
 * reported in words with exit code 2, never with a stack trace.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Work stopped by a signal (Ctrl-C, SIGTERM) before anything could be shown: the message
 * says what was dropped; the exit code is 128 + the signal's number, as a shell reports it.
 */
export class Interrupted extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'Interrupted';
  }
}

/**
 * The output could not be written after the work was done (a full disk, an I/O error): not
 * the user's mistake, nor a bug. Exit 74, sysexits' EX_IOERR.
 */
export class CannotWrite extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CannotWrite';
  }
}

/**
 * Exit codes: 0 success, 1 an internal error (a bug), 2 bad input or arguments, 74 the
 * output could not be written; a stop by Ctrl-C or SIGTERM is 130 or 143 (interrupt.ts).
 */
export const EXIT = { ok: 0, internal: 1, usage: 2, cannotWrite: 74 } as const;
