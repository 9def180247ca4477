/** The code itself, for tests that read it as text: its imports, the functions it calls. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under dir whose name matches `kind` (TypeScript unless told), recursively. */
export function sources(dir: string, kind: RegExp = /\.ts$/): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path, kind);
    return kind.test(entry.name) ? [path] : [];
  });
}
