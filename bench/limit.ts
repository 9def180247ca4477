/**
 * The bench's line against the limit: flowlab's 7 x M/M/2 tandem as a ratio to a minimal
 * hand-written C program of the same model (`../shared/limit/tandem.c`, its binary-heap
 * calendar and ring-buffer queues, the structure closest to flowlab's), and to its hand-written
 * JavaScript twin (`tandem.mjs`, typed arrays), and to that twin keeping flowlab's statistics
 * (bench/limit-statistics.ts, in the repository: the bound for an engine that keeps them),
 * measured in the same run. An absolute items/s
 * swings with the machine's load; a ratio measured side by side does not, so they take
 * turns, twice, and each keeps its best. Speeds are by CPU time (each process's own clock), as
 * on a shared machine the wall clock also counts the time other work held the core.
 *
 * The programs live outside the repository: `../shared/limit/` beside it, or FLOWLAB_LIMIT.
 * Without them, or without a C compiler, the line says so and the bench carries on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRun } from '../src/index.ts';
import { tandemScenario } from './systems.ts';

const ITEMS = 1_000_000;

/** Items per CPU-second of each program's own run, parsed from its "(cpu N)" figure. */
function reported(out: { status: number | null; stdout: string; stderr: string }, what: string): number {
  const speed = /items\/s=\d+ \(cpu (\d+)\)/.exec(out.stdout);
  if (out.status !== 0 || !speed) throw new Error(`${what} failed: ${out.stderr || out.stdout}`);
  return Number(speed[1]);
}

/** flowlab's tandem in this process (warm), by this process's CPU time. */
function flowlabItemsPerCpuSecond(): number {
  const run = createRun(tandemScenario(ITEMS));
  const before = process.cpuUsage();
  while (!run.advance(1_000_000));
  const used = process.cpuUsage(before);
  const items = run.result().runs.reduce((s, r) => s + r.arrived, 0);
  return items / ((used.user + used.system) / 1e6);
}

function compilerOf(): string | undefined {
  return ['cc', 'gcc', 'clang'].find((cc) => spawnSync(cc, ['--version'], { stdio: 'ignore' }).status === 0);
}

export function printLimitRatio(): void {
  const dir = process.env.FLOWLAB_LIMIT ?? fileURLToPath(new URL('../../shared/limit/', import.meta.url));
  const source = join(dir, 'tandem.c');
  if (!existsSync(source)) {
    console.log(`limit: not measured (no ${source}; set FLOWLAB_LIMIT to the folder with tandem.c)`);
    return;
  }
  const cc = compilerOf();
  if (!cc) {
    console.log('limit: not measured (no C compiler: cc, gcc or clang)');
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'flowlab-limit-'));
  try {
    const binary = join(scratch, 'tandem');
    const built = spawnSync(cc, ['-O2', '-march=native', '-o', binary, source, '-lm'], { encoding: 'utf8' });
    if (built.status !== 0) {
      console.log(`limit: not measured (${cc} could not build ${source}: ${built.stderr.trim()})`);
      return;
    }
    const twin = join(dir, 'tandem.mjs');
    const best = { c: 0, js: 0, statistics: 0, flowlab: 0 };
    const withStatistics = fileURLToPath(new URL('./limit-statistics.ts', import.meta.url));
    flowlabItemsPerCpuSecond(); // the JIT warm, as for the C program's first run
    for (let round = 0; round < 2; round++) {
      const c = spawnSync(binary, ['heap-ring', String(ITEMS), '21'], { encoding: 'utf8' });
      best.c = Math.max(best.c, reported(c, 'tandem.c'));
      best.flowlab = Math.max(best.flowlab, flowlabItemsPerCpuSecond());
      if (existsSync(twin)) {
        const js = spawnSync(process.execPath, [twin, 'heap', String(ITEMS), '21', '1'], {
          encoding: 'utf8',
        });
        best.js = Math.max(best.js, reported(js, 'tandem.mjs'));
      }
      const kept = spawnSync(process.execPath, ['--import', 'tsx', withStatistics, String(ITEMS), '1'], {
        encoding: 'utf8',
      });
      best.statistics = Math.max(best.statistics, reported(kept, 'limit-statistics.ts'));
    }
    const rate = (n: number) => `${Math.round(n).toLocaleString('en')} items/s`;
    console.log(
      `limit: the tandem to ${ITEMS.toLocaleString('en')} items by CPU time, best of 2 in turns: ` +
        `flowlab ${rate(best.flowlab)}, C ${rate(best.c)}` +
        (best.js ? `, hand-written JavaScript ${rate(best.js)}` : '') +
        `, the same keeping flowlab's statistics ${rate(best.statistics)}` +
        `; flowlab runs at ${(best.flowlab / best.c).toFixed(2)}x the C program's speed` +
        (best.js ? `, ${(best.flowlab / best.js).toFixed(2)}x the JavaScript's` : '') +
        ` and ${(best.flowlab / best.statistics).toFixed(2)}x the JavaScript's keeping its statistics` +
        ` (which runs at ${(best.statistics / best.c).toFixed(2)}x the C program's)`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printLimitRatio();
