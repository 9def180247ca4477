/**
 * The built sandbox, served the way a static host would serve it: `vite build` into a fresh
 * temporary folder (never touching `dist/`, which someone may be serving), and a tiny static
 * file server on 127.0.0.1 with a free port.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';

const root = join(import.meta.dirname, '../..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface Site {
  url: string;
  close(): Promise<void>;
}

export async function buildSite(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'flowlab-site-'));
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/**
 * Serves `dir` at `under` (a path such as "/course/flowlab/", as a project page on a static
 * host would put it); anything outside that path is not found.
 */
export async function serve(dir: string, under = '/'): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const whole = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const path = whole.startsWith(under) ? whole.slice(under.length - 1) : null;
    const file = path === null ? '' : normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${under}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function removeSite(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}
