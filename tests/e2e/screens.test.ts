/**
 * The sandbox on the screens a workshop meets: a projector at 1024×768 with Large type, and a
 * participant's phone 390 px wide. Every page (each preset's results, a comparison, a sweep and
 * a forecast) fits its window: no sideways scroll, no card running past its edge, no chart
 * label outside its svg or over another. Screenshots of each are kept in test-results/.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launch, SCREENSHOTS } from './browser.ts';
import { layoutProblems, SCREENS } from './layout.ts';
import { freshStart, pickPreset, run } from './sandbox-page.ts';
import { buildSite, removeSite, type Site, serve } from './site.ts';

const root = join(import.meta.dirname, '../..');
const presetIds = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

let dir: string;
let site: Site;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(join(SCREENSHOTS, 'screens'), { recursive: true });
  dir = await buildSite();
  site = await serve(dir);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) removeSite(dir);
});

async function shot(p: Page, name: string) {
  await p.screenshot({ path: join(SCREENSHOTS, 'screens', `${name}.png`), fullPage: true });
}

describe.each(SCREENS)('the sandbox on a $name ($width×$height)', (screen) => {
  let page: Page;
  const fits = async (what: string) => {
    await shot(page, `${screen.name}-${what}`);
    expect(await layoutProblems(page), what).toEqual([]);
  };

  beforeAll(async () => {
    page = await browser.context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await freshStart(page, site.url);
    if (screen.large) await page.click('#large-type');
  });

  afterAll(async () => {
    await page?.close();
  });

  it('shows every tab within reach', async () => {
    for (const tab of ['#tab-run', '#tab-compare', '#tab-explore']) {
      const box = await page.locator(tab).boundingBox();
      expect(box, tab).not.toBeNull();
      expect(box?.x, tab).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0), tab).toBeLessThanOrEqual(screen.width);
    }
    await page.click('#tab-explore');
    expect(await page.getAttribute('#tab-explore', 'aria-selected')).toBe('true');
    await page.click('#tab-run');
    await fits('start');
  });

  it.each(presetIds)('fits the results of %s', async (id) => {
    await pickPreset(page, id);
    await run(page);
    await fits(`run-${id}`);
  });

  it('fits a comparison', async () => {
    await page.click('#tab-compare');
    await page.click('#compare-run');
    await page.waitForSelector('#compare-results[data-drawn="true"]', { timeout: 60_000 });
    await fits('compare');
  });

  it('fits a sweep and a forecast', async () => {
    await page.click('#tab-explore');
    await page.selectOption('#sweep-parameter', 'utilization.developers');
    await page.fill('#sweep-values', '0.5:0.8:0.15');
    await page.fill('#sweep-reps', '2');
    await page.click('#sweep-run');
    await page.waitForSelector('#explore-results[data-drawn="true"]', { timeout: 60_000 });
    await page.selectOption('#forecast-question', 'items');
    await page.fill('#forecast-size', '20');
    await page.fill('#forecast-reps', '60');
    await page.click('#forecast-run');
    await page.waitForFunction(
      () => document.querySelector('#chart-forecast .chart-host')?.getAttribute('data-items'),
      null,
      { timeout: 60_000 },
    );
    await fits('explore');
  });
});
