/**
 * Time from pressing Run to every chart drawn, for the default preset, in Chromium against
 * the built site: what `npm run bench` reports for the sandbox. Also how long the page's main
 * thread was ever busy at a stretch during the runs: the long tasks (over 50 ms) the browser
 * reports, and the longest gap a heartbeat of zero-delay timeouts saw (which catches shorter
 * ones too). Against a budget: no main-thread stretch over 50 ms, the browser's own bar for a
 * long task. This is where the budget is checked, not the test suite: on a shared machine the
 * busiest stretch depends on what else runs, so the suite tests that the work is in the worker
 * and this measures how smooth the page stayed.
 *
 * Then the animation: a busy twelve-stage line (a few hundred items in view) watched at 16
 * times its base speed for ten seconds, counting the frames the page drew (requestAnimationFrame)
 * and the longest gap between two, the long tasks while it played, and the main thread's busy
 * time per frame (CPU time, which the load of a shared machine moves far less than frames per
 * second).
 *
 *   npm run measure:sandbox     prints { runToCharts: { runToChartsMs, medianMs, longTasks,
 *                               longestTaskMs, budgetMs, withinBudget }, animation: { seconds,
 *                               framesPerSecond, longestFrameMs, longTasks, tokensInView,
 *                               mainThreadMsPerFrame, scriptMsPerFrame } }
 */
import { longTasks, startHeartbeat, stopHeartbeat, watchLongTasks } from './browser.ts';
import { open, run, setJson } from './sandbox-page.ts';
import { startSandbox } from './use-sandbox.ts';

/** The longest the page's main thread may be busy at a stretch during a run. */
export const MAIN_THREAD_BUDGET_MS = 50;

export interface RunToCharts {
  runToChartsMs: number[];
  medianMs: number;
  /** Main-thread tasks over 50 ms during the runs. */
  longTasks: number[];
  /** The longest the main thread was busy at a stretch during the runs. */
  longestTaskMs: number;
  budgetMs: number;
  /** No long task, and no stretch over the budget. */
  withinBudget: boolean;
}

export async function measureRunToCharts(runs = 5): Promise<RunToCharts> {
  const sandbox = await startSandbox();
  try {
    const page = await sandbox.browser.context.newPage();
    await watchLongTasks(page);
    await open(page, sandbox.url);
    await longTasks(page); // the page load is not a run
    await startHeartbeat(page);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await run(page));
    const gap = await stopHeartbeat(page);
    const tasks = await longTasks(page);
    const sorted = [...times].sort((a, b) => a - b);
    const longestTaskMs = Math.max(gap, ...tasks);
    return {
      runToChartsMs: times,
      medianMs: sorted[Math.floor(sorted.length / 2)],
      longTasks: tasks,
      longestTaskMs,
      budgetMs: MAIN_THREAD_BUDGET_MS,
      withinBudget: tasks.length === 0 && longestTaskMs <= MAIN_THREAD_BUDGET_MS,
    };
  } finally {
    await sandbox.close();
  }
}

/** Twelve stages of ten people each, busy 97% of the time: long queues at every stage. */
export function busyLine() {
  const steps = Array.from({ length: 12 }, (_, i) => `s${i + 1}`);
  return {
    name: 'A busy twelve-stage line',
    run: { duration: 800, warmup: 300, seed: 1, replications: 1 },
    demand: [{ id: 'work', interarrival: { dist: 'exponential', mean: 1 / 9.7 }, steps }],
    nodes: steps.map((s) => ({
      id: `stage-${s}`,
      capacity: 6,
      serves: { [s]: { dist: 'exponential', mean: 1 } },
    })),
  };
}

export interface AnimationSmoothness {
  seconds: number;
  framesPerSecond: number;
  /** The longest time between two frames drawn. */
  longestFrameMs: number;
  /** Main-thread tasks over 50 ms while it played. */
  longTasks: number[];
  /** Tokens drawn, sampled at the end. */
  tokensInView: number;
  /** The main thread's busy time per frame drawn, and the scripts' share of it (a frame has 16.7 ms at 60 per second). */
  mainThreadMsPerFrame: number;
  scriptMsPerFrame: number;
}

export async function measureAnimation(seconds = 10): Promise<AnimationSmoothness> {
  const sandbox = await startSandbox();
  try {
    const page = await sandbox.browser.context.newPage();
    await watchLongTasks(page);
    await open(page, sandbox.url);
    await setJson(page, JSON.stringify(busyLine(), null, 2));
    await run(page);
    await page.click('#watch-run');
    const panel = '#results .flow-animation';
    await page.waitForSelector(`${panel}[data-state="playing"]`, { timeout: 60_000 });
    await page.click(`${panel} [data-action="skip"]`);
    await page.waitForFunction(
      (root) => Number(document.querySelector<HTMLElement>(root)?.dataset.time) >= 300,
      panel,
      { timeout: 60_000 },
    );
    await page.fill(`${panel} [data-action="speed"]`, '8');
    await page.waitForTimeout(2000);
    await longTasks(page);
    // The main thread's own work (CPU time by Chromium's count), which other work on a shared
    // machine moves far less than it moves the frame rate.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const of = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return { task: of('TaskDuration'), script: of('ScriptDuration') };
    };
    const before = await busy();
    // A string, not a function (see startHeartbeat): frames counted for `seconds`.
    const frames = (await page.evaluate(`new Promise((resolve) => {
      const gaps = [];
      let last = performance.now();
      const end = last + ${seconds * 1000};
      function frame(now) {
        gaps.push(now - last);
        last = now;
        if (now < end) requestAnimationFrame(frame);
        else resolve(gaps);
      }
      requestAnimationFrame(frame);
    })`)) as number[];
    const after = await busy();
    const total = frames.reduce((a, b) => a + b, 0) / 1000;
    const perFrame = (seconds: number) => Math.round(((seconds * 1000) / frames.length) * 100) / 100;
    return {
      mainThreadMsPerFrame: perFrame(after.task - before.task),
      scriptMsPerFrame: perFrame(after.script - before.script),
      seconds: total,
      framesPerSecond: Math.round((frames.length / total) * 10) / 10,
      longestFrameMs: Math.round(Math.max(...frames) * 10) / 10,
      longTasks: await longTasks(page),
      tokensInView: Number(await page.getAttribute(panel, 'data-tokens')),
    };
  } finally {
    await sandbox.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(
    JSON.stringify({ runToCharts: await measureRunToCharts(), animation: await measureAnimation() }),
  );
