/**
 * The sandbox's line of `npm run bench`: the time from pressing Run to every chart drawn, for
 * the default preset, in Chromium against the site freshly built by `vite build`
 * (tests/e2e/measure.ts), and the longest the page's main thread was busy at a stretch. Without
 * Chromium (or anything else the browser needs) the line says why, and the bench carries on.
 */
import { existsSync } from 'node:fs';

export async function printRunToCharts(runs = 5): Promise<void> {
  try {
    const { CHROMIUM } = await import('../tests/e2e/browser.ts');
    if (!existsSync(CHROMIUM)) {
      console.log(`sandbox: not measured (no Chromium at ${CHROMIUM}; set FLOWLAB_CHROMIUM to one)`);
      return;
    }
    const { measureRunToCharts } = await import('../tests/e2e/measure.ts');
    const sandbox = await measureRunToCharts(runs);
    const longTasks = sandbox.longTasks.length;
    console.log(
      `sandbox: Run to charts drawn for the default preset, median ${sandbox.medianMs.toFixed(0)} ms over ` +
        `${runs} runs (${sandbox.runToChartsMs.map((t) => t.toFixed(0)).join(', ')}); ` +
        `longest main-thread stretch ${sandbox.longestTaskMs.toFixed(0)} ms, ` +
        `long tasks (over 50 ms) reported by the browser: ${longTasks === 0 ? 'none' : longTasks}; ` +
        (sandbox.withinBudget
          ? `within the ${sandbox.budgetMs} ms budget`
          : `OVER the ${sandbox.budgetMs} ms budget for a main-thread stretch`),
    );
  } catch (error) {
    console.log(`sandbox: not measured (${error instanceof Error ? error.message : String(error)})`);
  }
}
