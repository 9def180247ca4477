/**
 * Blocked work in "Watch the flow", in Chromium: the blockers-long-tail preset's developers put
 * a blocked story aside, so it is drawn in the blocked row under their node, off their servers
 * and (not counting against the limit) off their WIP; held instead, each blocked story keeps a
 * developer waiting with it. The page's readout (the canvas's data attributes, written as the
 * counters are) is read, not its pixels.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { policyViolations, watchPolicyViolations } from './browser.ts';
import { pickPreset, run, setJson } from './sandbox-page.ts';
import { useSandbox } from './use-sandbox.ts';

const preset = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../scenarios/blockers-long-tail.json'), 'utf8'),
);
const DEVELOPERS = preset.nodes.findIndex((n: { id: string }) => n.id === 'developers');

const sandbox = useSandbox();
let page: Page;
const errors: Error[] = [];

beforeAll(async () => {
  page = await sandbox.page({ errors, watch: [watchPolicyViolations] });
});

const panel = '#results .flow-animation';
const canvas = `${panel} canvas`;
/** Waits for the page's words (written four times a second) to catch up. */
const settle = () => page.waitForTimeout(400);

/** Each node's numbers from the canvas's readout ("0 3 0" for three nodes). */
async function perNode(name: string): Promise<number[]> {
  return ((await page.getAttribute(canvas, `data-${name}`)) ?? '').split(' ').map(Number);
}

/** Starts watching the run on the page, skips the warm-up, plays until blocked work is drawn, and pauses. */
async function watchUntilBlocked() {
  await page.click('#watch-run');
  await page.waitForSelector(`${panel}[data-state="playing"]`, { timeout: 30_000 });
  await page.click(`${panel} [data-action="skip"]`);
  await page.waitForFunction(
    (root) => Number(document.querySelector<HTMLElement>(root)?.dataset.time) >= 200,
    panel,
    { timeout: 30_000 },
  );
  await page.waitForFunction(
    (c) => Number(document.querySelector<HTMLElement>(c)?.dataset.blockedDrawn) > 0,
    canvas,
    {
      timeout: 60_000,
    },
  );
  await page.click(`${panel} [data-action="play"]`);
  expect(await page.getAttribute(panel, 'data-state')).toBe('paused');
  await page.waitForTimeout(600); // the tokens reach their places
  await settle();
}

describe('blocked work in the animation', () => {
  it('put aside: blocked stories are drawn in their own row, counted, named by the legend, holding no developer', async () => {
    await pickPreset(page, 'blockers-long-tail');
    await run(page);
    await watchUntilBlocked();
    const blocked = await perNode('blocked');
    const drawn = Number(await page.getAttribute(canvas, 'data-blocked-drawn'));
    // Every blocked story is at the developers', and each is drawn (the row holds more than the team ever has blocked here at once, or its count says so).
    expect(blocked[DEVELOPERS]).toBeGreaterThan(0);
    expect(blocked.reduce((a, b) => a + b, 0)).toBe(blocked[DEVELOPERS]);
    expect(drawn).toBe(blocked[DEVELOPERS]);
    expect(await page.textContent(`${panel} [data-counter="blocked"]`)).toBe(String(blocked[DEVELOPERS]));
    // Put aside, no developer waits with one, and at most the five developers work.
    expect(await perNode('waiting')).toEqual([0, 0, 0]);
    expect((await perNode('busy'))[DEVELOPERS]).toBeLessThanOrEqual(5);
    // The legend names the mark, in words, beside its shape.
    const legend = (await page.locator(`${panel} .flow-legend li`).allTextContents()).join(' | ');
    expect(legend).toContain('blocked on something outside the stream');
    expect(legend).toContain('blocked work put aside holds no one');
    expect(legend).not.toContain('waiting with a blocked item');
    expect(await page.locator(`${panel} .flow-legend .flow-mark.blocked`).count()).toBe(1);
  });

  it('following a blocked story says since when it has been blocked, and that it was put aside', async () => {
    const [id, x, y] = ((await page.getAttribute(canvas, 'data-blocked-token')) ?? '').split(' ').map(Number);
    expect(Number.isInteger(id)).toBe(true);
    await page.click(canvas, { position: { x, y } });
    await settle();
    expect(await page.getAttribute(panel, 'data-following')).toBe(String(id));
    expect(await page.textContent(`${panel} .flow-following`)).toMatch(
      /Now blocked at developers since day [\d.]+ \([\d.]+ days? so far\), waiting on the outside; put aside: its person has taken other work\.$/,
    );
    // Played on until it is done, it says when it was blocked and for how long.
    await page.click(`${panel} [data-action="play"]`);
    await page.waitForFunction(
      (root) => /Done at day/.test(document.querySelector(`${root} .flow-following`)?.textContent ?? ''),
      panel,
      { timeout: 60_000 },
    );
    expect(await page.textContent(`${panel} .flow-following`)).toMatch(
      /Blocked at developers from day [\d.]+ for [\d.]+ days?, waiting on the outside/i,
    );
  });

  it('held: each blocked story keeps a developer busy, waiting with it', async () => {
    const held = structuredClone(preset);
    const developers = held.nodes[DEVELOPERS];
    developers.blocker.policy = 'hold';
    delete developers.blocker.countsAgainstWip;
    await setJson(page, JSON.stringify(held, null, 2));
    await run(page);
    await watchUntilBlocked();
    const blocked = await perNode('blocked');
    const waiting = await perNode('waiting');
    expect(blocked[DEVELOPERS]).toBeGreaterThan(0);
    expect(Number(await page.getAttribute(canvas, 'data-blocked-drawn'))).toBe(blocked[DEVELOPERS]);
    // One developer waits with each blocked story (served one at a time), among those busy.
    expect(waiting[DEVELOPERS]).toBe(blocked[DEVELOPERS]);
    expect((await perNode('busy'))[DEVELOPERS]).toBeGreaterThanOrEqual(waiting[DEVELOPERS]);
    const legend = (await page.locator(`${panel} .flow-legend li`).allTextContents()).join(' | ');
    expect(legend).toContain('a person waiting with a blocked item (held)');
    expect(await page.locator(`${panel} .flow-legend .flow-mark.waiting`).count()).toBe(1);
  });

  it('broke no rule of the page’s policy and threw nothing', async () => {
    expect(await policyViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
