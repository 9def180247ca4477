/**
 * The sandbox as one HTML file, for a room with no network and no server: a facilitator opens
 * `flowlab.html` from a USB stick (a file:// URL) and has the whole sandbox, engine, worker
 * and presets included.
 *
 * Made from the built site: the stylesheet goes into a <style>, the page's script into an
 * inline module script, and the worker's script, which a file:// page may not load as a file,
 * into a string the page turns into a blob: URL to start its workers from. The policy of the
 * site (web/csp.ts) is kept, with the inline script and style allowed by their hashes rather
 * than by 'unsafe-inline', workers from blob: only, and no connections at all.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { filePolicy } from '../web/csp.ts';

export const SINGLE_FILE = 'flowlab.html';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** One asset of the build by the start of its name: there must be exactly one. */
function asset(dir: string, prefix: string, ext: string): string {
  const found = readdirSync(join(dir, 'assets')).filter((f) => f.startsWith(prefix) && f.endsWith(ext));
  if (found.length !== 1)
    throw new Error(`single file: expected one assets/${prefix}*${ext}, found ${found.length}`);
  return found[0];
}

/** A script's text would end the <script> element early, or open a comment, at these. */
function refuseEarlyEnd(text: string, what: string) {
  if (/<\/script|<!--/i.test(text)) throw new Error(`single file: ${what} contains "</script" or "<!--"`);
}

export function singleFile(dir: string): string {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const worker = asset(dir, 'worker-', '.js');
  const script = readFileSync(join(dir, 'assets', asset(dir, 'index-', '.js')), 'utf8');
  const style = readFileSync(join(dir, 'assets', asset(dir, 'index-', '.css')), 'utf8');
  const workerText = readFileSync(join(dir, 'assets', worker), 'utf8');
  // Every `new Worker(...)` of the page starts from the one blob: URL made from the worker's
  // text, as a classic worker: Chromium refuses a module worker from a file:// page's blob: URL,
  // and the worker is built as a classic script (Vite's default worker format, an IIFE).
  const started = new RegExp(
    `new URL\\(new URL\\(\`${worker.replace('.', '\\.')}\`,import\\.meta\\.url\\)\\.href,\`\`\\+import\\.meta\\.url\\),\\{type:\`module\`,`,
    'g',
  );
  const starts = script.match(started)?.length ?? 0;
  if (starts === 0) throw new Error(`single file: the page's script never starts ${worker}`);
  // As a JSON string with every "<" escaped, the worker's text can hold anything.
  const literal = JSON.stringify(workerText).replace(/</g, '\\u003c');
  const page = `const FLOWLAB_WORKER=URL.createObjectURL(new Blob([${literal}],{type:"text/javascript"}));\n${script.replace(started, 'FLOWLAB_WORKER,{type:`classic`,')}`;
  refuseEarlyEnd(script, 'the page script');
  refuseEarlyEnd(style.replace(/<\/style/gi, ''), 'the stylesheet');
  if (/<\/style/i.test(style)) throw new Error('single file: the stylesheet contains "</style"');
  const policy = filePolicy(hash(page), hash(style));
  const replaced = html
    .replace(
      /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
      () => `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    )
    .replace(
      /<script type="module" crossorigin src="[^"]*"><\/script>/,
      () => `<script type="module">${page}</script>`,
    )
    .replace(/<link rel="stylesheet" crossorigin href="[^"]*">/, () => `<style>${style}</style>`);
  for (const gone of ['src="./assets/', 'href="./assets/', "script-src 'self'"])
    if (replaced.includes(gone)) throw new Error(`single file: the page still refers to ${gone}`);
  writeFileSync(join(dir, SINGLE_FILE), replaced);
  return join(dir, SINGLE_FILE);
}

/** Writes `flowlab.html` beside the built site at the end of `vite build`. */
export function singleFilePlugin(): Plugin {
  let outDir = '';
  return {
    name: 'flowlab-single-file',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      singleFile(outDir);
    },
  };
}
