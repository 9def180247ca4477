/**
 * DORA's four measures and blocked work in Chromium: the change-approval preset's results show
 * the delivery card in the words the CLI prints, and a comparison with a board that catches
 * half the failures shows each variant's measures with its paired differences; a scenario with
 * blockers shows the blockers card and marks the items blocked on the aging-WIP chart. Each fits a projector at 1024×768 with Large type and a
 * 390 px phone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, simulate } from '../../src/index.ts';
import { blockerReports, deliveryLines } from '../../src/report/index.ts';
import { blockerRows } from '../../web/viewmodel/blockers-card.ts';
import { agingWipData, agingWipSeries, runStages } from '../../web/viewmodel/chart-data/aging-wip-data.ts';
import { deliveryComparison } from '../../web/viewmodel/delivery-card.ts';
import { formatNumber } from '../../web/viewmodel/format.ts';
import { SCREENSHOTS } from './browser.ts';
import { layoutProblems, SCREENS } from './layout.ts';
import { jsonText, pickPreset, run, setJson } from './sandbox-page.ts';
import { useSandbox } from './use-sandbox.ts';

const root = join(import.meta.dirname, '../..');
const boardFile = join(root, 'scenarios/change-approval.json');
const board = JSON.parse(readFileSync(boardFile, 'utf8'));

/** A team whose work waits on a vendor, put aside, and a test step held by its testers. */
const BLOCKED = {
  name: 'Waiting on the vendor',
  timeUnit: 'day',
  run: { duration: 400, warmup: 40, seed: 3, replications: 5 },
  demand: [
    {
      id: 'feature',
      interarrival: { dist: 'exponential', mean: 1 },
      steps: ['build', 'test'],
    },
  ],
  nodes: [
    {
      id: 'developers',
      capacity: 4,
      serves: { build: { dist: 'exponential', mean: 2.5 } },
      blocker: { probability: 0.3, time: { dist: 'exponential', mean: 6 }, policy: 'aside' },
    },
    {
      id: 'testers',
      capacity: 2,
      serves: { test: { dist: 'exponential', mean: 1 } },
      blocker: { probability: 0.1, time: { dist: 'exponential', mean: 2 }, policy: 'hold' },
    },
  ],
};

const sandbox = useSandbox();

/** A card's lines as shown: each row's key, label, text and the note under it. */
function shownLines(page: Page, selector: string) {
  return page.locator(`${selector} dl > div`).evaluateAll((rows) =>
    rows.map((row) => ({
      key: row.getAttribute('data-key'),
      label: row.querySelector('dt')?.textContent ?? '',
      text: row.querySelector('.line-text')?.textContent ?? '',
      note: row.querySelector('.line-note')?.textContent ?? null,
    })),
  );
}

/**
 * Copies the change-approval preset to My scenarios, makes a variant of it whose board catches
 * half the failures, and compares the two; returns the documents and names compared.
 */
async function compareWithHalfTheFailures(page: Page) {
  await pickPreset(page, 'change-approval');
  // A copy in My scenarios, then its variant, which can be compared with it.
  await page.click('#duplicate-scenario');
  await page.waitForSelector('#own-list label.preset.selected');
  const origin = JSON.parse(await jsonText(page));
  await page.click('#duplicate-scenario');
  await page.waitForSelector('#compare-with-origin');
  const copy = JSON.parse(await jsonText(page));
  copy.nodes[1].failureReduction = 0.5;
  await setJson(page, JSON.stringify(copy, null, 2));
  await page.click('#compare-with-origin');
  await page.click('#compare-run');
  await page.waitForSelector('#compare-results[data-drawn="true"]', { timeout: 60_000 });
  const names = await page
    .locator('#compare-results .delivery-card .card-variant')
    .evaluateAll((parts) => parts.map((p) => p.getAttribute('data-variant') ?? ''));
  return { names, documents: [origin, copy] };
}

describe("DORA's four measures in the sandbox", () => {
  let page: Page;
  beforeAll(async () => {
    page = await sandbox.page();
  });
  afterAll(() => page?.close());

  it('the change-approval preset shows its four measures in the words the CLI prints, with their intervals', async () => {
    await pickPreset(page, 'change-approval');
    await run(page);
    const expected = deliveryLines(simulate(board));
    expect(await shownLines(page, '#results .delivery-card')).toEqual(
      expected.map((line) => ({
        key: line.key,
        label: line.label.charAt(0).toUpperCase() + line.label.slice(1),
        text: line.text,
        note: null,
      })),
    );
    expect(expected.map((l) => l.key)).toEqual([
      'deployment-frequency',
      'lead-time-for-changes',
      'change-failure-rate',
      'time-to-restore',
    ]);
    // Ten replications: every measure has its interval (centred on the mean or not).
    for (const line of expected) expect(line.text).toMatch(/±|\[|95% interval/);
    expect(await page.textContent('#results .delivery-card h3')).toBe('Delivery performance (DORA)');
    // No blocker in the preset: no blockers card.
    expect(await page.locator('#results .blockers-card').count()).toBe(0);
    await page.locator('#results .delivery-card').screenshot({ path: join(SCREENSHOTS, '24-delivery.png') });
  });

  it("a comparison shows each variant's four measures, and under the variant's its paired difference from the baseline", async () => {
    const { names, documents } = await compareWithHalfTheFailures(page);
    expect(names).toHaveLength(2);
    const expected = deliveryComparison(compare(names.map((name, i) => ({ name, scenario: documents[i] }))));
    const shown = await Promise.all(
      names.map((name) =>
        shownLines(page, `#compare-results .delivery-card .card-variant[data-variant="${quoted(name)}"]`),
      ),
    );
    expect(shown).toEqual(
      expected.map((v) =>
        v.rows.map((r) => ({ key: r.key, label: r.label, text: r.text, note: r.difference ?? null })),
      ),
    );
    // The board that catches half the failures halves the change failure rate.
    const rate = expected[1].rows.find((r) => r.key === 'change-failure-rate');
    expect(rate?.difference).toMatch(/change failure rate is \d+% lower than/);
    await page
      .locator('#compare-results .delivery-card')
      .screenshot({ path: join(SCREENSHOTS, '25-delivery-compare.png') });
  });
});

describe('blocked work in the sandbox', () => {
  let page: Page;
  beforeAll(async () => {
    page = await sandbox.page();
  });
  afterAll(() => page?.close());

  it('a scenario with blockers shows, per node and in all, its policy, the blocked time and its share of lead time', async () => {
    await setJson(page, JSON.stringify(BLOCKED, null, 2));
    await run(page);
    const r = simulate(BLOCKED);
    const expected = blockerRows(blockerReports(r), r.timeUnit);
    expect(expected.map((row) => row.policy ?? row.key)).toEqual(['put aside', 'held', 'all']);
    expect(await shownLines(page, '#results .blockers-card')).toEqual(
      expected.map((row) => ({ key: row.key, label: row.label, text: row.text, note: null })),
    );
    expect(
      await page
        .locator('#results .blockers-card dl > div')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-policy'))),
    ).toEqual(['put aside', 'held', null]);
    // No release: no delivery card.
    expect(await page.locator('#results .delivery-card').count()).toBe(0);
    await page.locator('#results .blockers-card').screenshot({ path: join(SCREENSHOTS, '26-blockers.png') });
  });

  it('the aging-WIP chart marks the items blocked that day, with how long each has been blocked so far', async () => {
    const r = simulate(BLOCKED);
    const data = agingWipData([agingWipSeries(r)], runStages(r));
    const blocked = r.agingWip.blocked?.filter((b) => b !== null).length ?? 0;
    // Some items in progress that day are blocked, and some are not.
    expect(blocked).toBeGreaterThan(0);
    expect(blocked).toBeLessThan(r.agingWip.age.length);
    const chart = '#chart-aging';
    expect(Number(await page.getAttribute(`${chart} .chart-host`, 'data-blocked'))).toBe(blocked);
    expect(Number(await page.getAttribute(`${chart} .chart-host`, 'data-items'))).toBe(data.dots.length);
    // One open diamond per blocked item, and a legend entry that counts them.
    const marks = (await page.getAttribute(`${chart} .blocked-marks`, 'd')) ?? '';
    expect(marks.match(/M/g)).toHaveLength(blocked);
    expect(await page.locator(`${chart} .legend text`).allTextContents()).toContain(`blocked: ${blocked}`);
    // Stepping through the dots by keyboard, a blocked one says for how long so far.
    const first = data.dots.findIndex((d) => d.blocked !== undefined);
    await page.focus(`${chart} .overlay`);
    for (let i = 0; i <= first; i++) await page.keyboard.press('ArrowRight');
    const reading = (await page.textContent('.chart-tooltip')) ?? '';
    expect(reading).toContain(`blocked for ${formatNumber(data.dots[first].blocked ?? -1)} days so far`);
    expect(reading).toContain(`age ${formatNumber(data.dots[first].age)} days`);
    await page.locator(chart).screenshot({ path: join(SCREENSHOTS, '27-aging-blocked.png') });
  });
});

describe.each(SCREENS)('the cards on a $name ($width×$height)', (screen) => {
  let page: Page;
  beforeAll(async () => {
    page = await sandbox.page({ screen });
  });
  afterAll(() => page?.close());

  it("fit: DORA's card in a run and in a comparison, and the blockers card", async () => {
    await pickPreset(page, 'change-approval');
    await run(page);
    expect(await page.locator('#results .delivery-card').isVisible()).toBe(true);
    expect(await layoutProblems(page), 'delivery').toEqual([]);
    await compareWithHalfTheFailures(page);
    expect(await page.locator('#compare-results .delivery-card .card-variant').count()).toBe(2);
    expect(await layoutProblems(page), 'delivery compared').toEqual([]);
    await page.screenshot({
      path: join(SCREENSHOTS, 'screens', `${screen.name}-delivery-compare.png`),
      fullPage: true,
    });
    await page.click('#tab-run');
    await setJson(page, JSON.stringify(BLOCKED, null, 2));
    await run(page);
    expect(await page.locator('#results .blockers-card').isVisible()).toBe(true);
    expect(await layoutProblems(page), 'blockers').toEqual([]);
    await page.screenshot({
      path: join(SCREENSHOTS, 'screens', `${screen.name}-blockers.png`),
      fullPage: true,
    });
  });
});

/** A variant's name in an attribute selector. */
function quoted(name: string): string {
  return name.replace(/["\\]/g, '\\$&');
}
