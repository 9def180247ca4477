/**
 * The engine's elementary functions (src/engine/math.ts) in a Web Worker in Chromium give the
 * same bits as in Node, input for input; the platform's own Math functions need not, and are
 * reported for the record.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launch } from './browser.ts';
import { type Probe, probe } from './math-probe.ts';
import { type Site, serve } from './site.ts';

const INPUTS = 1_000_000;

let dir: string;
let site: Site;
let browser: Browser;

/** The probe bundled as a module, a worker that runs it, and a page to start the worker from. */
async function buildProbe(outDir: string) {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(import.meta.dirname, 'math-probe.ts'), formats: ['es'], fileName: () => 'probe.js' },
    },
  });
  writeFileSync(
    join(outDir, 'worker.js'),
    "import { probe } from './probe.js';\nself.onmessage = (e) => self.postMessage(probe(e.data));\n",
  );
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>math probe</title>\n');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flowlab-math-probe-'));
  await buildProbe(dir);
  site = await serve(dir);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the engine’s elementary functions in Chromium', () => {
  it('give the same bits in a Web Worker as in Node, a million inputs per case', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.url);
    const inChromium = await page.evaluate(
      (n) =>
        new Promise<Probe>((resolve, reject) => {
          const worker = new Worker('./worker.js', { type: 'module' });
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage(n);
        }),
      INPUTS,
    );
    const inNode = probe(INPUTS);
    expect(inChromium.inputs).toBe(INPUTS);
    expect(inChromium.own).toEqual(inNode.own);

    const platformDiffers = Object.keys(inNode.platform).filter(
      (name) => inNode.platform[name] !== inChromium.platform[name],
    );
    console.log(
      `math: the platform's functions differ between Node and Chromium in ${platformDiffers.length} of ` +
        `${Object.keys(inNode.platform).length} cases${platformDiffers.length ? ` (${platformDiffers.join(', ')})` : ''}`,
    );
  });
});
