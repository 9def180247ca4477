/**
 * The engine's elementary functions (src/engine/math.ts) in a Web Worker in Chromium give the
 * same bits as in Node, input for input; the platform's own Math functions need not, and are
 * reported for the record.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { type Probe, probe } from './math-probe.ts';
import { useSandbox } from './use-sandbox.ts';

const INPUTS = 1_000_000;

/**
 * The probe bundled as a module, a worker that runs it, and a page to start the worker from,
 * in a temporary folder of their own.
 */
async function buildProbe(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'flowlab-math-probe-'));
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
  return outDir;
}

// Served in the sandbox's place.
const sandbox = useSandbox({ build: buildProbe });

describe('the engine’s elementary functions in Chromium', () => {
  it('give the same bits in a Web Worker as in Node, a million inputs per case', async () => {
    const page = await sandbox.browser.context.newPage();
    await page.goto(sandbox.url);
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
