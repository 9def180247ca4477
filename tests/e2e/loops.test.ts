/**
 * A run's results in Chromium, loop by loop: the outer loop (outcomes), the middle loop (across
 * teams) and the inner loop (at each node), in that order, each headed with its question, each
 * holding the headline numbers, findings and charts that src/report/loops.ts places in it, and
 * each reachable from the keyboard.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, simulate } from '../../src/index.ts';
import {
  comparisonReport,
  constraintSentence,
  LOOPS,
  leanFindings,
  loopOf,
  loopTitle,
  verdictOf,
} from '../../src/report/index.ts';
import { RUN_CHARTS } from '../../web/charts/pages.ts';
import { headlines } from '../../web/viewmodel/headline.ts';
import { type Browser, launch, SCREENSHOTS } from './browser.ts';
import { freshStart, pickPreset, run, setJson } from './sandbox-page.ts';
import { buildSite, removeSite, type Site, serve } from './site.ts';

const root = join(import.meta.dirname, '../..');
const presetResult = (id: string) =>
  simulate(JSON.parse(readFileSync(join(root, 'scenarios', `${id}.json`), 'utf8')));

let dir: string;
let site: Site;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = await buildSite();
  site = await serve(dir);
  browser = await launch();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) removeSite(dir);
});

/** The loop (its data-loop) each element matching `selector` sits in, in page order. */
const loopsOf = (selector: string) =>
  page
    .locator(`#results ${selector}`)
    .evaluateAll((els) => els.map((e) => e.closest('section.loop')?.getAttribute('data-loop') ?? null));

describe('a run’s results, loop by loop', () => {
  it('shows the three loops in order, each headed with its question', async () => {
    await freshStart(page, site.url);
    await pickPreset(page, 'change-approval');
    await run(page);
    const sections = page.locator('#results section.loop');
    expect(await sections.evaluateAll((els) => els.map((e) => e.getAttribute('data-loop')))).toEqual(
      LOOPS.map((l) => l.key),
    );
    for (const loop of LOOPS) {
      const section = page.locator(`#results section.loop[data-loop="${loop.key}"]`);
      const title = loopTitle(loop);
      expect(await section.locator('.loop-head h3').textContent()).toBe(
        title.charAt(0).toUpperCase() + title.slice(1),
      );
      expect(await section.locator('.loop-question').textContent()).toBe(loop.question);
      // The section is named by its heading, for a screen reader's list of regions.
      const named = await section.evaluate(
        (s) => document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent,
      );
      expect(named?.toLowerCase()).toBe(title);
    }
    await page.screenshot({ path: join(SCREENSHOTS, '24-loops.png'), fullPage: true });
  });

  it('places every headline number, lean finding and chart in the loop of what it shows', async () => {
    const result = presetResult('change-approval');
    const heads = headlines(result);
    expect(await loopsOf('.headline')).toEqual(
      LOOPS.flatMap((l) => heads.filter((x) => loopOf(x.section) === l.key).map(() => l.key)),
    );
    for (const x of heads)
      expect(await loopsOf(`.headline[data-key="${x.key}"]`), x.key).toEqual([loopOf(x.section)]);
    const found = leanFindings(result);
    expect(found.map((f) => f.key)).toEqual(expect.arrayContaining(['handoffs', 'rework', 'work-item-age']));
    for (const f of found)
      expect(await loopsOf(`.lean-findings [data-key="${f.key}"]`), f.key).toEqual([loopOf(f.key)]);
    for (const chart of RUN_CHARTS)
      expect(await loopsOf(`#${chart.id}`), chart.id).toEqual([loopOf(chart.section)]);
    // The outer loop's charts come first on the page, the inner loop's last.
    const order = await loopsOf('.chart-card');
    expect(order).toEqual(
      [...order].sort((a, b) => LOOPS.findIndex((l) => l.key === a) - LOOPS.findIndex((l) => l.key === b)),
    );
  });

  it("puts DORA's four measures in the outer loop, beside the outcomes leadership reads", async () => {
    expect(await loopsOf('.delivery-card')).toEqual(['outer']);
  });

  it('names the constraint in the middle loop, in the words the terminal prints', async () => {
    const result = presetResult('change-approval');
    expect(await loopsOf('.constraint-card')).toEqual(['middle']);
    expect(await page.textContent('#results .constraint-card [data-key="constraint"] dd')).toBe(
      constraintSentence(result, verdictOf(result, undefined)),
    );
  });

  it('takes the keyboard to each loop from the buttons above them', async () => {
    const buttons = page.locator('#results .loop-nav button');
    expect(await buttons.allTextContents()).toEqual(LOOPS.map(loopTitle));
    for (const loop of LOOPS) {
      await page.focus(`#results .loop-nav button[data-loop="${loop.key}"]`);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`loop-${loop.key}`);
    }
    // Tab from the inner loop's section reaches what is in it.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('section.loop')?.getAttribute('data-loop')),
    ).toBe('inner');
  });

  it('puts the joins of parallel steps in the middle loop', async () => {
    await pickPreset(page, 'component-teams');
    await run(page);
    expect(await loopsOf('.join-findings')).toEqual(['middle']);
    expect(await loopsOf('.headline[data-key="flow-efficiency"]')).toEqual(['middle']);
  });

  it('puts the economics in the outer loop', async () => {
    await pickPreset(page, 'wsjf-cost-of-delay');
    await run(page);
    expect(await loopsOf('.economics-card')).toEqual(['outer']);
  });

  it('puts blocked time in the inner loop, at the nodes', async () => {
    const doc = JSON.parse(readFileSync(join(root, 'scenarios', 'component-teams.json'), 'utf8'));
    doc.nodes[0].blocker = { probability: 0.2, time: { dist: 'exponential', mean: 2 }, policy: 'aside' };
    await setJson(page, JSON.stringify(doc, null, 2));
    await run(page);
    expect(await loopsOf('.blockers-card')).toEqual(['inner']);
  });
});

describe('a comparison in the sandbox', () => {
  it('says whether each variant’s constraint moved from the baseline’s, in the terminal’s words', async () => {
    await freshStart(page, site.url);
    await page.click('#tab-compare');
    await page.click('#compare-run');
    await page.waitForSelector('#compare-results[data-drawn="true"]', { timeout: 60_000 });
    const names = (await page
      .locator('.compare-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-variant') ?? ''))) as string[];
    const docs = ['token-ring', 'dynamic-network'].map((id) =>
      JSON.parse(readFileSync(join(root, 'scenarios', `${id}.json`), 'utf8')),
    );
    expect(names).toEqual(docs.map((d) => d.name));
    const expected = comparisonReport(compare(docs.map((d) => ({ name: d.name, scenario: d }))));
    expect(await page.locator('#compare-results .constraint-move').allTextContents()).toEqual(
      expected.variants.slice(1).map((v) => `${v.name}: ${v.constraintMove}.`),
    );
  });
});
