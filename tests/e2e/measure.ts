/**
 * Time from pressing Run to every chart drawn, for the default preset, in Chromium against
 * the built site: what `npm run bench` can report for the sandbox. Also returns the long
 * tasks (over 50 ms) seen during the runs.
 *
 *   npx tsx tests/e2e/measure.ts        prints { runToChartsMs: [...], medianMs, longTasks }
 */
import { launch, longTasks, watchLongTasks } from './browser.ts';
import { open, run } from './sandbox-page.ts';
import { buildSite, removeSite, serve } from './site.ts';

export interface RunToCharts {
  runToChartsMs: number[];
  medianMs: number;
  longTasks: number[];
}

export async function measureRunToCharts(runs = 5): Promise<RunToCharts> {
  const dir = await buildSite();
  const site = await serve(dir);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await watchLongTasks(page);
    await open(page, site.url);
    await longTasks(page); // the page load is not a run
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await run(page));
    const sorted = [...times].sort((a, b) => a - b);
    return {
      runToChartsMs: times,
      medianMs: sorted[Math.floor(sorted.length / 2)],
      longTasks: await longTasks(page),
    };
  } finally {
    await browser.close();
    await site.close();
    removeSite(dir);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measureRunToCharts()));
