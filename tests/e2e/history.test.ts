/**
 * A team's history in Chromium: dropped on the page (or opened), read, fitted and backtested in
 * the worker; the fit report and the backtest as `flowlab fit` gives them; the history and the
 * fitted model in the same charts; a forecast in dates whose 85% dates are the CLI's for the
 * same inputs; the fitted model opened in the editor; and a broken file shown with its row.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { number } from '../../src/report/numbers.ts';
import { HISTORY_CHARTS } from '../../web/charts/pages.ts';
import { SCREENSHOTS } from './browser.ts';
import { useSandbox } from './use-sandbox.ts';

const root = join(import.meta.dirname, '../..');
const events = readFileSync(join(root, 'examples/team-events.csv'), 'utf8');

const sandbox = useSandbox();
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  page = await sandbox.page();
});

/** Drops a file on the page as a coach would drag it from their desktop. */
async function drop(p: Page, name: string, body: string) {
  await p.evaluate(
    ({ name, body }) => {
      const data = new DataTransfer();
      data.items.add(new File([body], name, { type: 'text/csv' }));
      document
        .querySelector('main')
        ?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name, body },
  );
}

/** Rows of one of the page's report tables, as the text of their cells. */
function tableRows(p: Page, id: string): Promise<string[][]> {
  return p.$$eval(`#${id} tbody tr`, (rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
  );
}

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [join(root, 'bin/flowlab.js'), ...args], {
    encoding: 'utf8',
    cwd: root,
    timeout: 120_000,
  });
}

describe("a team's history in the sandbox", () => {
  it('a dropped event log is fitted and backtested, with the report the CLI gives', async () => {
    await drop(page, 'team-events.csv', events);
    await page.waitForSelector('#history-results[data-drawn="true"]', { timeout: 120_000 });
    expect(await page.getAttribute('#tab-history', 'aria-selected')).toBe('true');
    expect(await page.textContent('#history-results h2')).toBe('Team history: team-events.csv');
    const fit = JSON.parse(cli('fit', 'examples/team-events.csv', '--json'));
    // The backtest's measures and the history's side of it are the CLI's, number for number.
    const backtest = await tableRows(page, 'history-backtest-table');
    expect(backtest.map((r) => r[0])).toEqual(fit.backtest.rows.map((r: { measure: string }) => r.measure));
    const steps = await tableRows(page, 'history-steps');
    expect(steps.map((r) => [r[0], r[1]])).toEqual(
      fit.fit.steps.map((s: { stage: string; capacity: number }) => [s.stage, String(s.capacity)]),
    );
    const text = (await page.textContent('#history-results')) ?? '';
    expect(text).toContain('How each number was derived');
    expect(text).toContain('Assumptions to check');
    expect(text).toContain('Lead-time distance (Kolmogorov-Smirnov');
    // Every number of the backtest on the page is the CLI's (same seed, same replications), as written.
    for (const [i, row] of fit.backtest.rows.entries())
      expect(backtest[i].slice(1, 3), row.measure).toEqual([number(row.history), number(row.model)]);
  });

  it('draws the history and the fitted model in the same charts', async () => {
    for (const chart of HISTORY_CHARTS) expect(await page.$(`#${chart.id} svg`), chart.id).not.toBeNull();
    expect(
      await page.$$eval('#history-scatter path.dots', (p) => p.map((e) => e.getAttribute('data-series'))),
    ).toEqual(['history', 'model']);
    expect(await page.$$eval('#history-histogram path.series', (p) => p.length)).toBe(2);
    expect(
      await page.$$eval('#history-aging path.dots', (p) => p.map((e) => e.getAttribute('data-series'))),
    ).toEqual(['history', 'model']);
    expect(await page.$$eval('#history-throughput path.run', (p) => p.length)).toBe(2);
    // Where the time goes: a bar of each on every stage's row and on the lead time's.
    const timeline = await page.$$eval('#history-time-in-stages g.stage-bar', (g) =>
      g.map((e) => e.getAttribute('data-series')),
    );
    expect(timeline.filter((s) => s === 'history').length).toBeGreaterThan(3);
    expect(timeline.filter((s) => s === 'model').length).toBe(timeline.filter((s) => s === 'history').length);
    const bands = await page.$$eval('#history-cfd path.band', (p) => p.length);
    expect(bands).toBeGreaterThan(3);
    expect(await page.$$eval('#history-cfd path.edge', (p) => p.length)).toBe(bands);
    const legends = await page.$$eval(`#history-histogram .legend text`, (t) => t.map((e) => e.textContent));
    expect(legends.join(' ')).toMatch(/history .*model/);
    await page.screenshot({ path: join(SCREENSHOTS, 'history-page.png'), fullPage: true });
  });

  it("forecasts in dates, the 85% dates equal to flowlab forecast's for the same inputs", async () => {
    await page.fill('#history-start', '2026-01-05');
    await page.selectOption('#history-question', 'items');
    await page.fill('#history-items', '40');
    await page.fill('#history-holidays', '2026-01-19, 2026-02-16');
    await page.click('#history-forecast-run');
    await page.waitForSelector('#history-forecast svg', { timeout: 120_000 });
    await page.waitForSelector('#history-results[data-drawn="true"]');
    const cli85 = JSON.parse(
      cli(
        'forecast',
        'examples/team-events.csv',
        '--items',
        '40',
        '--start',
        '2026-01-05',
        '--holidays',
        '2026-01-19,2026-02-16',
        '--json',
      ),
    );
    const rows = await tableRows(page, 'history-forecast-table');
    expect(rows.map((r) => r[0])).toEqual(['50%', '70%', '85%', '95%']);
    const at85 = (f: { percentiles: { likelihood: number; date: string }[] }) =>
      f.percentiles.find((p) => p.likelihood === 0.85)?.date;
    expect(rows[2][1]).toContain(at85(cli85.model));
    expect(rows[2][2]).toContain(at85(cli85.throughput));
    expect(rows.flat().join(' ')).not.toMatch(/Sat|Sun|2026-01-19|2026-02-16/);
    expect(await page.$$eval('#history-forecast path.curve', (p) => p.length)).toBe(2);
  });

  it('opens the fitted model in the editor, among My scenarios, to make what-ifs from', async () => {
    await page.click('#history-what-if');
    expect(await page.getAttribute('#tab-run', 'aria-selected')).toBe('true');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#own-list .preset-name')].some(
        (e) => e.textContent === 'Fitted from team-events.csv',
      ),
    );
  });

  it('shows a broken file with its row and column, and opens stage dates from the button', async () => {
    const broken = events.split('\n');
    broken[3] = broken[3].replace('2025-01-06 18:34', '2025-02-30 18:34');
    await drop(page, 'broken.csv', broken.join('\n'));
    await page.waitForSelector('.history-problems');
    expect(await page.textContent('.history-problems')).toContain(
      'broken.csv: line 4, column "enteredAt": "2025-02-30 18:34": 2025-02 has no day 30',
    );
    await page.setInputFiles('#history-file', join(root, 'examples/team-stages.csv'));
    await page.waitForSelector('#history-results[data-drawn="true"] #history-steps', { timeout: 120_000 });
    expect(await page.textContent('#history-results .run-summary')).toMatch(
      /^team-stages.csv: stage dates of/,
    );
  });
});
