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

/** Exit codes: 0 success, 1 an internal error (a bug), 2 bad input or arguments. */
export const EXIT = { ok: 0, internal: 1, usage: 2 } as const;
