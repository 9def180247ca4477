/**
 * A run's results in Chromium, loop by loop: the outer loop (outcomes), the middle loop (across
 * teams) and the inner loop (at each node), in that order, each headed with its question, each
 * holding the headline numbers, findings and charts that src/report/loops.ts places in it, and
 * each reachable from the keyboard.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compare, simulate } from '../../src/index.ts';
import {
  comparisonReport,
  constraintSentence,
  economicsLines,
  LOOPS,
  leanFindings,
  loopOf,
  loopTitle,
  verdictOf,
} from '../../src/report/index.ts';
import { COMPARISON_CHARTS, RUN_CHARTS } from '../../web/charts/pages.ts';
import { economicsComparison } from '../../web/viewmodel/economics-card.ts';
import { headlines } from '../../web/viewmodel/headline.ts';
import { differenceSentence } from '../../web/viewmodel/sentences.ts';
import { turnedAwayTeam } from '../turned-away-team.ts';
import { SCREENSHOTS } from './browser.ts';
import { layoutProblems, SCREENS } from './layout.ts';
import { freshStart, jsonText, pickPreset, run, setJson } from './sandbox-page.ts';
import { useSandbox } from './use-sandbox.ts';

const root = join(import.meta.dirname, '../..');
const presetResult = (id: string) =>
  simulate(JSON.parse(readFileSync(join(root, 'scenarios', `${id}.json`), 'utf8')));

const sandbox = useSandbox();
let page: Page;

beforeAll(async () => {
  page = await sandbox.page({ start: 'blank' });
});

/** The loop (its data-loop) each element matching `selector` sits in, in page order. */
const loopsOf = (selector: string, results = '#results') =>
  page
    .locator(`${results} ${selector}`)
    .evaluateAll((els) => els.map((e) => e.closest('section.loop')?.getAttribute('data-loop') ?? null));

describe('a run’s results, loop by loop', () => {
  it('shows the three loops in order, each headed with its question', async () => {
    await freshStart(page, sandbox.url);
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
    await freshStart(page, sandbox.url);
    await page.click('#tab-compare');
    await page.click('#compare-run');
    await page.waitForSelector('#compare-results[data-drawn="true"]', { timeout: 60_000 });
    const names = (await page
      .locator('.compare-table[data-loop="outer"] tbody tr')
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

const compared = '#compare-results';

/**
 * Copies the WSJF preset to My scenarios, compares it with a variant of it whose queue is first
 * come, first served, and returns the documents and the names compared.
 */
async function compareWsjfWithFifo(on: Page): Promise<{ documents: unknown[]; names: string[] }> {
  await pickPreset(on, 'wsjf-cost-of-delay');
  await on.click('#duplicate-scenario');
  await on.waitForSelector('#own-list label.preset.selected');
  const origin = JSON.parse(await jsonText(on));
  await on.click('#duplicate-scenario');
  await on.waitForSelector('#compare-with-origin');
  const fifo = JSON.parse(await jsonText(on));
  fifo.nodes[0].discipline = 'fifo';
  await setJson(on, JSON.stringify(fifo, null, 2));
  await on.click('#compare-with-origin');
  await on.click('#compare-run');
  await on.waitForSelector(`${compared}[data-drawn="true"]`, { timeout: 60_000 });
  const names = (await on
    .locator(`${compared} .compare-table[data-loop="outer"] tbody tr`)
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-variant') ?? ''))) as string[];
  return { documents: [origin, fifo], names };
}

describe('a comparison in the sandbox, loop by loop', () => {
  let documents: unknown[];
  let names: string[];

  it('shows the three loops in order, each headed with its question, named apart from a run’s', async () => {
    await freshStart(page, sandbox.url);
    await pickPreset(page, 'wsjf-cost-of-delay');
    await run(page);
    ({ documents, names } = await compareWsjfWithFifo(page));
    expect(names).toHaveLength(2);

    const sections = page.locator(`${compared} section.loop`);
    expect(await sections.evaluateAll((els) => els.map((e) => [e.getAttribute('data-loop'), e.id]))).toEqual(
      LOOPS.map((l) => [l.key, `compare-loop-${l.key}`]),
    );
    for (const loop of LOOPS) {
      const section = page.locator(`${compared} section.loop[data-loop="${loop.key}"]`);
      expect(await section.locator('.loop-question').textContent()).toBe(loop.question);
      const named = await section.evaluate(
        (s) => document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent,
      );
      expect(named?.toLowerCase()).toBe(loopTitle(loop));
    }
    // The run's page is still in the document: no id is used twice.
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("puts each loop's numbers in a table of its own, a row per variant", async () => {
    const tables = page.locator(`${compared} .compare-table`);
    expect(await loopsOf('.compare-table', compared)).toEqual(['outer', 'middle', 'inner']);
    expect(await tables.evaluateAll((ts) => ts.map((t) => t.getAttribute('data-loop')))).toEqual([
      'outer',
      'middle',
      'inner',
    ]);
    const heads = await tables.evaluateAll((ts) =>
      ts.map((t) => [...t.querySelectorAll('thead th')].map((th) => th.textContent)),
    );
    expect(heads).toEqual([
      ['Variant', 'Mean lead time (95% interval)', 'p85 lead time', 'Throughput', 'WIP'],
      ['Variant', 'Flow efficiency', 'Constraint'],
      ['Variant', 'Bottleneck (busiest)'],
    ]);
    const report = comparisonReport(compare(names.map((name, i) => ({ name, scenario: documents[i] }))));
    expect(
      await page
        .locator(`${compared} .compare-table[data-loop="middle"] td[data-key="constraint"]`)
        .allTextContents(),
    ).toEqual(report.variants.map((v) => v.constraint));
  });

  it('says the differences in the outcomes in the outer loop and whether the constraint moved in the middle', async () => {
    const report = comparisonReport(compare(names.map((name, i) => ({ name, scenario: documents[i] }))));
    const outcomes = report.variants[1].findings.filter((f) => f.section !== 'economics');
    expect(await page.locator(`${compared} .difference`).allTextContents()).toEqual(
      outcomes.map(differenceSentence),
    );
    expect(await loopsOf('.difference', compared)).toEqual(outcomes.map(() => 'outer'));
    expect(await loopsOf('.constraint-move', compared)).toEqual(['middle']);
    for (const chart of COMPARISON_CHARTS)
      expect(await loopsOf(`#${chart.id}`, compared), chart.id).toEqual([loopOf(chart.section)]);
  });

  it("shows each variant's money in the outer loop, the difference as an amount with its interval and a percentage", async () => {
    expect(await loopsOf('.economics-card', compared)).toEqual(['outer']);
    const expected = economicsComparison(compare(names.map((name, i) => ({ name, scenario: documents[i] }))));
    const shown = await Promise.all(
      names.map((name) =>
        page
          .locator(
            `${compared} .economics-card .card-variant[data-variant="${name.replaceAll('"', '\\"')}"] dl > div`,
          )
          .evaluateAll((rows) =>
            rows.map((row) => ({
              key: row.getAttribute('data-key'),
              label: row.querySelector('dt')?.textContent ?? '',
              text: row.querySelector('.line-text')?.textContent ?? '',
              note: row.querySelector('.line-note')?.textContent ?? null,
            })),
          ),
      ),
    );
    expect(shown).toEqual(
      expected.map((v) =>
        v.rows.map((r) => ({ key: r.key, label: r.label, text: r.text, note: r.difference ?? null })),
      ),
    );
    // FIFO's queue costs money: the amount, its interval, then the percentage.
    const delay = expected[1].rows.find((r) => r.key === 'cost-of-delay')?.difference;
    expect(delay).toMatch(
      /^.+’s cost of delay is [\d,]+ more than .+’s, \d+% higher, 95% interval [\d,]+ to [\d,]+ more\.$/,
    );
    await page
      .locator(`${compared} .economics-card`)
      .screenshot({ path: join(SCREENSHOTS, '28-economics-compare.png') });
  });

  it('takes the keyboard to each of the comparison’s loops from the buttons above them', async () => {
    const buttons = page.locator(`${compared} .loop-nav button`);
    expect(await buttons.allTextContents()).toEqual(LOOPS.map(loopTitle));
    for (const loop of LOOPS) {
      await page.focus(`${compared} .loop-nav button[data-loop="${loop.key}"]`);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`compare-loop-${loop.key}`);
    }
  });
});

describe.each(SCREENS)('a comparison’s loops on a $name ($width×$height)', (screen) => {
  it('fit, with every variant’s money and its differences', async () => {
    const on = await sandbox.page({ screen });
    try {
      await compareWsjfWithFifo(on);
      expect(await on.locator(`${compared} .economics-card .card-variant`).count()).toBe(2);
      expect(await on.locator(`${compared} section.loop`).count()).toBe(3);
      expect(await layoutProblems(on)).toEqual([]);
      await on.screenshot({
        path: join(SCREENSHOTS, 'screens', `${screen.name}-compare-loops.png`),
        fullPage: true,
      });
    } finally {
      await on.close();
    }
  });
});

describe('money that leaves out work turned away, in the sandbox', () => {
  const team = (whenFull: 'wait' | 'reject') =>
    turnedAwayTeam(whenFull === 'wait' ? 'Waits' : 'Turns away', whenFull);
  /** The card's rows as the page shows them. */
  const rowsOf = (on: Page, selector: string) =>
    on.locator(`${selector} dl > div`).evaluateAll((rows) =>
      rows.map((row) => ({
        key: row.getAttribute('data-key'),
        label: row.querySelector('dt')?.textContent ?? '',
        text: row.querySelector('.line-text')?.textContent ?? row.querySelector('dd')?.textContent ?? '',
        note: row.querySelector('.line-note')?.textContent ?? null,
      })),
    );

  /** Runs the team that waits, then compares the one that turns work away with it. */
  async function compareWaitWithReject(on: Page): Promise<void> {
    await freshStart(on, sandbox.url);
    await pickPreset(on, 'wsjf-cost-of-delay');
    await on.click('#duplicate-scenario');
    await on.waitForSelector('#own-list label.preset.selected');
    await setJson(on, JSON.stringify(team('wait'), null, 2));
    await on.click('#duplicate-scenario');
    await on.waitForSelector('#compare-with-origin');
    await setJson(on, JSON.stringify(team('reject'), null, 2));
    await on.click('#compare-with-origin');
    await on.click('#compare-run');
    await on.waitForSelector(`${compared}[data-drawn="true"]`, { timeout: 60_000 });
  }

  it('a run’s economics card says first how much was turned away and that the money counts only work done', async () => {
    await freshStart(page, sandbox.url);
    await pickPreset(page, 'wsjf-cost-of-delay');
    await page.click('#duplicate-scenario');
    await page.waitForSelector('#own-list label.preset.selected');
    await setJson(page, JSON.stringify(team('reject'), null, 2));
    await run(page);
    const expected = economicsLines(simulate(team('reject')));
    expect(expected[0].key).toBe('turned-away');
    const shown = await rowsOf(page, '#results .economics-card');
    expect(shown.map((r) => ({ key: r.key, text: r.text }))).toEqual(
      expected.map((l) => ({ key: l.key, text: l.text })),
    );
    expect(shown[0].label).toBe('Turned away');
    expect(await loopsOf('.economics-card')).toEqual(['outer']);
  });

  it('a comparison’s economics card says, under the variant’s work turned away, which turned more away and that its lower cost of delay is partly work not done', async () => {
    await compareWaitWithReject(page);
    const names = (await page
      .locator(`${compared} .compare-table[data-loop="outer"] tbody tr`)
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-variant') ?? ''))) as string[];
    const expected = economicsComparison(
      compare([
        { name: names[0], scenario: team('wait') },
        { name: names[1], scenario: team('reject') },
      ]),
    );
    const shown = await Promise.all(
      names.map((name) =>
        rowsOf(
          page,
          `${compared} .economics-card .card-variant[data-variant="${name.replaceAll('"', '\\"')}"]`,
        ),
      ),
    );
    expect(shown).toEqual(
      expected.map((v) =>
        v.rows.map((r) => ({ key: r.key, label: r.label, text: r.text, note: r.difference ?? null })),
      ),
    );
    expect(shown[0][0]).toEqual({ key: 'turned-away', label: 'Turned away', text: 'none', note: null });
    expect(shown[1][0].note).toMatch(
      /^Turns away turned away more work than Waits: \d+ items per replication \(\d+% of arrivals\) against none; its lower cost of delay is partly work not done, and the work it turned away was worth about [\d,]+ per replication \(an estimate\)\.$/,
    );
    await page
      .locator(`${compared} .economics-card`)
      .screenshot({ path: join(SCREENSHOTS, '29-economics-compare-turned-away.png') });
  });

  it('fits a phone, the work turned away and its note included', async () => {
    const on = await sandbox.page({ start: 'blank' });
    try {
      await on.setViewportSize({ width: 390, height: 844 });
      await compareWaitWithReject(on);
      expect(
        await on.locator(`${compared} .economics-card [data-key="turned-away"] .line-note`).count(),
      ).toBe(1);
      expect(await layoutProblems(on)).toEqual([]);
    } finally {
      await on.close();
    }
  });
});
