/**
 * Predict, then reveal, in Chromium, as a facilitator runs it: two presets from the Compare view,
 * the room's guesses typed in, nothing of the results in the page until space reveals them, then
 * the guesses on the chart against the same numbers the library gives. The guesses survive a
 * reload; Escape leaves. The presentation layout fits a projector in large type and a phone, with
 * the workshop, a comparison or a run's animation in it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Comparison, compare } from '../../src/index.ts';
import { comparisonReport } from '../../src/report/index.ts';
import { signedChange } from '../../web/charts/guesses.ts';
import { guessesData } from '../../web/viewmodel/chart-data/guesses-data.ts';
import { formatDuration } from '../../web/viewmodel/format.ts';
import { readGuesses } from '../../web/viewmodel/guesses.ts';
import { differenceSentence } from '../../web/viewmodel/sentences.ts';
import { closestSentence } from '../../web/views/workshop-view.ts';
import { SCREENSHOTS } from './browser.ts';
import { layoutProblems, SCREENS, type Screen } from './layout.ts';
import { freshStart, run } from './sandbox-page.ts';
import { useSandbox } from './use-sandbox.ts';

const root = join(import.meta.dirname, '../..');
const presetDoc = (id: string) => JSON.parse(readFileSync(join(root, 'scenarios', `${id}.json`), 'utf8'));
const REPLICATIONS = 3;
const ROWS = [
  { table: 'Window', shorter: 'B', by: '50%' },
  { table: 'Door', shorter: 'A', by: '2x' },
  { table: 'Back row', shorter: 'B', by: '3x' },
] as const;

const sandbox = useSandbox();
/** The comparison the page runs (its two default presets, three replications each), from the library. */
let expected: Comparison;

beforeAll(async () => {
  mkdirSync(join(SCREENSHOTS, 'workshop'), { recursive: true });
  expected = compare(
    [
      ...['token-ring', 'dynamic-network'].map((id) => ({
        name: presetDoc(id).name,
        scenario: presetDoc(id),
      })),
    ],
    { replications: REPLICATIONS },
  );
});

/** A first-time visitor's page, with no workshop kept from an earlier test in the browser's session. */
async function newPage(screen?: Screen): Promise<Page> {
  const page = await sandbox.page({ screen });
  await page.evaluate(() => sessionStorage.clear());
  return page;
}

/** From the Compare view's default pair, with few replications, into the workshop's guesses. */
async function startWorkshop(page: Page) {
  await page.click('#tab-compare');
  await page.fill('#compare-replications', String(REPLICATIONS));
  await page.click('#workshop-start');
  await page.waitForSelector('.presentation #workshop');
}

async function enterGuesses(page: Page) {
  for (const [i, row] of ROWS.entries()) {
    if (i > 0) await page.click('#workshop-add');
    const tr = `.workshop-guesses tr[data-row="${i}"]`;
    await page.fill(`${tr} input.workshop-table`, row.table);
    await page.check(`${tr} input[value="${row.shorter}"]`);
    await page.fill(`${tr} input.workshop-by`, row.by);
  }
  // Enter hands the keys back to the steps.
  await page.press(`.workshop-guesses tr[data-row="${ROWS.length - 1}"] input.workshop-by`, 'Enter');
}

/**
 * Strings only the results could put in the page: each mean lead time and p85, as written and
 * as the double itself, and the difference as the sentences and the chart say it.
 */
function resultStrings(c: Comparison): string[] {
  const unit = c.variants[0].result.timeUnit;
  const lead = comparisonReport(c).variants[1].findings.find((f) => f.measure === 'leadTime');
  const ratio = 1 + (c.variants[1].vsBaseline?.leadTime.relative ?? 0);
  return [
    ...c.variants.flatMap((v) => [
      formatDuration(v.result.leadTime.mean, unit),
      String(v.result.leadTime.mean),
      String(v.result.leadTime.p85),
    ]),
    String(ratio),
    lead?.change ?? 'no change',
    signedChange(ratio),
  ];
}

describe('predict, then reveal', () => {
  let page: Page;

  beforeAll(async () => {
    page = await newPage();
  });

  afterAll(async () => {
    await page?.close();
  });

  it('opens on the question, full screen, and → moves to the guesses', async () => {
    await startWorkshop(page);
    expect(await page.evaluate(() => document.fullscreenElement?.className)).toBe('presentation');
    expect(await page.textContent('.workshop-steps [aria-current="step"]')).toBe('1 The question');
    expect(await page.textContent('.workshop-variants')).toContain('Token-ring pipeline');
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('.workshop-steps [aria-current="step"]')).toBe('2 Guesses');
    await page.keyboard.press('ArrowLeft');
    expect(await page.textContent('.workshop-steps [aria-current="step"]')).toBe('1 The question');
    await page.keyboard.press('PageDown');
    await page.waitForSelector('.workshop-guesses');
    // And with the pointer, for a touch screen.
    await page.click('#workshop-previous');
    expect(await page.textContent('.workshop-steps [aria-current="step"]')).toBe('1 The question');
    await page.click('#workshop-next');
    await page.waitForSelector('.workshop-guesses');
  });

  it('says what is wrong with a guess beside it, and will not reveal until it is fixed', async () => {
    await page.fill('tr[data-row="0"] input.workshop-by', '50');
    await page.check('tr[data-row="0"] input[value="B"]');
    expect(await page.textContent('#workshop-problem-0')).toBe(
      'write it as a percentage (40%) or a ratio (2x)',
    );
    await page.waitForSelector('.workshop-status[data-results="ready"]', { timeout: 60_000 });
    expect(await page.isDisabled('#workshop-reveal')).toBe(true);
    expect(await page.textContent('#workshop-reveal-note')).toMatch(/^To reveal, row 1's guess needs fixing/);
  });

  it('keeps every number of the results out of the page while the room guesses', async () => {
    await enterGuesses(page);
    await page.waitForSelector('.workshop-status[data-results="ready"]', { timeout: 60_000 });
    expect(await page.textContent('.workshop-status')).toBe('The results are in, hidden until the reveal.');
    expect(await page.isDisabled('#workshop-reveal')).toBe(false);
    const html = await page.content();
    const text = await page.evaluate(() => document.body.innerText);
    for (const s of resultStrings(expected)) {
      expect(html, s).not.toContain(s);
      expect(text, s).not.toContain(s);
    }
    expect(await page.$$('[data-chart], .differences, .compare-table, #workshop-results')).toHaveLength(0);
  });

  it('reveals with space: the guesses on the chart, against the library’s numbers, and who was closest', async () => {
    await page.keyboard.press(' ');
    await page.waitForSelector('#workshop-results[data-drawn="true"]');
    expect(await page.textContent('.workshop-steps [aria-current="step"]')).toBe('3 Reveal');
    const guesses = readGuesses(ROWS.map((r) => ({ ...r }))).flatMap((r) =>
      r.kind === 'guess' ? [r.guess] : [],
    );
    const data = guessesData({ comparison: expected, guesses });
    expect(await page.textContent('#workshop-closest')).toBe(closestSentence(data.judged, data.unranked));
    const lead = comparisonReport(expected).variants[1].findings.find((f) => f.measure === 'leadTime');
    expect(await page.textContent('.workshop-measured')).toBe(lead && differenceSentence(lead));
    // One diamond per table, at the ratio its guess says, in the order of the ratios.
    const marks = await page.$$eval('#reveal-guesses g.guess', (gs) =>
      gs.map((g) => ({
        table: g.getAttribute('data-table'),
        ratio: Number(g.getAttribute('data-ratio')),
        x: Number(g.querySelector('.guess-mark')?.getAttribute('data-x')),
      })),
    );
    expect(marks.map((m) => m.table).sort()).toEqual(ROWS.map((r) => r.table).sort());
    for (const m of marks)
      expect(m.ratio).toBeCloseTo(guesses.find((g) => g.table === m.table)?.ratio ?? 0, 12);
    const byX = [...marks].sort((a, b) => a.x - b.x).map((m) => m.table);
    const byRatio = [...marks].sort((a, b) => a.ratio - b.ratio).map((m) => m.table);
    expect(byX).toEqual(byRatio);
    const measured = Number(await page.getAttribute('#reveal-guesses g.measured', 'data-ratio'));
    expect(measured).toBe(data.measured?.ratio);
    await page.screenshot({ path: join(SCREENSHOTS, 'workshop', 'reveal.png') });
  });

  it('goes on to the whole comparison, presented in the workshop’s place, and back to the workshop', async () => {
    await page.click('#workshop-whole');
    await page.waitForSelector('.presentation #compare-results[data-drawn="true"]');
    expect(await page.$$('.presentation #workshop')).toHaveLength(0);
    expect(await page.evaluate(() => document.fullscreenElement?.className)).toBe('presentation');
    expect(await page.textContent('.presentation-title')).toBe('Comparison');
    // The two the room guessed about, ready to watch side by side.
    expect(await page.$('.presentation #watch-compare')).not.toBeNull();
    await page.keyboard.press('Escape');
    await page.waitForSelector('.presentation', { state: 'detached' });
    await page.click('#workshop-start');
    await page.waitForSelector('.presentation #workshop-results[data-drawn="true"]');
  });

  it('keeps the guesses, revealed, through a reload, then Escape leaves to the comparison', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#workshop-results[data-drawn="true"]', { timeout: 60_000 });
    // Full screen needs a click: after a reload the layout covers the window by itself.
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(
      await page.$$eval('.workshop-judged li', (li) => li.map((l) => l.getAttribute('data-table'))),
    ).toHaveLength(ROWS.length);
    await page.keyboard.press('ArrowLeft');
    expect(
      await page.$$eval('input.workshop-table', (i) => i.map((x) => (x as HTMLInputElement).value)),
    ).toEqual(ROWS.map((r) => r.table));
    expect(
      await page.$$eval('input.workshop-by', (i) => i.every((x) => (x as HTMLInputElement).readOnly)),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.presentation', { state: 'detached' });
    await page.waitForSelector('#compare-results[data-drawn="true"]');
    expect(await page.getAttribute('#tab-compare', 'aria-selected')).toBe('true');
  });
});

describe('predict, then reveal from the single file, with no network', () => {
  it('runs, hides and reveals the same numbers as from the site', async () => {
    const page = await sandbox.page({ start: 'blank' });
    await page.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    try {
      await freshStart(page, pathToFileURL(join(sandbox.dir, 'flowlab.html')).href);
      await startWorkshop(page);
      await page.keyboard.press('ArrowRight');
      await enterGuesses(page);
      await page.waitForSelector('.workshop-status[data-results="ready"]', { timeout: 60_000 });
      expect(await page.$$('#workshop-results')).toHaveLength(0);
      await page.keyboard.press(' ');
      await page.waitForSelector('#workshop-results[data-drawn="true"]');
      const guesses = readGuesses(ROWS.map((r) => ({ ...r }))).flatMap((r) =>
        r.kind === 'guess' ? [r.guess] : [],
      );
      const data = guessesData({ comparison: expected, guesses });
      expect(await page.textContent('#workshop-closest')).toBe(closestSentence(data.judged, data.unranked));
    } finally {
      await page.close();
    }
  });
});

describe.each(SCREENS)('the presentation layout on a $name ($width×$height)', (screen) => {
  let page: Page;
  const fits = async (what: string) => {
    await page.screenshot({ path: join(SCREENSHOTS, 'workshop', `${screen.name}-${what}.png`) });
    expect(await layoutProblems(page), what).toEqual([]);
  };

  beforeAll(async () => {
    page = await newPage(screen);
  });

  afterAll(async () => {
    await page?.close();
  });

  it('fits the workshop’s guesses and its reveal', async () => {
    await startWorkshop(page);
    await page.keyboard.press('ArrowRight');
    await enterGuesses(page);
    await fits('guesses');
    await page.waitForSelector('.workshop-status[data-results="ready"]', { timeout: 60_000 });
    await page.keyboard.press(' ');
    await page.waitForSelector('#workshop-results[data-drawn="true"]');
    try {
      await fits('reveal');
    } finally {
      await page.keyboard.press('Escape');
    }
    await page.waitForSelector('.presentation', { state: 'detached' });
  });

  it('fits a comparison, its charts as wide as the screen', async () => {
    await page.click('#compare-run');
    await page.waitForSelector('#compare-results[data-drawn="true"]', { timeout: 60_000 });
    await page.click('#compare-present');
    await page.waitForSelector('.presentation #compare-results');
    await page.waitForFunction(() => document.documentElement.classList.contains('presenting'));
    // Drawn again in the layout, in large type.
    await page.waitForSelector('.presentation #compare-results[data-drawn="true"]');
    const fontSize = await page.$eval('.presentation #compare-intervals svg', (s) =>
      Number(s.getAttribute('font-size')),
    );
    // Large type for a room; a phone keeps the page's type, which its charts fit.
    expect(fontSize).toBe(screen.width > 700 ? 17 : 12.5);
    const width = await page.$eval('.presentation #compare-intervals svg', (s) =>
      Number(s.getAttribute('width')),
    );
    expect(width).toBeGreaterThan(screen.width * 0.8);
    await fits('comparison');
    await page.click('#presentation-leave');
    await page.waitForSelector('.presentation', { state: 'detached' });
    expect(await page.$('#view-compare #compare-results')).not.toBeNull();
  });

  it('fits a run’s animation, which plays on where it was after Escape', async () => {
    await page.click('#tab-run');
    await run(page);
    await page.click('#watch-run-present');
    const shown = '.presentation .flow-animation';
    await page.waitForSelector(`${shown}[data-state="playing"]`, { timeout: 30_000 });
    expect(await page.textContent('.presentation-title')).toBe('Watch the flow: Token-ring pipeline');
    // The canvas takes the screen's width, and the layout's type size (large where it fits).
    await page.waitForFunction(
      ({ sel, min }) => (document.querySelector<HTMLCanvasElement>(sel)?.clientWidth ?? 0) > min,
      { sel: `${shown} canvas`, min: screen.width * 0.8 },
    );
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
      screen.width > 700 ? '20px' : '15px',
    );
    await fits('animation');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.presentation', { state: 'detached' });
    expect(await page.getAttribute('#results .flow-animation', 'data-state')).toBe('playing');
  });

  it('leaves the layout when the browser leaves full screen (its own Escape)', async () => {
    await page.click('#tab-compare');
    await page.click('#compare-present');
    await page.waitForFunction(() => document.fullscreenElement?.className === 'presentation');
    await page.evaluate(() => document.exitFullscreen());
    await page.waitForSelector('.presentation', { state: 'detached' });
    // Back in its place, drawn again at the page's size.
    await page.waitForSelector('#view-compare #compare-results[data-drawn="true"]');
  });
});
