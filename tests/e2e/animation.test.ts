/**
 * Watch the flow, in Chromium against the built site: a run animated on its network diagram
 * (play, pause, step, skip the warm-up, follow an item by clicking it or from the keyboard),
 * and two variants of a comparison side by side on one clock, with the same arrivals.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { policyViolations, watchPolicyViolations } from './browser.ts';
import { download, exportedText, pickPreset, run } from './sandbox-page.ts';
import { useSandbox } from './use-sandbox.ts';

const sandbox = useSandbox();
let page: Page;
const errors: Error[] = [];

beforeAll(async () => {
  page = await sandbox.page({ errors, watch: [watchPolicyViolations] });
});

const panel = '#results .flow-animation';
const time = async (root = panel) => Number(await page.getAttribute(root, 'data-time'));
const state = (root = panel) => page.getAttribute(root, 'data-state');
/** Waits for the page's words (written four times a second) to catch up. */
const settle = () => page.waitForTimeout(400);

async function counter(root: string, name: string, pane = 0): Promise<number> {
  const text = await page.textContent(`${root} .flow-pane:nth-child(${pane + 1}) [data-counter="${name}"]`);
  return Number((text ?? '').replace(/,/g, ''));
}

describe('watching a run', () => {
  it('plays the run on its network: the clock moves, tokens queue and move, items are done', async () => {
    await pickPreset(page, 'token-ring');
    await run(page);
    await page.click('#watch-run');
    await page.waitForSelector(`${panel}[data-state="playing"]`, { timeout: 30_000 });
    expect(await page.locator(`${panel} canvas`).count()).toBe(1);
    await page.click(`${panel} [data-action="skip"]`);
    await page.waitForFunction(
      (root) => Number(document.querySelector<HTMLElement>(root)?.dataset.time) >= 200,
      panel,
      { timeout: 30_000 },
    );
    await settle();
    expect(await page.textContent(`${panel} .flow-clock`)).toMatch(/^day \d/);
    expect(Number(await page.getAttribute(panel, 'data-tokens'))).toBeGreaterThan(5);
    expect(await counter(panel, 'done')).toBeGreaterThan(50);
    expect(await counter(panel, 'wip')).toBeGreaterThan(0);
    expect(await page.textContent(`${panel} [data-counter="lead"]`)).toMatch(/days$/);
  });

  it('pauses: the clock stands still until played again', async () => {
    await page.click(`${panel} [data-action="play"]`);
    expect(await state()).toBe('paused');
    await settle();
    const paused = await time();
    await page.waitForTimeout(600);
    expect(await time()).toBe(paused);
    await page.click(`${panel} [data-action="play"]`);
    await page.waitForFunction(
      ([root, t]) =>
        Number(document.querySelector<HTMLElement>(root as string)?.dataset.time) > (t as number),
      [panel, paused],
    );
    expect(await state()).toBe('playing');
  });

  it('steps from event to event, paused, from the button and from the keyboard', async () => {
    await page.click(`${panel} [data-action="step"]`);
    expect(await state()).toBe('paused');
    await settle();
    const before = await time();
    for (let i = 0; i < 5; i++) await page.click(`${panel} [data-action="step"]`);
    await settle();
    const after = await time();
    expect(after).toBeGreaterThan(before);
    await page.focus(`${panel} canvas`);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await settle();
    expect(await time()).toBeGreaterThan(after);
    expect(await state()).toBe('paused');
    await page.keyboard.press('Space');
    expect(await state()).toBe('playing');
    await page.keyboard.press('Space');
    expect(await state()).toBe('paused');
  });

  it('follows an item clicked on the canvas, saying where it waited', async () => {
    await page.waitForTimeout(600); // the tokens reach their places
    await settle();
    const [id, x, y] = ((await page.getAttribute(`${panel} canvas`, 'data-token')) ?? '')
      .split(' ')
      .map(Number);
    expect(Number.isInteger(id)).toBe(true);
    await page.click(`${panel} canvas`, { position: { x, y } });
    await settle();
    expect(await page.getAttribute(panel, 'data-following')).toBe(String(id));
    const text = (await page.textContent(`${panel} .flow-following`)) ?? '';
    expect(text).toContain(`Item ${id + 1} arrived at day`);
    expect(text).toMatch(/Now (waiting at|being worked on at|finished at|on its way to) \S+|Done at day/);
    // Played on, it is followed through the stream until it is done.
    await page.click(`${panel} [data-action="play"]`);
    await page.waitForFunction(
      (root) => /Done at day/.test(document.querySelector(`${root} .flow-following`)?.textContent ?? ''),
      panel,
      { timeout: 60_000 },
    );
    expect(await page.textContent(`${panel} .flow-following`)).toMatch(/lead time \d/);
  });

  it('follows the next arrival from the keyboard, and Escape lets it go', async () => {
    await page.focus(`${panel} canvas`);
    await page.keyboard.press('f');
    await page.waitForFunction(
      (root) => document.querySelector<HTMLElement>(root)?.dataset.following !== undefined,
      panel,
    );
    await settle();
    expect(await page.textContent(`${panel} .flow-following`)).toMatch(/^Item \d+ arrived at day/);
    await page.keyboard.press('Escape');
    expect(await page.isHidden(`${panel} .flow-following`)).toBe(true);
  });

  it('watched to the end, its result (the rest of the replications run unwatched) is the run’s own bytes', async () => {
    for (let i = 0; i < 40; i++) {
      if ((await page.getAttribute(panel, 'data-finished')) === 'true') break;
      await page.click(`${panel} [data-action="skip"]`);
      await page.waitForTimeout(250);
    }
    await page.waitForSelector(`${panel} [data-action="save-result"]`, { timeout: 60_000 });
    const watched = (await download(page, `${panel} [data-action="save-result"]`)).content.toString('utf8');
    expect(watched).toBe(await exportedText(page));
  });

  it('with prefers-reduced-motion it still plays, in steps', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.click('#watch-run');
    await page.waitForSelector(`${panel}[data-state="playing"]`, { timeout: 30_000 });
    await page.waitForFunction(
      (root) => Number(document.querySelector<HTMLElement>(root)?.dataset.time) > 2,
      panel,
      { timeout: 30_000 },
    );
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });
});

describe('watching two variants side by side', () => {
  const both = '#compare-results .flow-animation';

  it('plays both on one clock, with the same arrivals, and names an item that finished far apart', async () => {
    await page.click('#tab-compare');
    await page.click('#compare-run');
    await page.waitForSelector('#compare-results[data-drawn="true"]', { timeout: 60_000 });
    await page.click('#watch-compare');
    await page.waitForSelector(`${both}[data-state="playing"]`, { timeout: 30_000 });
    expect(await page.locator(`${both} canvas`).count()).toBe(2);
    await page.click(`${both} [data-action="skip"]`);
    await page.waitForFunction(
      (root) =>
        /^Item \d+ arrived at day [\d.]+ in both/.test(
          document.querySelector(`${root} .flow-apart`)?.textContent ?? '',
        ),
      both,
      { timeout: 60_000 },
    );
    await settle();
    const apart = (await page.textContent(`${both} .flow-apart`)) ?? '';
    const id = Number(apart.match(/^Item (\d+)/)?.[1]);
    // The item furthest apart is followed in both panes, and is the same item in both.
    const lines = ((await page.textContent(`${both} .flow-following`)) ?? '').split('\n');
    expect(lines).toHaveLength(2);
    const arrivals = lines.map((l) => l.match(/Item (\d+) arrived at (day [\d.]+)/)?.slice(1));
    expect(arrivals[0]?.[0]).toBe(String(id));
    expect(arrivals[1]).toEqual(arrivals[0]);
    // Both have arrived the same work: the same item numbers have been seen in both.
    const arrived = async (pane: number) =>
      (await counter(both, 'wip', pane)) + (await counter(both, 'done', pane));
    await page.click(`${both} [data-action="play"]`);
    await settle();
    expect(await arrived(0)).toBe(await arrived(1));
  });

  it('broke no rule of the page’s policy and threw nothing', async () => {
    expect(await policyViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
