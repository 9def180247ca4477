/**
 * A step of a class of work: one capability, or a set of capabilities worked on in parallel
 * that fork and join (`{ "all": ["frontend", "backend", "platform"] }`): the item splits into
 * one part per branch, each routed to a node that serves it, and carries on only when every
 * part is done. A branch is one capability: a parallel step does not nest, and a branch is
 * not a list of steps of its own (write those as steps before or after the parallel one).
 */
import { z } from 'zod';
import { MAX_BRANCHES } from './limits.ts';

export const capabilitySchema = z
  .string({ error: 'a capability must be a text name, e.g. "build"' })
  .min(1, { error: 'a capability name must not be empty' })
  // As a key of `serves` it would set the object's prototype instead of naming a capability.
  .refine((name) => name !== '__proto__', { error: 'a capability must not be named "__proto__"' });

export const parallelStepSchema = z
  .strictObject({
    all: z
      .array(capabilitySchema, { error: 'all must be a list of capability names worked on in parallel' })
      .min(2, { error: 'all must name at least two capabilities (one is an ordinary step)' })
      .max(MAX_BRANCHES, { error: `all must name at most ${MAX_BRANCHES} capabilities` })
      .describe(
        'Capabilities worked on at once, each by a node that serves it; the item waits until all are done.',
      ),
  })
  .describe('A parallel step: the item forks into one part per capability and joins when all are done.');

export const stepSchema = z.union([capabilitySchema, parallelStepSchema], {
  error: (issue) => stepProblem(issue.input),
});

export type Step = z.infer<typeof stepSchema>;
export type ParallelStep = z.infer<typeof parallelStepSchema>;

/** What is wrong with a step that is neither a capability nor a parallel step, for a coach. */
function stepProblem(input: unknown): string {
  const all = input !== null && typeof input === 'object' ? (input as { all?: unknown }).all : undefined;
  if (Array.isArray(all) && all.some((branch) => typeof branch !== 'string'))
    return 'each branch of a parallel step must be one capability name: "all" cannot hold another "all" or a list of steps (put those steps before or after the parallel step)';
  return 'a step must be a capability name, e.g. "build", or a parallel step, e.g. { "all": ["frontend", "backend"] }';
}

export function isParallel(step: Step): step is ParallelStep {
  return typeof step !== 'string';
}

/** The capabilities a step needs: its own, or each branch's. */
export function stepCapabilities(step: Step): string[] {
  return isParallel(step) ? step.all : [step];
}

/** A step as a coach reads it: "build", or "frontend + backend + platform". */
export function stepName(step: Step): string {
  return isParallel(step) ? step.all.join(' + ') : step;
}
