/**
 * Every routing strategy, by the name a scenario gives it. `satisfies` checks this table
 * against the schema's list (ROUTING_STRATEGIES): a strategy the schema accepts has a
 * descriptor, and a descriptor has a name the schema accepts. Adding one is a file beside
 * these, a line here and its name in the schema.
 */
import type { RoutingStrategy } from '../../model/scenario.ts';
import type { Strategy } from '../routing.ts';
import { fastest } from './fastest.ts';
import { fixed } from './fixed.ts';
import { leastWork } from './least-work.ts';
import { powerOfTwo } from './power-of-two.ts';
import { random } from './random.ts';
import { reliability } from './reliability.ts';
import { roundRobin } from './round-robin.ts';
import { shortestQueue } from './shortest-queue.ts';

export const STRATEGIES = {
  fixed,
  random,
  'round-robin': roundRobin,
  'shortest-queue': shortestQueue,
  'least-work': leastWork,
  'power-of-two': powerOfTwo,
  fastest,
  reliability,
} as const satisfies Record<RoutingStrategy, Strategy>;
