/**
 * Debian's Chromium driven by playwright-core: headless, no sandbox (containers), no network
 * chatter, and a fresh profile per launch so local storage starts empty. Chromium is not
 * downloaded: `.ci/run` installs it, and a missing one fails loudly rather than skipping.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.FLOWLAB_CHROMIUM ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set FLOWLAB_CHROMIUM`,
    );
  const profile = mkdtempSync(join(tmpdir(), 'flowlab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Records every long task (> 50 ms on the main thread) from page load on. */
export async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * The long-task API only reports tasks over 50 ms; to know how close to that the worst one
 * came, a heartbeat of zero-delay timeouts measures the longest gap the main thread left
 * between them (the browser clamps nested timeouts to 4 ms, which bounds the resolution).
 */
export async function startHeartbeat(page: Page) {
  // A string, not a function: tsx (measure:sandbox, the bench) would wrap a named inner
  // function in a helper that exists only in Node.
  await page.evaluate(`{
    const beat = { on: true, last: performance.now(), worst: 0 };
    window.__beat = beat;
    function tick() {
      const now = performance.now();
      beat.worst = Math.max(beat.worst, now - beat.last);
      beat.last = now;
      if (beat.on) setTimeout(tick, 0);
    }
    setTimeout(tick, 0);
  }`);
}

/** Stops the heartbeat; the longest gap in milliseconds. */
export async function stopHeartbeat(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __beat: { on: boolean; worst: number } };
    w.__beat.on = false;
    return w.__beat.worst;
  });
}

export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));
}

export const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots');
