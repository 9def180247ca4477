/**
 * Every field of the schema through the form, in Chromium: a scenario built from New scenario
 * with a lognormal service time, a WIP limit, a batch, a failure sent back for rework, an
 * outage, a gate's schedule and a demand schedule, none of it typed as JSON; the JSON it
 * makes, its run (to the CLI's bytes), and the keyboard: Tab reaches every control of the
 * form, each labelled, and the open form fits a projector in large type and a phone.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS } from './browser.ts';
import { layoutProblems, SCREENS } from './layout.ts';
import { download, exportedText, freshStart, jsonText, run } from './sandbox-page.ts';
import { useSandbox } from './use-sandbox.ts';

const root = join(import.meta.dirname, '../..');

const sandbox = useSandbox();
let files: string;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  files = mkdtempSync(join(tmpdir(), 'flowlab-form-'));
  page = await sandbox.page({ start: 'blank' });
});

afterAll(() => {
  if (files) rmSync(files, { recursive: true, force: true });
});

const field = (path: string) => `[data-path="${path}"]`;

/** Opens a fold (a node's or a class's "More", a distribution's shape) unless it is open. */
async function unfold(id: string) {
  if (!((await page.getAttribute(`#${id}`, 'open')) !== null)) await page.click(`#${id} > summary`);
  await page.waitForSelector(`#${id}[open]`);
}

/** Types into a field and waits until the JSON the form writes has caught up. */
async function type(path: string, text: string) {
  await page.fill(field(path), text);
}

interface Doc {
  name: string;
  handoff?: unknown;
  demand: unknown[];
  nodes: { serves: Record<string, unknown> }[];
}

async function formDocument(): Promise<Doc> {
  const doc = JSON.parse(await jsonText(page));
  await page.click('#editor-tab-form');
  return doc;
}

describe('every field in the form', () => {
  it('builds a scenario with a lognormal service, a WIP limit, a batch, rework, an outage, a gate schedule and a demand schedule through the form alone, and runs it to the CLI’s bytes', async () => {
    await freshStart(page, sandbox.url);
    await page.click('#new-scenario');
    await page.fill('#own-name', 'Through the form');
    await page.press('#own-name', 'Tab');
    await page.click('#editor-tab-form');

    // Two steps, each with its own team, in the structure editor at the top of the form.
    await page.click('#structure-summary');
    await page.fill('#structure-step-0-0', 'build');
    await page.press('#structure-step-0-0', 'Tab');
    await page.fill('#structure-new-step-0', 'approve');
    await page.press('#structure-new-step-0', 'Enter');
    await page.waitForSelector(field('nodes.1.serves.approve'));

    // Build's time: lognormal, mean 0.6, cv 0.8, its shape drawn beside it.
    await unfold('field-nodes_0_serves_build-shape');
    await page.selectOption(field('nodes.0.serves.build.dist'), 'lognormal');
    await page.waitForSelector(field('nodes.0.serves.build.cv'));
    await type('nodes.0.serves.build', '0.6');
    await type('nodes.0.serves.build.cv', '0.8');
    expect(
      await page.locator('#field-nodes_0_serves_build-shape .dist-preview rect').count(),
    ).toBeGreaterThan(8);
    expect(await page.textContent('#field-nodes_0_serves_build-shape summary')).toContain(
      'lognormal · cv 0.8',
    );

    // The build team: a WIP limit, batches of 2, and an outage now and then.
    await type('nodes.0.capacity', '2');
    await unfold('more-node-0');
    await type('nodes.0.wipLimit', '6');
    await type('nodes.0.batch.size', '2');
    await type('nodes.0.batch.timeout', '3');
    await type('nodes.0.outages.mtbf', '40');
    await type('nodes.0.outages.mttr', '2');

    // The approval: a weekly board (a gate) that sends a fifth back to build.
    await unfold('more-node-1');
    await page.selectOption(field('nodes.1.kind'), 'gate');
    await page.waitForSelector('[data-node="team-2"] .kind-gate');
    await type('nodes.1.schedule.every', '7');
    await type('nodes.1.schedule.open', '1');
    await page.check(field('nodes.1.schedule.batch'));
    await type('nodes.1.failure.probability', '0.2');
    await page.selectOption(field('nodes.1.failure.reworkTo'), 'build');

    // Demand doubles halfway through the run.
    await type('demand.0.interarrival', '0.5');
    await unfold('more-demand-0');
    await page.click('[data-add="demand.0.schedule"]');
    await page.waitForSelector(field('demand.0.schedule.0.interarrival'));
    await type('demand.0.schedule.0.from', '400');
    await type('demand.0.schedule.0.interarrival', '1');

    const doc = await formDocument();
    expect(doc.name).toBe('Through the form');
    expect(doc.demand[0]).toEqual({
      id: 'work',
      interarrival: { dist: 'exponential', mean: 2 },
      steps: ['build', 'approve'],
      schedule: [{ from: 400, interarrival: { dist: 'exponential', mean: 1 } }],
    });
    expect(doc.nodes[0]).toEqual({
      id: 'team',
      kind: 'team',
      capacity: 2,
      serves: { build: { dist: 'lognormal', mean: 0.6, cv: 0.8 } },
      wipLimit: 6,
      batch: { size: 2, timeout: 3 },
      outages: { mtbf: { dist: 'exponential', mean: 40 }, mttr: { dist: 'exponential', mean: 2 } },
    });
    expect(doc.nodes[1]).toMatchObject({
      id: 'team-2',
      kind: 'gate',
      schedule: { every: 7, open: 1, batch: true },
      failure: { probability: 0.2, reworkTo: 'build' },
    });
    expect(await page.locator('.scenario-form .field.invalid').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, '30-every-field.png'), fullPage: true });

    await run(page);
    expect(await page.textContent('#results h2')).toBe('Results: Through the form');
    const saved = await download(page, '#save-file');
    const file = join(files, saved.name);
    writeFileSync(file, saved.content);
    const cli = execFileSync(process.execPath, [join(root, 'bin/flowlab.js'), 'run', file, '--json'], {
      encoding: 'utf8',
      cwd: root,
      timeout: 60_000,
    });
    expect(await exportedText(page)).toBe(cli);
  });

  it('shows a problem beside the field it is about, and a typed JSON edit in the form', async () => {
    await type('nodes.0.wipLimit', '1');
    await expect
      .poll(() => page.textContent('[data-field="nodes.0.wipLimit"] .field-error'))
      .toMatch(/at least the node's capacity/);
    await type('nodes.0.wipLimit', '6');
    await expect.poll(() => page.locator('.scenario-form .field.invalid').count()).toBe(0);
    const doc = await formDocument();
    doc.nodes[0].serves.build = { dist: 'gamma', mean: 0.7, cv: 0.5 };
    await page.click('#editor-tab-json');
    await page.fill('#json-text', JSON.stringify(doc, null, 2));
    await page.click('#editor-tab-form');
    expect(await page.inputValue(field('nodes.0.serves.build'))).toBe('0.7');
    expect(await page.textContent('#field-nodes_0_serves_build-shape summary')).toContain('gamma · cv 0.5');
    // Typed key by key, a handoff comes into being at the first digit (the form is rebuilt
    // with its shape then), and the digits after it land after it.
    await unfold('more-scenario');
    await page.click(field('handoff'));
    await page.keyboard.type('0.25');
    expect(await page.inputValue(field('handoff'))).toBe('0.25');
    expect((await formDocument()).handoff).toEqual({ dist: 'exponential', mean: 0.25 });
  });

  it('says a class’s value per item as an amount of money, and a time as a time', async () => {
    const before = await formDocument();
    const doc = structuredClone(before) as Doc & { demand: Record<string, unknown>[] };
    doc.demand[0].value = { dist: 'triangular', min: 100, mode: 300, max: 800 };
    doc.nodes[0].serves.build = { dist: 'triangular', min: 0.2, mode: 0.5, max: 1.5 };
    await page.click('#editor-tab-json');
    await page.fill('#json-text', JSON.stringify(doc, null, 2));
    await page.click('#editor-tab-form');
    await unfold('more-demand-0');
    const units = (path: string) => page.locator(`[data-field="${path}"] .unit`).allTextContents();
    const labels = (path: string) =>
      page.locator(`[data-field="${path}"] .dist-param label`).allTextContents();
    // The value has no time unit after it, nor after its lowest, most likely and highest.
    await unfold('field-demand_0_value-shape');
    expect(await units('demand.0.value')).toEqual([]);
    expect(await labels('demand.0.value')).toEqual(['shape', 'lowest', 'most likely', 'highest']);
    // A time beside it still says its unit, after itself and each of its parameters.
    await unfold('field-nodes_0_serves_build-shape');
    const time = await units('nodes.0.serves.build');
    expect(time).toHaveLength(4);
    expect(new Set(time).size).toBe(1);
    expect(time[0]).toMatch(/^(minutes|hours|days|weeks)$/);
    expect(await labels('nodes.0.serves.build')).toEqual(['shape', 'shortest', 'most likely', 'longest']);
    // Measured amounts pasted in are amounts, not times.
    await page.selectOption(field('demand.0.value.dist'), 'empirical');
    await unfold('field-demand_0_value-shape');
    expect(await page.getAttribute(field('demand.0.value.values'), 'placeholder')).toMatch(
      /^paste measured amounts: /,
    );
    expect(await page.textContent('#field-demand_0_value-shape summary')).toMatch(/empirical · 1 amount$/);
    await page.click('#editor-tab-json');
    await page.fill('#json-text', JSON.stringify(before, null, 2));
    await page.click('#editor-tab-form');
  });

  it('reaches every control of the open form with Tab, each with a label', async () => {
    // Every fold open, so every control is there to reach.
    for (;;) {
      const closed = page.locator('#editor-panel-form details:not([open]) > summary');
      if ((await closed.count()) === 0) break;
      await closed.first().click();
    }
    const controls: { id: string; labelled: boolean }[] = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          '#editor-panel-form input, #editor-panel-form select, #editor-panel-form textarea, #editor-panel-form button, #editor-panel-form summary',
        ),
      ]
        .filter((el) => el.offsetParent !== null && !(el as HTMLButtonElement).disabled)
        .map((el, i) => {
          if (!el.id) el.id = `tab-probe-${i}`;
          const labels = (el as HTMLInputElement).labels;
          const labelled =
            el.tagName === 'SUMMARY' ||
            el.tagName === 'BUTTON' ||
            (labels !== undefined && labels !== null && labels.length > 0) ||
            !!el.getAttribute('aria-label');
          return { id: el.id, labelled };
        }),
    );
    expect(controls.length).toBeGreaterThan(60);
    expect(controls.filter((c) => !c.labelled).map((c) => c.id)).toEqual([]);
    await page.focus(`#${controls[0].id}`);
    const reached = new Set<string>([controls[0].id]);
    const last = controls[controls.length - 1].id;
    for (let i = 0; i < controls.length * 2 && !reached.has(last); i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(controls.map((c) => c.id).filter((id) => !reached.has(id))).toEqual([]);
  });

  it.each(SCREENS)('fits a $name with every fold open', async (screen) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    if (screen.large) await page.click('#large-type');
    await page.click('#editor-tab-form');
    const wide = await page.evaluate(() => {
      const form = document.querySelector('.scenario-form') as HTMLElement;
      const edge = form.getBoundingClientRect().right;
      return [...form.querySelectorAll<HTMLElement>('.field, .node-card, summary')]
        .filter((el) => el.getBoundingClientRect().right > edge + 1)
        .map((el) => el.dataset.field ?? el.textContent?.slice(0, 30));
    });
    expect(wide).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `31-every-field-${screen.name}.png`), fullPage: true });
    if (screen.large) await page.click('#large-type');
  });
});
