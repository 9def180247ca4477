/**
 * A coach's own value stream in Chromium: start one from nothing, keep it in My scenarios
 * across a reload, make a variant and compare the two under their own names, save it to a file
 * that the CLI runs to the same bytes, open it again from a file or a drop, delete and undo,
 * and share it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { economicsLines, joinReports } from '../../src/report/index.ts';
import { SCREENSHOTS } from './browser.ts';
import {
  download,
  exportedText,
  freshStart,
  jsonText,
  open,
  pickPreset,
  run,
  setJson,
} from './sandbox-page.ts';
import { useSandbox } from './use-sandbox.ts';

const root = join(import.meta.dirname, '../..');

function cliJson(file: string): string {
  return execFileSync(process.execPath, [join(root, 'bin/flowlab.js'), 'run', file, '--json'], {
    encoding: 'utf8',
    cwd: root,
    timeout: 60_000,
  });
}

const sandbox = useSandbox();
let files: string;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  files = mkdtempSync(join(tmpdir(), 'flowlab-own-'));
  page = await sandbox.page({ start: 'blank' });
});

afterAll(() => {
  if (files) rmSync(files, { recursive: true, force: true });
});

const ownNames = (p: Page = page) => p.locator('#own-list .preset-name').allTextContents();

async function rename(name: string, p: Page = page) {
  await p.fill('#own-name', name);
  await p.press('#own-name', 'Tab');
  await p.waitForFunction(
    (n) => [...document.querySelectorAll('#own-list .preset-name')].some((e) => e.textContent === n),
    name,
  );
}

describe('my own value stream in the sandbox', () => {
  it('builds one from nothing, finds it after a reload, compares it with its variant by name, and the saved file runs to the same bytes in the CLI', async () => {
    await freshStart(page, sandbox.url);
    expect(await page.textContent('.own-empty')).toContain('None yet');
    await page.click('#new-scenario');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('own-name');
    await rename('Five-stage pipeline');
    await page.click('#editor-tab-form');
    await page.fill('[data-path="nodes.0.capacity"]', '2');
    await page.fill('[data-path="demand.0.interarrival"]', '0.6');
    await page.fill('[data-path="run.replications"]', '3');

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await ownNames()).toEqual(['Five-stage pipeline']);
    const own = await page.getAttribute('#own-list label.preset.selected', 'data-preset');
    expect(own).toMatch(/^own-/);
    expect(await page.inputValue('[data-path="nodes.0.capacity"]')).toBe('2');

    // Its results carry its own name, and the file it saves runs to the same bytes in the CLI.
    await run(page);
    expect(await page.textContent('#results h2')).toBe('Results: Five-stage pipeline');
    const saved = await download(page, '#save-file');
    expect(saved.name).toBe('five-stage-pipeline.json');
    const file = join(files, saved.name);
    writeFileSync(file, saved.content);
    expect(await exportedText(page)).toBe(cliJson(file));

    // A variant with one thing changed, compared with it under both names.
    await page.click('#duplicate-scenario');
    expect(await ownNames()).toEqual(['Five-stage pipeline', 'Five-stage pipeline (variant)']);
    await page.fill('[data-path="nodes.0.capacity"]', '3');
    await page.screenshot({ path: join(SCREENSHOTS, '20-my-scenarios.png'), fullPage: true });
    await page.click('#compare-with-origin');
    expect(await page.isVisible('#view-compare')).toBe(true);
    await page.click('#compare-run');
    await page.waitForSelector('#compare-results[data-drawn="true"]', { timeout: 60_000 });
    expect(await page.locator('.compare-table[data-loop="outer"] tbody th').allTextContents()).toEqual([
      expect.stringContaining('Five-stage pipeline'),
      expect.stringContaining('Five-stage pipeline (variant)'),
    ]);
    const names = await page.locator('.compare-table[data-loop="outer"] tbody th').allTextContents();
    expect(names[0]).not.toContain('variant');
    expect(await page.textContent('#compare-results')).not.toContain('(edited)');
  });

  it('deletes with undo, and opens scenarios from a file and from a drop on the page', async () => {
    await page.click('#tab-run');
    const before = await ownNames();
    await page.click('#delete-scenario');
    expect(await ownNames()).toEqual(before.slice(0, -1));
    expect(await page.textContent('#notice')).toContain('Deleted “Five-stage pipeline (variant)”');
    await page.click('#notice-action');
    expect(await ownNames()).toEqual(before);

    const text = JSON.stringify({
      name: 'Weekly board',
      run: { duration: 200, seed: 2 },
      demand: [{ id: 'card', interarrival: 1, steps: ['work'] }],
      nodes: [{ id: 'crew', capacity: 2, serves: { work: 1.5 } }],
    });
    const file = join(files, 'board.json');
    writeFileSync(file, text);
    await page.setInputFiles('#open-file-input', file);
    await page.waitForFunction(() =>
      document.querySelector('#notice')?.textContent?.includes('Weekly board'),
    );
    expect(await ownNames()).toEqual([...before, 'Weekly board']);

    await page.evaluate(
      (body) => {
        const data = new DataTransfer();
        data.items.add(new File([body], 'dropped.json', { type: 'application/json' }));
        document
          .querySelector('main')
          ?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      text.replace('Weekly board', 'Dropped board'),
    );
    await page.waitForFunction(() =>
      document.querySelector('#notice')?.textContent?.includes('Dropped board'),
    );
    expect((await ownNames()).at(-1)).toBe('Dropped board');

    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['not json'], 'notes.json'));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    });
    await page.waitForFunction(() =>
      document.querySelector('#notice.error')?.textContent?.includes('notes.json is not JSON'),
    );
  });

  it('a damaged entry in storage is reported, and the rest of My scenarios still opens', async () => {
    await page.evaluate(() => {
      const key = 'flowlab.sandbox.v1';
      const ws = JSON.parse(localStorage.getItem(key) ?? '{}');
      ws.own.push({ id: 12 });
      localStorage.setItem(key, JSON.stringify(ws));
    });
    const count = (await ownNames()).length;
    await open(page, sandbox.url);
    expect(await page.textContent('#notice')).toContain('damaged');
    expect(await ownNames()).toHaveLength(count);
  });

  it('a shared link carries an own scenario under its name, and it can be kept in My scenarios', async () => {
    await page.click(`#own-list label:has-text("Weekly board")`);
    await page.click('#share-button');
    const url = await page.inputValue('#share-url');
    await page.keyboard.press('Escape');
    const other = await sandbox.page({ start: 'blank' });
    await open(other, url);
    expect(await other.textContent('label.preset.selected .preset-name')).toBe('Weekly board (from a link)');
    // The same browser, so My scenarios already holds a "Weekly board": the copy is told apart.
    const kept = await other.locator('#own-list .preset-name').allTextContents();
    await other.click('#duplicate-scenario');
    expect(await other.locator('#own-list .preset-name').allTextContents()).toEqual([
      ...kept,
      'Weekly board 2',
    ]);
    expect(await other.inputValue('#own-name')).toBe('Weekly board 2');
    await other.close();
  });

  it('builds a five-stage pipeline through the structure editor, a rename reaching every mention, and runs it', async () => {
    await freshStart(page, sandbox.url);
    await page.click('#new-scenario');
    await rename('Five stages');
    await page.click('#editor-tab-form');
    expect(await page.isVisible('#structure-step-0-0')).toBe(false);
    await page.click('#structure-summary');
    await page.fill('#structure-step-0-0', 'analyse');
    await page.press('#structure-step-0-0', 'Tab');
    for (const step of ['design', 'build', 'test', 'release']) {
      await page.fill('#structure-new-step-0', step);
      await page.press('#structure-new-step-0', 'Enter');
      await page.waitForSelector(`[data-serves$="/${step}"]`);
    }
    // Build and test done by one team: the new team for test serves build too, then build's own team goes.
    await page.check('[data-serves="team-4/build"]');
    await page.click('[aria-label="Remove node team-3"]');
    await page.fill('#structure-node-0', 'analysts');
    await page.press('#structure-node-0', 'Tab');
    await page.click('[aria-label="Move release earlier"]');
    await page.click('[aria-label="Move release later"]');
    await page.click('#add-demand');
    await page.fill('#structure-demand-1', 'bug');
    await page.press('#structure-demand-1', 'Tab');
    await page.fill('#structure-priority-1', 'urgent');
    await page.press('#structure-priority-1', 'Tab');
    expect(await page.textContent('#structure-priority-1-error')).toMatch(/whole number/);
    await page.fill('#structure-priority-1', '1');
    await page.press('#structure-priority-1', 'Tab');
    await page.fill('#structure-node-0', 'team-2');
    await page.press('#structure-node-0', 'Tab');
    expect(await page.textContent('#structure-node-0-error')).toMatch(/already the name of another node/);

    const doc = JSON.parse(await jsonText(page));
    expect(
      doc.demand.map((d: { id: string; steps: string[]; priority?: number }) => [d.id, d.steps, d.priority]),
    ).toEqual([
      ['work', ['analyse', 'design', 'build', 'test', 'release'], undefined],
      ['bug', ['analyse'], 1],
    ]);
    expect(doc.nodes.map((n: { id: string; serves: object }) => [n.id, Object.keys(n.serves)])).toEqual([
      ['analysts', ['analyse']],
      ['team-2', ['design']],
      ['team-4', ['test', 'build']],
      ['team-5', ['release']],
    ]);
    expect(await page.isDisabled('#scenario-run')).toBe(false);
    await run(page);
    expect(await page.textContent('#results h2')).toBe('Results: Five stages');
    const file = join(files, 'five-stages.json');
    writeFileSync(file, (await download(page, '#save-file')).content);
    expect(await exportedText(page)).toBe(cliJson(file));
    await page.screenshot({ path: join(SCREENSHOTS, '21-structure.png'), fullPage: true });
  });

  it('the value-stream map grows as nodes are added, and keeps its last good drawing while the JSON is broken', async () => {
    await freshStart(page, sandbox.url);
    await page.click('#new-scenario');
    await page.click('#editor-tab-form');
    const doc = JSON.parse(await jsonText(page));
    const step = doc.demand[0].steps[0];
    const before: string[] = doc.nodes.map((n: { id: string }) => n.id);
    // The map shows the new scenario, not the preset that was open.
    await page.waitForFunction(
      (ids) =>
        [...document.querySelectorAll('#structure-preview-chart g.node')]
          .map((g) => g.getAttribute('data-id'))
          .join() === ids.join(),
      before,
    );
    await page.click('#editor-tab-form');
    await page.click('#structure-summary');
    await page.click('#add-node-agent');
    const id = JSON.parse(await jsonText(page)).nodes.at(-1).id as string;
    await page.click('#editor-tab-form');
    expect(before).not.toContain(id);
    await page.waitForSelector(`#structure-preview-chart g.node[data-id="${id}"]`);
    await page.check(`[data-serves="${id}/${step}"]`);
    // Serving the first step, it takes arrivals.
    await page.waitForFunction(
      (name) =>
        /Work arrives at [^.]*/
          .exec(document.querySelector('#structure-preview-chart svg desc')?.textContent ?? '')?.[0]
          .includes(name),
      id,
    );
    const desc = await page.textContent('#structure-preview-chart svg desc');
    expect(desc).toContain(`${id} (agent) serves`);
    expect(await page.textContent('#structure-preview-chart svg title')).toBe(
      `The structure: ${before.length + 1} nodes`,
    );

    await page
      .locator('#structure-preview')
      .screenshot({ path: join(SCREENSHOTS, '22-structure-preview.png') });
    await page.click('#editor-tab-json');
    await setJson(page, '{ "name": ');
    await page.waitForFunction(
      () => document.querySelector('#structure-preview')?.getAttribute('data-current') === 'false',
    );
    expect(await page.textContent('#structure-preview-status')).toContain('as it was before');
    expect(await page.locator(`#structure-preview-chart g.node[data-id="${id}"]`).count()).toBe(1);
  });
});

describe('a parallel step in the sandbox', () => {
  it('the map forks to each branch’s team, the editor shows the branches, and the results say which branch made items wait', async () => {
    await freshStart(page, sandbox.url);
    await pickPreset(page, 'component-teams');
    const teams = ['frontend-team', 'backend-team', 'platform-team'];
    await page.waitForFunction(
      (ids) =>
        [...document.querySelectorAll('#structure-preview-chart g.node')]
          .map((g) => g.getAttribute('data-id'))
          .sort()
          .join() === [...ids].sort().join(),
      teams,
    );
    // Arrivals fork out to every team, and each joins on to done.
    const description = await page.textContent('#structure-preview-chart svg desc');
    for (const team of teams) expect(description).toContain(team);

    await page.click('#editor-tab-form');
    await page.click('#structure-summary');
    const branches = page.locator('li[data-parallel="true"] .structure-branch input');
    expect(await branches.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      'frontend',
      'backend',
      'platform',
    ]);

    await run(page);
    const file = join(root, 'scenarios/component-teams.json');
    const expected = joinReports(simulate(JSON.parse(readFileSync(file, 'utf8'))));
    const shown = page.locator('.join-findings [data-key="join-0"]');
    expect(await shown.getAttribute('data-slowest')).toBe('backend');
    expect(await shown.locator('dt').textContent()).toBe(`${expected[0].where}: ${expected[0].branches}`);
    const said = await shown.locator('dd').textContent();
    for (const part of [expected[0].wait, expected[0].span, expected[0].last]) expect(said).toContain(part);
    expect(await exportedText(page)).toBe(cliJson(file));
    await page.screenshot({ path: join(SCREENSHOTS, '22-parallel-step.png'), fullPage: true });

    // A fourth branch, typed beside the step: a team of its own takes it, and the map grows.
    await page.click('#editor-tab-form');
    if (!(await page.isVisible('#structure-parallel-0-0'))) await page.click('#structure-summary');
    await page.fill('#structure-parallel-0-0', 'docs');
    await page.press('#structure-parallel-0-0', 'Enter');
    const doc = JSON.parse(await jsonText(page));
    expect(doc.demand[0].steps).toEqual([{ all: ['frontend', 'backend', 'platform', 'docs'] }]);
    expect(doc.nodes.at(-1).serves).toHaveProperty('docs');
    await page.waitForSelector(`#structure-preview-chart g.node[data-id="${doc.nodes.at(-1).id}"]`);
  });
});

describe('economics in the sandbox', () => {
  it('the results’ economics card says what the CLI says, and the form turns WSJF into first come, first served', async () => {
    await freshStart(page, sandbox.url);
    await pickPreset(page, 'wsjf-cost-of-delay');
    await run(page);
    const file = join(root, 'scenarios/wsjf-cost-of-delay.json');
    const expected = economicsLines(simulate(JSON.parse(readFileSync(file, 'utf8'))));
    const card = page.locator('.economics-card');
    const shown = await card.locator('dl > div').evaluateAll((rows) =>
      rows.map((row) => ({
        key: row.getAttribute('data-key'),
        text: row.querySelector('dd')?.textContent ?? '',
      })),
    );
    expect(shown).toEqual(expected.map((line) => ({ key: line.key, text: line.text })));
    expect(await card.locator('[data-key="cost-of-delay"] dt').textContent()).toBe('Cost of delay');
    expect(await exportedText(page)).toBe(cliJson(file));
    await card.screenshot({ path: join(SCREENSHOTS, '23-economics.png') });

    // The team's queue order, chosen in the form, is the file's discipline.
    await page.click('#editor-tab-form');
    const more = '#more-node-0';
    if ((await page.getAttribute(more, 'open')) === null) await page.click(`${more} > summary`);
    await page.selectOption('[data-path="nodes.0.discipline"]', 'fifo');
    expect(JSON.parse(await jsonText(page)).nodes[0].discipline).toBe('fifo');
  });
});
