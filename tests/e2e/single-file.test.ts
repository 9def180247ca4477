/**
 * The single-file sandbox (`flowlab.html`, written by `npm run build` beside the site) copied
 * alone to a folder, as onto a USB stick, and opened from its file:// URL with every network
 * request refused: it runs a preset, a comparison and a sweep to the same bytes as the CLI and
 * the library, and animates a run and a comparison side by side, in its workers, under its own
 * Content-Security-Policy.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, sweep } from '../../src/index.ts';
import { number } from '../../src/report/numbers.ts';
import { policyViolations, watchPolicyViolations } from './browser.ts';
import { download, exportedText, freshStart, pickPreset, run } from './sandbox-page.ts';
import { useSandbox } from './use-sandbox.ts';

const root = join(import.meta.dirname, '../..');
const presetDoc = (id: string) => JSON.parse(readFileSync(join(root, 'scenarios', `${id}.json`), 'utf8'));

const sandbox = useSandbox({ unserved: true });
let stick: string;
let page: Page;
const requests: string[] = [];
/** The workers the page started, by their URL. */
const workers: string[] = [];

beforeAll(async () => {
  stick = mkdtempSync(join(tmpdir(), 'flowlab-stick-'));
  copyFileSync(join(sandbox.dir, 'flowlab.html'), join(stick, 'flowlab.html'));
  page = await sandbox.page({ start: 'blank', watch: [watchPolicyViolations] });
  page.on('worker', (w) => workers.push(w.url()));
  // No network: anything but the file itself (and the blob: and data: URLs it makes) is refused.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith('file:') ? route.continue() : route.abort();
  });
});

afterAll(() => {
  if (stick) rmSync(stick, { recursive: true, force: true });
});

describe('the sandbox as one file, opened from a folder with no network', () => {
  it('is one file that refers to nothing beside it', () => {
    const html = readFileSync(join(stick, 'flowlab.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(?!data:|#)[^"]+"/);
    expect(html).toContain('worker-src blob:');
  });

  it('runs a preset in its worker to the CLI’s bytes', async () => {
    const url = pathToFileURL(join(stick, 'flowlab.html')).href;
    await freshStart(page, url);
    await pickPreset(page, 'token-ring');
    await run(page);
    const cli = execFileSync(
      process.execPath,
      [join(root, 'bin/flowlab.js'), 'run', join(root, 'scenarios/token-ring.json'), '--json'],
      { encoding: 'utf8', cwd: root, timeout: 60_000 },
    );
    expect(await exportedText(page)).toBe(cli);
  });

  it('compares two presets to the library’s bytes', async () => {
    await page.click('#tab-compare');
    await page.click('#compare-run');
    await page.waitForSelector('#compare-results[data-drawn="true"]', { timeout: 60_000 });
    const shown = (await download(page, '#export-comparison-json')).content.toString('utf8');
    const presets = new Map(
      ['token-ring', 'dynamic-network'].map((id) => [presetDoc(id).name, presetDoc(id)]),
    );
    const names: string[] = JSON.parse(shown).variants.map((v: { name: string }) => v.name);
    expect(
      names.every((name) => presets.has(name)),
      names.join(', '),
    ).toBe(true);
    const variants = names.map((name) => ({ name, scenario: presets.get(name) }));
    expect(shown).toBe(`${JSON.stringify(compare(variants), null, 2)}\n`);
  });

  it('animates the comparison side by side, and the run, from workers started from the one file', async () => {
    const started = workers.length;
    const playing = async (root: string, panes: number) => {
      await page.waitForSelector(`${root} .flow-animation[data-state="playing"]`, { timeout: 30_000 });
      // The clock moves and tokens are drawn.
      await page.waitForFunction(
        (r) => {
          const shown = document.querySelector<HTMLElement>(`${r} .flow-animation`)?.dataset;
          return Number(shown?.time) > 1 && Number(shown?.tokens) > 0;
        },
        root,
        { timeout: 30_000 },
      );
      expect(await page.locator(`${root} .flow-animation canvas`).count()).toBe(panes);
    };
    await page.click('#watch-compare');
    await playing('#compare-results', 2);
    await page.click('#tab-run');
    await page.click('#watch-run');
    await playing('#results', 1);
    expect(workers.length - started).toBe(3);
    for (const url of workers) expect(url).toMatch(/^blob:/);
  });

  it('sweeps on several workers, all started from the one file, to the library’s bytes', async () => {
    await page.click('#tab-run');
    await pickPreset(page, 'token-ring');
    await page.click('#tab-explore');
    await page.selectOption('#sweep-parameter', 'utilization.developers');
    await page.fill('#sweep-values', '0.5:0.8:0.15');
    await page.fill('#sweep-reps', '2');
    const before = workers.length;
    await page.click('#sweep-run');
    await page.waitForSelector('#explore-results[data-drawn="true"]', { timeout: 60_000 });
    expect(workers.length - before).toBeGreaterThanOrEqual(2);
    for (const url of workers) expect(url).toMatch(/^blob:/);
    const shown = (await download(page, '#export-sweep-json')).content.toString('utf8');
    const axes = [
      { path: 'routing', values: ['fixed', 'shortest-queue'] },
      { path: 'utilization.developers', values: [0.5, 0.65, 0.8] },
    ];
    expect(shown).toBe(
      `${JSON.stringify(sweep(presetDoc('token-ring'), axes, { replications: 2 }), null, 2)}\n`,
    );
  });

  it("fits a team's history in its worker, to the CLI's backtest", async () => {
    await page.click('#tab-history');
    await page.setInputFiles('#history-file', join(root, 'examples/team-events.csv'));
    await page.waitForSelector('#history-results[data-drawn="true"] #history-backtest-table', {
      timeout: 120_000,
    });
    const fit = JSON.parse(
      execFileSync(
        process.execPath,
        [join(root, 'bin/flowlab.js'), 'fit', 'examples/team-events.csv', '--json'],
        {
          encoding: 'utf8',
          cwd: root,
          timeout: 120_000,
        },
      ),
    );
    const models = await page.$$eval('#history-backtest-table tbody tr', (rows) =>
      rows.map((row) => row.children[2]?.textContent ?? ''),
    );
    expect(models).toEqual(fit.backtest.rows.map((r: { model: number }) => number(r.model)));
  });

  it('asked for nothing over the network, and its policy was never broken', async () => {
    expect(
      requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:')),
    ).toEqual([]);
    expect(await policyViolations(page)).toEqual([]);
  });
});
