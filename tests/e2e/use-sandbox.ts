/**
 * The sandbox as a Chromium test file opens it: the site built once into a temporary folder and
 * served (site.ts), a browser launched (browser.ts), and all of it closed and removed when the
 * file's tests are done. Its pages start as a first-time visitor's, on a screen a coach meets
 * if asked, and an error the page throws fails the test; so a test file opens the sandbox with
 *
 *   const sandbox = useSandbox();
 *   ...
 *   page = await sandbox.page();
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Browser, launch } from './browser.ts';
import type { Screen } from './layout.ts';
import { freshStart, open } from './sandbox-page.ts';
import { buildSite, removeSite, type Site, serve } from './site.ts';

export interface SandboxOptions {
  /** The path the site is served under, as a project page on a static host puts it ("/" if not given). */
  under?: string;
  /** Built and not served: for the single file, opened from its folder. */
  unserved?: boolean;
  /** Builds something else in the site's place (a probe page); returns its temporary folder. */
  build?: () => Promise<string>;
}

export interface PageOptions {
  /** The window's size; Large type is pressed once the page is ready when the screen has it. */
  screen?: Screen;
  /**
   * Where the page starts: at the site as a first-time visitor (`fresh`, the default), at the
   * site as the browser left it (`open`), or nowhere yet (`blank`: the test goes where it wants).
   */
  start?: 'fresh' | 'open' | 'blank';
  /** The page's errors are kept here for the test to check, instead of failing it where they happen. */
  errors?: Error[];
  /** What to record from the page's load on (watchPolicyViolations, watchLongTasks, ...). */
  watch?: readonly ((page: Page) => Promise<void>)[];
}

export interface Sandbox {
  /** The built site's folder. */
  dir: string;
  /** Where it is served ('' when it is not). */
  url: string;
  browser: Browser;
  /** A new tab of the sandbox. */
  page(options?: PageOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Builds, serves and launches; `close` undoes all three. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const dir = await (options.build ?? buildSite)();
  let site: Site | null = null;
  let browser: Browser;
  try {
    if (!options.unserved) site = await serve(dir, options.under);
    browser = await launch();
  } catch (error) {
    await site?.close();
    removeSite(dir);
    throw error;
  }
  const url = site?.url ?? '';
  return {
    dir,
    url,
    browser,
    page: (pageOptions) => sandboxPage(browser, url, pageOptions),
    close: async () => {
      await browser.close();
      await site?.close();
      removeSite(dir);
    },
  };
}

/**
 * The sandbox for the test file that calls it: started before its tests, closed after them.
 * Its fields are there from the file's own `beforeAll` on.
 */
export function useSandbox(options: SandboxOptions = {}): Sandbox {
  const sandbox = {} as Sandbox;
  beforeAll(async () => {
    Object.assign(sandbox, await startSandbox(options));
  });
  afterAll(async () => {
    await sandbox.close?.();
  });
  return sandbox;
}

async function sandboxPage(browser: Browser, url: string, options: PageOptions = {}): Promise<Page> {
  const page = await browser.context.newPage();
  const { errors } = options;
  page.on('pageerror', (e) => {
    if (!errors) throw e;
    errors.push(e);
  });
  for (const watch of options.watch ?? []) await watch(page);
  const { screen, start = 'fresh' } = options;
  if (screen) await page.setViewportSize({ width: screen.width, height: screen.height });
  if (start === 'fresh') await freshStart(page, url);
  else if (start === 'open') await open(page, url);
  if (screen?.large) await page.click('#large-type');
  return page;
}
