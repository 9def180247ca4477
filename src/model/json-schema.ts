/**
 * The scenario's JSON Schema, generated from the zod schema (the one source of truth),
 * for editors. Cross-field rules (every step served, unique ids) are not expressible in
 * JSON Schema; `flowlab validate` checks those.
 */
import { z } from 'zod';
import { scenarioSchema } from './scenario.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://flowlab.dev/schema/scenario.schema.json',
    title: 'flowlab scenario',
  };
}
