/** Builds lib/ from the sources as they are now; returns the files written. */
export function buildLib(options?: { types?: boolean }): Promise<string[]>;
/** vitest's globalSetup (vite.config.ts): the JavaScript only, and only when it is stale. */
export function setup(): Promise<void>;
