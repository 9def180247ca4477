/**
 * Variants named as a coach names them, after their teams, on a projector in Large type and on a
 * phone: a comparison opened from a link, its charts on the page and presented, its two variants
 * watched side by side and the workshop's first steps. Every legend stays inside its chart (a
 * name too long for its row wraps, and one too long for two rows is cut short with the whole
 * name in its title), and the page never scrolls sideways.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS } from './browser.ts';
import { layoutProblems, SCREENS } from './layout.ts';
import { open } from './sandbox-page.ts';
import { useSandbox } from './use-sandbox.ts';

const root = join(import.meta.dirname, '../..');
const presetDoc = (id: string) => JSON.parse(readFileSync(join(root, 'scenarios', `${id}.json`), 'utf8'));

/** Two names longer than a phone's legend row, the same for their first 30 characters. */
const NAMES = [
  'Platform team with WIP limit 4 and a release every fortnight',
  'Platform team with WIP limit 4 and daily release',
];

/** A comparison link, as the share dialog writes one (uncompressed: "j." and base64url JSON). */
const link = (url: string) => {
  const payload = {
    v: 1,
    compare: {
      variants: [
        { name: NAMES[0], scenario: presetDoc('token-ring') },
        { name: NAMES[1], scenario: presetDoc('dynamic-network') },
      ],
      replications: 2,
    },
  };
  return `${url}#compare=j.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
};

/** Each legend entry of the comparison's charts: the words drawn, line by line, and its title. */
interface Entry {
  chart: string;
  lines: string[];
  title: string | null;
}

const entries = (page: Page, results: string): Promise<Entry[]> =>
  page.locator(`${results} [data-chart] svg .legend > g`).evaluateAll((items) =>
    items.map((g) => {
      const text = g.querySelector('text');
      const spans = text ? [...text.querySelectorAll('tspan')] : [];
      return {
        chart: g.closest('[data-chart]')?.id ?? '',
        lines: spans.length ? spans.map((s) => s.textContent ?? '') : [text?.textContent ?? ''],
        title: g.querySelector('title')?.textContent ?? null,
      };
    }),
  );

const sandbox = useSandbox();

describe.each(SCREENS)('long variant names on a $name ($width×$height)', (screen) => {
  let page: Page;
  const fits = async (what: string) => {
    await page.screenshot({
      path: join(SCREENSHOTS, 'screens', `${screen.name}-long-names-${what}.png`),
      fullPage: true,
    });
    expect(await layoutProblems(page), what).toEqual([]);
  };

  beforeAll(async () => {
    page = await sandbox.page({ screen });
    await open(page, link(sandbox.url));
    await page.click('#compare-run');
    await page.waitForSelector('#compare-results[data-drawn="true"]', { timeout: 60_000 });
  });

  afterAll(async () => {
    await page?.close();
  });

  it('keeps every legend of the comparison inside its chart, each variant named in full', async () => {
    await fits('compare');
    const shown = await entries(page, '#compare-results');
    for (const chart of ['compare-wip', 'compare-done']) {
      const named = shown.filter((e) => e.chart === chart);
      // Each name whole, in its title when it is not drawn on one row.
      expect(
        named.map((e) => e.title ?? e.lines.join(' ')),
        chart,
      ).toEqual(NAMES);
      // A projector's chart has room for them as they are; a phone's wraps them onto a second row.
      expect(Math.max(...named.map((e) => e.lines.length)), chart).toBe(screen.large ? 1 : 2);
    }
    const distributions = shown.filter((e) => e.chart === 'compare-overlay');
    expect(distributions.map((e) => (e.title ?? e.lines.join(' ')).replace(/ \(p85 [\d.,]+\)$/, ''))).toEqual(
      NAMES,
    );
    // The mean lead time's rows name each variant, cut short with the whole name in a title.
    const rows = await page
      .locator('#compare-intervals .variant')
      .evaluateAll((gs) =>
        gs.map(
          (g) => g.querySelector('.row-label title')?.textContent ?? g.querySelector('text')?.textContent,
        ),
      );
    expect(rows).toEqual(NAMES);
  });

  it('keeps them inside the charts presented full screen', async () => {
    await page.click('#compare-present');
    await page.waitForSelector('.presentation #compare-results[data-drawn="true"]');
    try {
      await fits('compare-presented');
    } finally {
      await page.click('#presentation-leave');
      await page.waitForSelector('.presentation', { state: 'detached' });
    }
  });

  it('fits the two variants watched side by side, each named in full', async () => {
    await page.click('#watch-compare');
    const both = '#compare-results .flow-animation';
    await page.waitForSelector(`${both}[data-state="playing"]`, { timeout: 30_000 });
    expect(await page.locator(`${both} .flow-name`).allTextContents()).toEqual(NAMES);
    await page.click(`${both} [data-action="play"]`);
    await fits('watched');
  });

  it("fits the workshop's question and guesses", async () => {
    await page.click('#workshop-start');
    await page.waitForSelector('.presentation #workshop');
    try {
      await fits('workshop-question');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('.workshop-guesses');
      await fits('workshop-guesses');
    } finally {
      await page.keyboard.press('Escape');
    }
    await page.waitForSelector('.presentation', { state: 'detached' });
  });
});
