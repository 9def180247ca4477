/** Where the build keeps the fingerprint of the sources it was built from. */
export const STAMP: string;
/** The fingerprint of the build's inputs in the checkout at `root` (a file: URL ending in /). */
export function sourcesFingerprint(root: URL): string;
/** True when lib/ holds a build of the sources as they are now. */
export function libIsCurrent(root: URL): boolean;
