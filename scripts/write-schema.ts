/**
 * `npm run schema`: writes schema/scenario.schema.json from the zod scenario schema, so
 * editors can validate and autocomplete scenario files (they point at it with "$schema").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/model/json-schema.ts';

const target = new URL('../schema/scenario.schema.json', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
