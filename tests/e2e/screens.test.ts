/**
 * The sandbox on the screens a workshop meets: a projector at 1024×768 with Large type, and a
 * participant's phone 390 px wide. Every page (each preset's results, a comparison, a sweep and
 * a forecast, a team's history with its forecast in dates) fits its window: no sideways scroll, no card running past its edge, no chart
 * label outside its svg or over another. Screenshots of each are kept in test-results/. A chart
 * saved for a slide carries its heading: the chart, and the scenario or variants it is of.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS } from './browser.ts';
import { layoutProblems, SCREENS } from './layout.ts';
import { download, pickPreset, run } from './sandbox-page.ts';
import { useSandbox } from './use-sandbox.ts';

const root = join(import.meta.dirname, '../..');
const presetIds = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

const sandbox = useSandbox();

beforeAll(() => {
  mkdirSync(join(SCREENSHOTS, 'screens'), { recursive: true });
});

async function shot(p: Page, name: string) {
  await p.screenshot({ path: join(SCREENSHOTS, 'screens', `${name}.png`), fullPage: true });
}

describe.each(SCREENS)('the sandbox on a $name ($width×$height)', (screen) => {
  let page: Page;
  const fits = async (what: string) => {
    await shot(page, `${screen.name}-${what}`);
    expect(await layoutProblems(page), what).toEqual([]);
  };

  beforeAll(async () => {
    page = await sandbox.page({ screen });
  });

  afterAll(async () => {
    await page?.close();
  });

  it('shows every tab within reach', async () => {
    for (const tab of ['#tab-run', '#tab-compare', '#tab-explore', '#tab-history']) {
      const box = await page.locator(tab).boundingBox();
      expect(box, tab).not.toBeNull();
      expect(box?.x, tab).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0), tab).toBeLessThanOrEqual(screen.width);
    }
    await page.click('#tab-explore');
    expect(await page.getAttribute('#tab-explore', 'aria-selected')).toBe('true');
    await page.click('#tab-run');
    await fits('start');
  });

  it.each(presetIds)('fits the results of %s', async (id) => {
    await pickPreset(page, id);
    await run(page);
    await fits(`run-${id}`);
  });

  it('fits a comparison', async () => {
    await page.click('#tab-compare');
    await page.click('#compare-run');
    await page.waitForSelector('#compare-results[data-drawn="true"]', { timeout: 60_000 });
    await fits('compare');
  });

  it('fits a sweep and a forecast', async () => {
    // The sweep's axis names a node of this preset, whichever preset the tests before it left open.
    await page.click('#tab-run');
    await pickPreset(page, 'wip-limits-pull');
    await page.click('#tab-explore');
    await page.selectOption('#sweep-parameter', 'utilization.developers');
    await page.fill('#sweep-values', '0.5:0.8:0.15');
    await page.fill('#sweep-reps', '2');
    await page.click('#sweep-run');
    await page.waitForSelector('#explore-results[data-drawn="true"]', { timeout: 60_000 });
    await page.selectOption('#forecast-question', 'items');
    await page.fill('#forecast-size', '20');
    await page.fill('#forecast-reps', '60');
    await page.click('#forecast-run');
    await page.waitForFunction(
      () => document.querySelector('#chart-forecast .chart-host')?.getAttribute('data-items'),
      null,
      { timeout: 60_000 },
    );
    await fits('explore');
  });

  it("fits a team's history and its forecast in dates", async () => {
    await page.click('#tab-history');
    await page.setInputFiles('#history-file', join(root, 'examples/team-events.csv'));
    await page.waitForSelector('#history-results[data-drawn="true"] #history-steps', { timeout: 120_000 });
    await page.fill('#history-start', '2026-01-05');
    await page.click('#history-forecast-run');
    await page.waitForSelector('#history-forecast svg', { timeout: 120_000 });
    await page.waitForSelector('#history-results[data-drawn="true"]');
    await fits('history');
  });
});

/** Width and height from a PNG's header (IHDR, right after the 8-byte signature). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Whether the PNG has anything but white paper in rows [from, to) (decoded in the page). */
async function inked(page: Page, png: Buffer, from: number, to: number): Promise<boolean> {
  return page.evaluate(
    async ({ data, from, to }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const g = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      g.drawImage(image, 0, 0);
      const { data: pixels } = g.getImageData(0, from, image.width, to - from);
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128 && pixels[i + 3] > 0) return true;
      return false;
    },
    { data: png.toString('base64'), from, to },
  );
}

describe('a chart saved for a slide', () => {
  let page: Page;

  beforeAll(async () => {
    page = await sandbox.page();
    await pickPreset(page, 'demand-surge');
    await run(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  it('as SVG, is headed by the chart’s title and the scenario’s name, above the chart as drawn', async () => {
    const svg = (await download(page, '#chart-histogram button[aria-label$="as SVG"]')).content.toString();
    const headings = [...svg.matchAll(/<text class="export-heading"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Lead-time distribution', 'A surge of incidents']);
    expect(svg).toContain('<title>Lead-time distribution: A surge of incidents</title>');
    const drawn = await page.evaluate(() => {
      const s = document.querySelector('#chart-histogram svg') as SVGSVGElement;
      return { width: Number(s.getAttribute('width')), height: Number(s.getAttribute('height')) };
    });
    const [, width, height] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg) ?? [];
    expect(Number(width)).toBe(drawn.width);
    // The chart itself is moved down below the heading, not squeezed.
    expect(Number(height)).toBeGreaterThan(drawn.height);
    const [, shift] = /<g transform="translate\(0,([\d.]+)\)">/.exec(svg) ?? [];
    expect(Number(height) - Number(shift)).toBeCloseTo(drawn.height);
  });

  it('as PNG, at twice the size, with the heading written in the band above the chart', async () => {
    const png = (await download(page, '#chart-network button[aria-label$="as PNG"]')).content;
    const drawn = await page.evaluate(() => {
      const s = document.querySelector('#chart-network svg') as SVGSVGElement;
      return { width: Number(s.getAttribute('width')), height: Number(s.getAttribute('height')) };
    });
    writeFileSync(join(SCREENSHOTS, 'screens', 'saved-network.png'), png);
    const size = pngSize(png);
    expect(size.width).toBe(drawn.width * 2);
    const band = size.height - drawn.height * 2;
    expect(band).toBeGreaterThan(40);
    expect(await inked(page, png, 0, band)).toBe(true);
  });

  it('from a comparison, names the variants compared', async () => {
    await page.click('#tab-compare');
    await page.click('#compare-run');
    await page.waitForSelector('#compare-results[data-drawn="true"]', { timeout: 60_000 });
    const svg = (await download(page, '#compare-intervals button[aria-label$="as SVG"]')).content.toString();
    const headings = [...svg.matchAll(/<text class="export-heading"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(headings[0]).toBe('Mean lead time with 95% intervals');
    // The same words as the comparison's summary on the page.
    const summary = (await page.textContent('#compare-results .run-summary')) ?? '';
    expect(headings[1].length).toBeGreaterThan(0);
    expect(summary.startsWith(`${headings[1]}, seed`), summary).toBe(true);
  });
});
