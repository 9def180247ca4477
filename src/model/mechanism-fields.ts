/**
 * The fields of the scenario schema that switch on the lean mechanisms: WIP limits and
 * pull, batches, gates that meet on a calendar, failures with rework or escalation,
 * outages, capacity and demand that change over time, handoff delays, classes of service,
 * queue disciplines, and the economics (cost of delay, value, cost of capacity).
 * Every field is optional and its absence means the plain behaviour. (What each mechanism
 * needs of the engine is declared in network/mechanisms.ts; the tables the run reads are
 * compiled in network/rules.ts.)
 */
import { z } from 'zod';
import { distributionMean, distributionSchema } from './distribution.ts';
import { capacityCostSchema, costOfDelaySchema, disciplineSchema, valueSchema } from './economics-fields.ts';
import {
  MAX_PASSES,
  MAX_SCHEDULE_CHANGES,
  MAX_SERVERS,
  MAX_TIME,
  MAX_WIP_LIMIT,
  MIN_TIME,
} from './limits.ts';

/** A time greater than 0, between the bounds every time in a scenario keeps (limits.ts). */
const positive = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .min(MIN_TIME, {
      error: (issue) =>
        (issue.input as number) > 0
          ? `${name} must be at least ${MIN_TIME} (a billionth of a time unit); for shorter times choose a smaller timeUnit`
          : `${name} must be greater than 0`,
    })
    .max(MAX_TIME, { error: `${name} must be at most ${MAX_TIME.toLocaleString('en')} time units` });

/** A point in time: not before the start, not beyond the bound on times. */
const time = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .min(0, { error: `${name} must not be negative` })
    .max(MAX_TIME, { error: `${name} must be at most ${MAX_TIME.toLocaleString('en')} time units` });

/** A count the engine keeps in a 32-bit integer, so it has a ceiling as well as a floor. */
const whole = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number of at least ${min}` })
    .min(min, { error: `${name} must be a whole number of at least ${min}` })
    .max(max, { error: `${name} must be at most ${max.toLocaleString('en')}` });

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
  })
  // A failed item that goes back comes round again; one that always fails never leaves.
  // Escalated items carry on after the escalation, so there every item may fail.
  .refine((f) => f.escalateTo !== undefined || passes(f.probability) <= MAX_PASSES, {
    path: ['probability'],
    error: (issue) => {
      const p = (issue.input as { probability: number }).probability;
      return p >= 1
        ? 'probability 1 sends every item back for rework forever; it must be below 1 (at most 0.99), or failed items must escalateTo someone'
        : `probability ${p} sends an item back about ${Math.round(passes(p)).toLocaleString('en')} times before it passes; at most 0.99 (${MAX_PASSES} passes) makes sense`;
    },
  });

/** Expected passes through a check that fails with probability p: 1 / (1 - p), a geometric count. */
export function passes(p: number): number {
  return 1 / (1 - p);
}

/** Start when `size` items wait, or `timeout` after the first of them arrived; serve them together. */
export const batchSchema = z.strictObject({
  size: whole('batch size', 1, MAX_SERVERS),
  timeout: positive('batch timeout')
    .optional()
    .describe('Start a smaller batch once the oldest item has waited this long.'),
});

/** A node that goes down now and then: time between failures and time to repair. */
export const outagesSchema = z
  .strictObject({
    mtbf: distributionSchema.describe('Time between the end of one outage and the start of the next.'),
    mttr: distributionSchema.describe('How long an outage lasts.'),
  })
  // With both means 0 a node would fail and recover endlessly without the clock moving.
  .superRefine((o, ctx) => {
    if (!(distributionMean(o.mtbf) > 0))
      ctx.addIssue({
        code: 'custom',
        path: ['mtbf'],
        message:
          'mtbf must have a mean greater than 0: a node that fails again the moment it is repaired is never up',
      });
    if (!(distributionMean(o.mttr) > 0))
      ctx.addIssue({
        code: 'custom',
        path: ['mttr'],
        message: 'mttr must have a mean greater than 0: an outage that lasts no time is no outage',
      });
  });

/** A gate that is open only at set times, e.g. a change advisory board that meets weekly. */
export const gateScheduleSchema = z.strictObject({
  every: positive('schedule every').describe('Time from one opening to the next.'),
  open: positive('schedule open').describe('How long it stays open each time.'),
  offset: time('schedule offset').default(0).describe('Time of the first opening.'),
  batch: z
    .boolean({ error: 'schedule batch must be true or false' })
    .default(false)
    .describe('Serve everything waiting at an opening as one batch, in one service time.'),
});

/** Capacity from a time on, e.g. more agent slots during a surge. */
export const capacityChangeSchema = z.strictObject({
  from: time('from'),
  capacity: whole('capacity', 0, MAX_SERVERS),
});

/** The arrival process from a time on, e.g. a surge of demand. */
export const demandChangeSchema = z.strictObject({
  from: time('from'),
  interarrival: distributionSchema,
});

export const multitaskingSchema = z.strictObject({
  switchCost: z
    .number({ error: 'switchCost must be a number' })
    .min(0, { error: 'switchCost must be between 0 and 1' })
    .max(1, { error: 'switchCost must be between 0 and 1' })
    .describe('Share of a person’s time lost for each item in progress beyond the first.'),
});

/**
 * Work in progress that becomes blocked, waiting on something outside the stream (a vendor,
 * another department, a decision). The blocker is found when work on an item starts, with a
 * chance per item served rather than a rate during service: a coach counts "one item in five
 * gets stuck on the vendor", and the blocked time then does not depend on how long the work
 * itself takes. `hold`: the person keeps the item and waits, so a server is held for the
 * blocked time. `aside`: the item is put aside and the server takes other work; the item keeps
 * its place at the node and resumes on the next free server when unblocked. Whether it keeps
 * its WIP slot meanwhile is `countsAgainstWip` (only with `aside`: an item its person holds
 * keeps the person busy, and so its slot).
 */
export const blockerSchema = z.strictObject({
  probability: probability.describe('Chance that an item started here becomes blocked.'),
  time: distributionSchema.describe('How long a blocked item waits on the outside before work can go on.'),
  policy: z
    .enum(['hold', 'aside'], { error: 'policy must be "hold" or "aside"' })
    .default('hold')
    .describe('"hold": the person waits with the item; "aside": the person takes other work meanwhile.'),
  // Coaches argue both ways, so both can be modelled. Only the node's own limit: the system's
  // (CONWIP) caps the work committed, and a blocked item is committed work that comes back.
  countsAgainstWip: z
    .boolean({ error: 'countsAgainstWip must be true or false' })
    .default(true)
    .describe(
      'Whether an item put aside keeps its place under the node’s wipLimit while blocked; false frees it, so the node pulls new work.',
    ),
});

/** Fields a node may add to the plain team. */
export const nodeMechanisms = {
  wipLimit: whole('wipLimit', 1, MAX_WIP_LIMIT)
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
    .max(MAX_SCHEDULE_CHANGES, {
      error: `capacitySchedule must list at most ${MAX_SCHEDULE_CHANGES.toLocaleString('en')} changes`,
    })
    .optional()
    .describe('Capacity from given times on; before the first, `capacity`.'),
  multitasking: multitaskingSchema.optional(),
  discipline: disciplineSchema
    .optional()
    .describe(
      'The order this node takes waiting work in; without it, by class priority (first in, first out when classes have none).',
    ),
  capacityCost: capacityCostSchema.optional(),
  blocker: blockerSchema.optional(),
  failureReduction: z
    .number({ error: 'failureReduction must be a number' })
    .min(0, { error: 'failureReduction must be between 0 and 1' })
    .max(1, { error: 'failureReduction must be between 0 and 1' })
    .optional()
    .describe(
      'On an approval: share by which it lowers the chance that an item it passed fails at later steps (0 changes nothing, 1 prevents every such failure).',
    ),
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
    .max(MAX_SCHEDULE_CHANGES, {
      error: `schedule must list at most ${MAX_SCHEDULE_CHANGES.toLocaleString('en')} changes`,
    })
    .optional()
    .describe('The interarrival distribution from given times on; before the first, `interarrival`.'),
  whenFull: z
    .enum(['wait', 'reject'], { error: 'whenFull must be "wait" or "reject"' })
    .default('wait')
    .describe('An arrival that finds its first node at its WIP limit waits for room, or is turned away.'),
  costOfDelay: costOfDelaySchema.optional(),
  value: valueSchema.optional(),
};

/** Fields the scenario may add. */
export const scenarioMechanisms = {
  wipLimit: whole('wipLimit', 1, MAX_WIP_LIMIT)
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
  release: z
    .string({ error: 'release must be the name of a step' })
    .min(1, { error: 'release must be the name of a step' })
    .optional()
    .describe(
      "The step that puts a change into production: DORA's four measures (deployment frequency, lead time for changes, change failure rate, time to restore) are read there.",
    ),
};
