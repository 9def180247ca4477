/**
 * The bench's end-to-end line: `flowlab run` of a one-million-item tandem as a user times it,
 * start-up and result included, against the loop alone, and where the difference goes. The
 * command runs as a separate process through bin/flowlab.js, on the build in lib/ (brought up
 * to date first, as `npm install` leaves it); its CPU time is its own, read as it exits.
 *
 * - start-up: `flowlab validate` of the same file (loading the code, reading and checking the
 *   scenario, its offered loads), which `run` does before it simulates;
 * - the loop: the same replication in this process, warm;
 * - the rest: what `run` spends beyond both (a cold JIT, the result, its JSON, the output).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRun } from '../src/index.ts';
import { tandemScenario } from './systems.ts';

const ITEMS = 1_000_000;
const bin = fileURLToPath(new URL('../bin/flowlab.js', import.meta.url));
/** Loaded first in the command's process: writes its CPU time to fd 3 as it exits. */
const CPU_AT_EXIT = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeSync(3, String((u.user + u.system) / 1e6)); });",
)}`;

interface Timed {
  wallS: number;
  cpuS: number;
  stdout: string;
}

function flowlab(args: string[]): Timed {
  const start = performance.now();
  const out = spawnSync(process.execPath, ['--import', CPU_AT_EXIT, bin, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, FLOWLAB_PROGRESS: '0' },
  });
  const wallS = (performance.now() - start) / 1000;
  if (out.status !== 0) throw new Error(`flowlab ${args.join(' ')} failed: ${out.stderr}`);
  return { wallS, cpuS: Number(out.output[3]), stdout: out.stdout };
}

/** The replication alone, in this process: the loop, then the result and its JSON. */
function inProcess(scenario: unknown): { loopCpuS: number; items: number } {
  const run = createRun(scenario);
  const before = process.cpuUsage();
  while (!run.advance(1_000_000));
  const used = process.cpuUsage(before);
  const items = run.result().runs.reduce((s, r) => s + r.arrived, 0);
  return { loopCpuS: (used.user + used.system) / 1e6, items };
}

export async function printEndToEnd(): Promise<void> {
  const { setup } = await import('../scripts/build-lib.mjs');
  await setup(); // lib/ current, as npm install leaves it
  const scratch = mkdtempSync(join(tmpdir(), 'flowlab-end-to-end-'));
  try {
    const scenario = tandemScenario(ITEMS);
    const file = join(scratch, 'tandem.json');
    writeFileSync(file, JSON.stringify(scenario));
    inProcess(tandemScenario(50_000)); // warm
    const loop = inProcess(scenario);
    const startUp = flowlab(['validate', file]);
    const whole = flowlab(['run', file, '--json']);
    const completed = JSON.parse(whole.stdout).completed as number;
    const rest = whole.cpuS - startUp.cpuS - loop.loopCpuS;
    const s = (x: number) => `${x.toFixed(2)} s`;
    console.log(
      `end to end: flowlab run --json of a ${ITEMS.toLocaleString('en')}-item tandem took ${s(whole.cpuS)} of CPU ` +
        `(${s(whole.wallS)} wall), ${Math.round(loop.items / whole.cpuS).toLocaleString('en')} items/s; ` +
        `start-up (validate of the file) ${s(startUp.cpuS)}, the loop ${s(loop.loopCpuS)} ` +
        `(${Math.round(loop.items / loop.loopCpuS).toLocaleString('en')} items/s, warm, in the bench's process), ` +
        `the rest ${s(rest)} (a cold JIT, the result, its JSON); ${completed.toLocaleString('en')} items completed`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await printEndToEnd();
