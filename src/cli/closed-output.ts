/**
 * When stdout or stderr goes away under a command. A reader that closes stdout early
 * (`flowlab run ... --json | head -1`) has all it wants: flowlab ends at once, quietly, with
 * 141, the code a shell gives a Unix tool that SIGPIPE ended (so `set -o pipefail` still
 * sees it). Stdout that cannot be written (a full disk, an I/O error) is exit 74 with the
 * reason. A closed stderr (progress, messages) is let be: the work and stdout still matter.
 */
import { EXIT } from './errors.ts';

export const CLOSED_PIPE = 141;

let watching = false;

export function watchOutputs(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(CLOSED_PIPE);
    const why = error.code === 'ENOSPC' ? 'no space left on the disk' : error.message;
    process.stderr.write(
      `flowlab: could not write the output to stdout: ${why} (${error.code ?? 'error'})\n`,
    );
    process.exit(EXIT.cannotWrite);
  });
  process.stderr.on('error', () => {});
}
