/**
 * The built sandbox works from any path on a static host (a project page such as
 * https://example.org/course/flowlab/), not only from the root: every file it loads, its
 * workers included, is found relative to the page, and a run gives the CLI's bytes.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launch } from './browser.ts';
import { exportedText, freshStart, pickPreset, run } from './sandbox-page.ts';
import { buildSite, removeSite, type Site, serve } from './site.ts';

const root = join(import.meta.dirname, '../..');
const UNDER = '/course/flowlab/';

let dir: string;
let site: Site;
let browser: Browser;
let page: Page;
const missing: string[] = [];

beforeAll(async () => {
  dir = await buildSite();
  site = await serve(dir, UNDER);
  browser = await launch();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  page.on('response', (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) removeSite(dir);
});

describe('the built sandbox under a path of its own', () => {
  it('loads everything from beside its page, and runs a preset to the CLI’s bytes', async () => {
    expect(site.url).toMatch(/\/course\/flowlab\/$/);
    await freshStart(page, site.url);
    await pickPreset(page, 'wip-limits-pull');
    await run(page);
    expect(missing).toEqual([]);
    const cli = execFileSync(
      process.execPath,
      [join(root, 'bin/flowlab.js'), 'run', join(root, 'scenarios/wip-limits-pull.json'), '--json'],
      { encoding: 'utf8', cwd: root, timeout: 60_000 },
    );
    expect(await exportedText(page)).toBe(cli);
  });

  it('is not found at the host’s root, so the test above could not have loaded it from there', async () => {
    const response = await page.goto(new URL('/index.html', site.url).href);
    expect(response?.status()).toBe(404);
  });
});
