/**
 * The economics of a scenario, as a coach writes them: what a day of delay costs for each
 * class of work (its cost-of-delay profile), what an item is worth when done, and what a
 * node's capacity costs. Amounts are in whatever currency the coach thinks in; flowlab only
 * adds them up. (The closed forms the engine applies at completion are in
 * network/economics.ts.)
 */
import { z } from 'zod';
import { distributionOf, type Quantity } from './distribution.ts';
import { MAX_MONEY, MAX_TIME, MIN_TIME } from './limits.ts';

/** An amount of money of at least 0. */
const money = (name: string) =>
  z
    .number({ error: `${name} must be a number (an amount of money)` })
    .min(0, { error: `${name} must not be negative` })
    .max(MAX_MONEY, { error: `${name} must be at most ${MAX_MONEY.toLocaleString('en')}` });

/** A time greater than 0 (a deadline, the age at which intangible work turns costly). */
const span = (name: string) =>
  z
    .number({ error: `${name} must be a number of time units` })
    .min(MIN_TIME, { error: `${name} must be greater than 0` })
    .max(MAX_TIME, { error: `${name} must be at most ${MAX_TIME.toLocaleString('en')} time units` });

/** One strict object per profile, keyed by `profile`. */
function profile<const P extends string, S extends z.ZodRawShape>(name: P, shape: S, description: string) {
  return z.strictObject({ profile: z.literal(name), ...shape }).describe(description);
}

export const COST_OF_DELAY_PROFILES = ['standard', 'fixed-date', 'expedite', 'intangible'] as const;
export type CostOfDelayProfile = (typeof COST_OF_DELAY_PROFILES)[number];

const standard = profile(
  'standard',
  { rate: money('rate').describe('Cost per time unit from arrival until done.') },
  'Costs the same for every time unit until it is done.',
);

const fixedDate = profile(
  'fixed-date',
  {
    deadline: span('deadline').describe('Time after arrival by which the item is due.'),
    penalty: money('penalty').optional().describe('Cost once, if the item is done after its deadline.'),
    rate: money('rate').optional().describe('Cost per time unit after the deadline until done.'),
  },
  'Costs nothing until a deadline after arrival; then a penalty and/or a rate.',
).refine((p) => p.penalty !== undefined || p.rate !== undefined, {
  error: 'a fixed-date cost of delay needs a penalty, a rate after the deadline, or both',
  path: ['penalty'],
});

const expedite = profile(
  'expedite',
  { rate: money('rate').describe('Cost per time unit from arrival until done: a steep one.') },
  'Urgent work: a steep cost for every time unit until it is done.',
);

const intangible = profile(
  'intangible',
  {
    rate: money('rate').describe('Cost per time unit while the item is young: a low one.'),
    after: span('after').describe('Age at which the cost starts to rise.'),
    laterRate: money('laterRate').describe('Cost per time unit from that age on.'),
  },
  'Costs little now, more later (work that keeps the lights on).',
).refine((p) => p.laterRate >= p.rate, {
  error:
    'an intangible cost of delay rises later: laterRate must be at least rate (for a flat one use standard)',
  path: ['laterRate'],
});

export const costOfDelaySchema = z
  .discriminatedUnion('profile', [standard, fixedDate, expedite, intangible], {
    error: (issue) => {
      if (issue.code === 'invalid_union')
        return `profile must be one of ${COST_OF_DELAY_PROFILES.join(', ')}`;
      if (issue.code === 'invalid_type')
        return `costOfDelay must be an object with a profile (${COST_OF_DELAY_PROFILES.join(', ')}) and its amounts, such as { "profile": "standard", "rate": 100 }`;
      return undefined;
    },
  })
  .describe('What a time unit of delay costs for this class of work, from arrival until done.');
export type CostOfDelay = z.infer<typeof costOfDelaySchema>;

/** What a node's capacity costs: people by the server, agents by the time unit and/or the item. */
export const capacityCostSchema = z
  .strictObject({
    perServer: money('perServer')
      .optional()
      .describe('Cost per server (a person, a slot) per time unit, over the capacity the node has.'),
    perTime: money('perTime')
      .optional()
      .describe('Cost per time unit for the node as a whole (a subscription).'),
    perItem: money('perItem')
      .optional()
      .describe('Cost per item the node serves (tokens, licences per use).'),
  })
  .refine((c) => c.perServer !== undefined || c.perTime !== undefined || c.perItem !== undefined, {
    error: 'capacityCost needs perServer, perTime or perItem',
  });
export type CapacityCost = z.infer<typeof capacityCostSchema>;

/**
 * An item's value is drawn as times are, under the same bounds (MAX_MONEY is MAX_TIME), but
 * it is money: its messages speak of amounts, never of time units.
 */
const AMOUNT: Quantity = {
  one: 'an amount',
  noun: 'amount',
  many: 'amounts',
  bare: 'the same amount for every item',
  example: '{ "dist": "normal", "mean": 1000, "sd": 200 }',
  belowMin: '',
  aboveMax: '',
};

/** A value per item: a bare amount, or a distribution (drawn per item when it is done). */
export const valueSchema = distributionOf(AMOUNT).describe(
  'What an item of this class is worth when done: an amount, or a distribution of amounts.',
);

export const DISCIPLINES = ['fifo', 'priority', 'wsjf', 'edd', 'sjf'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export const disciplineSchema = z
  .enum(DISCIPLINES, {
    error: `discipline must be one of ${DISCIPLINES.join(', ')}`,
  })
  .describe(
    'The order the queue is served in: fifo, priority (by class), wsjf (cost of delay / expected duration), edd (earliest due date), sjf (shortest expected job).',
  );
