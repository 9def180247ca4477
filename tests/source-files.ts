/** The code itself, for tests that read it as text: its imports, the functions it calls. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every TypeScript file under dir, recursively. */
export function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
