/**
 * One bench system on its own, for profiling the run loop without the rest of `npm run bench`:
 *
 *   node --cpu-prof --import tsx bench/profile-tandem.ts [items] [tandem|lean|mm1] [repeats]
 *   node --trace-deopt --import tsx bench/profile-tandem.ts 200000
 *
 * The systems are those of bench/run.ts (the 7-stage M/M/2 tandem by default). Each repeat
 * runs the system to `items` arrivals and prints items/s and events/s, so the best of a few
 * repeats can be compared between two versions of the engine on a shared, noisy machine.
 */
import { createRun } from '../src/index.ts';
import { leanScenario, mm1Scenario, tandemScenario } from './systems.ts';

const SYSTEMS = { tandem: tandemScenario, lean: leanScenario, mm1: mm1Scenario };
const items = Number(process.argv[2] ?? 1_000_000);
const system = (process.argv[3] ?? 'tandem') as keyof typeof SYSTEMS;
const repeats = Number(process.argv[4] ?? 1);
const make = SYSTEMS[system];
if (!make) throw new Error(`unknown system ${system}: one of ${Object.keys(SYSTEMS).join(', ')}`);

for (let i = 0; i < repeats; i++) {
  const run = createRun(make(items));
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  // Slices of a million events, as bench/run.ts runs them.
  while (!run.advance(1_000_000));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // CPU time as well as wall time: on a shared machine it is the steadier of the two.
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const result = run.result();
  const arrived = result.runs.reduce((s, r) => s + r.arrived, 0);
  const events = result.runs.reduce((s, r) => s + r.events, 0);
  console.log(
    `${system}: ${arrived} items in ${seconds.toFixed(2)} s, ${Math.round(arrived / seconds)} items/s, ` +
      `${Math.round(events / seconds)} events/s; ${Math.round(arrived / cpuSeconds)} items/s of CPU time ` +
      `(mean time in system ${result.leadTime.mean.toFixed(3)})`,
  );
}
