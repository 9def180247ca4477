/**
 * `npx tsx scripts/generate-history.ts [SEED]`: writes the sample history,
 * examples/team-events.csv (an event log) and examples/team-stages.csv (stage dates),
 * from the team described in scripts/history-generator.ts. The files in the repository
 * were written with seed 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateHistory } from './history-generator.ts';

const seed = Number(process.argv[2] ?? 1);
const history = generateHistory(seed);
const folder = new URL('../examples/', import.meta.url);
mkdirSync(folder, { recursive: true });
writeFileSync(new URL('team-events.csv', folder), history.eventLog);
writeFileSync(new URL('team-stages.csv', folder), history.stageDates);
console.log(
  `wrote ${history.items} items to examples/team-events.csv and examples/team-stages.csv (seed ${seed})`,
);
