/**
 * The built sandbox works from any path on a static host (a project page such as
 * https://example.org/course/flowlab/), not only from the root: every file it loads, its
 * workers included, is found relative to the page, and a run gives the CLI's bytes.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportedText, freshStart, pickPreset, run } from './sandbox-page.ts';
import { useSandbox } from './use-sandbox.ts';

const root = join(import.meta.dirname, '../..');
const UNDER = '/course/flowlab/';

const sandbox = useSandbox({ under: UNDER });
let page: Page;
const missing: string[] = [];

beforeAll(async () => {
  page = await sandbox.page({ start: 'blank' });
  page.on('response', (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
  });
});

describe('the built sandbox under a path of its own', () => {
  it('loads everything from beside its page, and runs a preset to the CLI’s bytes', async () => {
    expect(sandbox.url).toMatch(/\/course\/flowlab\/$/);
    await freshStart(page, sandbox.url);
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
    const response = await page.goto(new URL('/index.html', sandbox.url).href);
    expect(response?.status()).toBe(404);
  });
});
