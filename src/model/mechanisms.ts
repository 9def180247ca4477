/**
 * The lean mechanisms a scenario can switch on: WIP limits and pull, batches, gates that
 * meet on a calendar, failures with rework or escalation, outages, capacity and demand
 * that change over time, handoff delays, classes of service. Every field is optional and
 * its absence means the plain behaviour.
 */
import { z } from 'zod';
import { distributionSchema } from './distribution.ts';

const positive = (name: string) =>
  z.number({ error: `${name} must be a number` }).positive({ error: `${name} must be greater than 0` });

const wholeAtLeast = (name: string, min: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number of at least ${min}` })
    .min(min, { error: `${name} must be a whole number of at least ${min}` });

const probability = z
  .number({ error: 'probability must be a number' })
  .min(0, { error: 'probability must be between 0 and 1' })
  .max(1, { error: 'probability must be between 0 and 1' });

/** Work at this node that fails goes back for rework, or to a person (escalation). */
export const failureSchema = z
  .strictObject({
    probability: probability.describe('Chance that an item (or a batch) fails here.'),
    reworkTo: z
      .string()
      .min(1)
      .optional()
      .describe('The earlier step a failed item goes back to (default: this step again).'),
    escalateTo: z
      .string()
      .min(1)
      .optional()
      .describe(
        'A capability served by people that failed items go to instead of rework; then they carry on.',
      ),
    scope: z
      .enum(['item', 'batch'], { error: 'scope must be "item" or "batch"' })
      .default('item')
      .describe('"batch": one failure sends the whole batch back (blast radius).'),
  })
  .refine((f) => !(f.reworkTo && f.escalateTo), {
    error: 'a failure goes either back (reworkTo) or up (escalateTo), not both',
  });

/** Start when `size` items wait, or `timeout` after the first of them arrived; serve them together. */
export const batchSchema = z.strictObject({
  size: wholeAtLeast('batch size', 1),
  timeout: positive('batch timeout')
    .optional()
    .describe('Start a smaller batch once the oldest item has waited this long.'),
});

/** A node that goes down now and then: time between failures and time to repair. */
export const outagesSchema = z.strictObject({
  mtbf: distributionSchema.describe('Time between the end of one outage and the start of the next.'),
  mttr: distributionSchema.describe('How long an outage lasts.'),
});

/** A gate that is open only at set times, e.g. a change advisory board that meets weekly. */
export const gateScheduleSchema = z.strictObject({
  every: positive('schedule every').describe('Time from one opening to the next.'),
  open: positive('schedule open').describe('How long it stays open each time.'),
  offset: z
    .number({ error: 'schedule offset must be a number' })
    .min(0, { error: 'schedule offset must not be negative' })
    .default(0)
    .describe('Time of the first opening.'),
  batch: z
    .boolean({ error: 'schedule batch must be true or false' })
    .default(false)
    .describe('Serve everything waiting at an opening as one batch, in one service time.'),
});

/** Capacity from a time on, e.g. more agent slots during a surge. */
export const capacityChangeSchema = z.strictObject({
  from: z.number({ error: 'from must be a number' }).min(0, { error: 'from must not be negative' }),
  capacity: wholeAtLeast('capacity', 0),
});

/** The arrival process from a time on, e.g. a surge of demand. */
export const demandChangeSchema = z.strictObject({
  from: z.number({ error: 'from must be a number' }).min(0, { error: 'from must not be negative' }),
  interarrival: distributionSchema,
});

export const multitaskingSchema = z.strictObject({
  switchCost: z
    .number({ error: 'switchCost must be a number' })
    .min(0, { error: 'switchCost must be between 0 and 1' })
    .max(1, { error: 'switchCost must be between 0 and 1' })
    .describe('Share of a person’s time lost for each item in progress beyond the first.'),
});

/** Fields a node may add to the plain team. */
export const nodeMechanisms = {
  wipLimit: wholeAtLeast('wipLimit', 1)
    .optional()
    .describe(
      'Most items at this node, waiting or in service; upstream work waits (blocks) when it is full.',
    ),
  batch: batchSchema.optional(),
  failure: failureSchema.optional(),
  outages: outagesSchema.optional(),
  schedule: gateScheduleSchema.optional(),
  capacitySchedule: z
    .array(capacityChangeSchema)
    .min(1, { error: 'capacitySchedule needs at least one change' })
    .optional()
    .describe('Capacity from given times on; before the first, `capacity`.'),
  multitasking: multitaskingSchema.optional(),
};

/** Fields a demand class may add. */
export const demandMechanisms = {
  priority: z
    .number({ error: 'priority must be a number' })
    .int({ error: 'priority must be a whole number' })
    .default(0)
    .describe('Higher is served first (e.g. expedite 1, standard 0).'),
  schedule: z
    .array(demandChangeSchema)
    .min(1, { error: 'schedule needs at least one change' })
    .optional()
    .describe('The interarrival distribution from given times on; before the first, `interarrival`.'),
  whenFull: z
    .enum(['wait', 'reject'], { error: 'whenFull must be "wait" or "reject"' })
    .default('wait')
    .describe('An arrival that finds its first node at its WIP limit waits for room, or is turned away.'),
};

/** Fields the scenario may add. */
export const scenarioMechanisms = {
  wipLimit: wholeAtLeast('wipLimit', 1)
    .optional()
    .describe('System-wide WIP limit (CONWIP): arrivals wait in a backlog until an item is done.'),
  handoff: distributionSchema
    .optional()
    .describe('Delay each time an item moves between two different nodes.'),
  affinity: z
    .boolean({ error: 'affinity must be true or false' })
    .default(false)
    .describe('Keep an item with the node that did its previous step when that node serves the next.'),
  preemption: z
    .boolean({ error: 'preemption must be true or false' })
    .default(false)
    .describe('A higher-priority item interrupts a lower-priority one in service.'),
};
