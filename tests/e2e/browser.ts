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

/** A message the page received from a simulation worker (directly, or on a port it handed over). */
export interface WorkerMessage {
  /** The worker's name, or "port" for a comlink callback's channel. */
  from: string;
  /** Size of the message as JSON. */
  bytes: number;
  /** A progress slice: how far the run is. */
  fraction?: number;
  /** A finished result: its mean lead time. */
  leadTimeMean?: number;
}

/**
 * Records the workers the page starts and every message it receives from them, from page load
 * on: what crosses from a worker to the page, so a test can see where the work was done.
 */
export async function watchWorkerMessages(page: Page) {
  // A string, not a function, for the same reason as the heartbeat's.
  await page.addInitScript(`{
    const log = (window.__workerMessages = []);
    window.__workers = [];
    const record = (from, data) => {
      const text = JSON.stringify(data) ?? '';
      const value = data && data.type === 'RAW' ? data.value : undefined;
      const slice = data && data.type === 'APPLY' ? data.argumentList?.[0]?.value : undefined;
      log.push({
        from,
        bytes: text.length,
        fraction: typeof slice?.fraction === 'number' ? slice.fraction : undefined,
        leadTimeMean: typeof value?.leadTime?.mean === 'number' ? value.leadTime.mean : undefined,
      });
    };
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url, options) {
        super(url, options);
        const name = options?.name ?? '';
        window.__workers.push(name);
        super.addEventListener('message', (e) => record(name, e.data));
      }
    };
    const listen = MessagePort.prototype.addEventListener;
    MessagePort.prototype.addEventListener = function (type, listener, options) {
      if (type === 'message') listen.call(this, 'message', (e) => record('port', e.data));
      return listen.call(this, type, listener, options);
    };
  }`);
}

/** The messages the page received from workers since the last call, and the workers started. */
export async function workerMessages(page: Page): Promise<{ workers: string[]; messages: WorkerMessage[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __workers: string[]; __workerMessages: WorkerMessage[] };
    return { workers: [...w.__workers], messages: w.__workerMessages.splice(0) };
  });
}

/** Records every Content-Security-Policy violation the page reports, from page load on; `policyViolations` lists them. */
export async function watchPolicyViolations(page: Page) {
  await page.addInitScript(`{
    const seen = (window.__violations = []);
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')),
    );
  }`);
}

export async function policyViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __violations: string[] }).__violations]);
}
