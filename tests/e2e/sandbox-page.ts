/** What the end-to-end tests do on the sandbox page, in the words of the page. */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export async function open(page: Page, url: string) {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
}

/** Starts over as a first-time visitor: no saved drafts. */
export async function freshStart(page: Page, url: string) {
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await open(page, url);
}

export async function pickPreset(page: Page, id: string) {
  await page.click(`label[data-preset="${id}"]`);
  await page.waitForSelector(`label.preset.selected[data-preset="${id}"]`);
}

/** Presses Run and waits until every chart is drawn; returns the page's own Run-to-charts time. */
export async function run(page: Page): Promise<number> {
  const before = await page.evaluate(() => {
    delete document.body.dataset.runToChartsMs;
    return true;
  });
  if (!before) throw new Error('unreachable');
  await page.click('#scenario-run');
  await page.waitForSelector('body[data-run-to-charts-ms]', { timeout: 60_000 });
  await page.waitForSelector('#results[data-drawn="true"]');
  return Number(await page.getAttribute('body', 'data-run-to-charts-ms'));
}

/** Clicks an export button and returns the file it saves. */
export async function download(page: Page, selector: string): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), content: await readFile(path) };
}

/** The result JSON as the sandbox exports it, byte for byte. */
export async function exportedText(page: Page): Promise<string> {
  return (await download(page, '#export-json')).content.toString('utf8');
}

export async function exportedResult(page: Page): Promise<unknown> {
  return JSON.parse(await exportedText(page));
}

export async function headline(page: Page, key: string): Promise<string> {
  return (await page.textContent(`.headline[data-key="${key}"] .headline-value`)) ?? '';
}

export async function setJson(page: Page, text: string) {
  await page.click('#editor-tab-json');
  await page.fill('#json-text', text);
}

export async function jsonText(page: Page): Promise<string> {
  await page.click('#editor-tab-json');
  return page.inputValue('#json-text');
}
