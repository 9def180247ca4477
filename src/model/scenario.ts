/**
 * The scenario: the one schema that says what a flowlab scenario file may contain.
 *
 * The TypeScript types are inferred from it, the JSON Schema for editors is generated
 * from it (`npm run schema`), and its messages are what a coach sees when a file is
 * wrong, so they are written for a coach. Objects are strict: a typo'd key is an
 * error, never a silently ignored field that falls back to a default.
 */
import { z } from 'zod';
import { pow } from '../engine/math.ts';
import { distributionMean, distributionSchema } from './distribution.ts';
import { MAX_PASSES, MAX_SERVERS, MAX_STEPS, MAX_TIME, MIN_SHARE_OF_RUN, MIN_TIME } from './limits.ts';
import { demandMechanisms, nodeMechanisms, passes, scenarioMechanisms } from './mechanism-fields.ts';
import { capabilitySchema, isParallel, stepCapabilities, stepName, stepSchema } from './step.ts';
import { timeUnitSchema } from './time-unit.ts';

export const ROUTING_STRATEGIES = [
  'fixed',
  'random',
  'round-robin',
  'shortest-queue',
  'least-work',
  'power-of-two',
  'fastest',
  'reliability',
] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

export const NODE_KINDS = ['team', 'agent', 'service', 'gate'] as const;

/**
 * Above this many expected arrivals a run is refused rather than left to run for hours;
 * the same bound holds for gate openings and outages, which recur whether work comes or not.
 */
export const MAX_EXPECTED_ARRIVALS = 50_000_000;

const identifier = z.string({ error: 'must be a text identifier' }).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, {
  error: 'must start with a letter or digit and use only letters, digits, "-", "_", "." or ":"',
});

const capability = capabilitySchema;

export const runSchema = z
  .strictObject({
    duration: z
      .number({ error: 'duration must be a number' })
      .positive({ error: 'duration must be greater than 0 (arrivals stop at this time)' })
      // The series, the windows and the histograms divide the run into parts, so a
      // duration near the smallest double would divide into zeros.
      .min(MIN_TIME, {
        error: `duration must be at least ${MIN_TIME} (a billionth of a time unit); for shorter runs choose a smaller timeUnit`,
      })
      .max(MAX_TIME, {
        error: `duration must be at most ${MAX_TIME.toLocaleString('en')} time units; for longer runs choose a larger timeUnit`,
      }),
    warmup: z
      .union(
        [
          z.number({ error: 'warmup must be a number of at least 0, or "auto"' }).min(0, {
            error: 'warmup must not be negative',
          }),
          z.literal('auto'),
        ],
        { error: 'warmup must be a number of at least 0, or "auto" (chosen by the MSER-5 rule)' },
      )
      .default(0)
      .describe('Items arriving before this time are left out of the statistics; "auto" lets MSER-5 choose.'),
    seed: z
      .number({ error: 'seed must be a number' })
      .int({ error: 'seed must be a whole number' })
      .min(0, { error: 'seed must not be negative' })
      .default(1),
    replications: z
      .number({ error: 'replications must be a number' })
      .int({ error: 'replications must be a whole number' })
      .min(1, { error: 'replications must be at least 1' })
      .max(10_000, { error: 'replications must be at most 10000' })
      .default(1),
    maxTime: z
      .number({ error: 'maxTime must be a number' })
      .positive({ error: 'maxTime must be greater than 0' })
      .max(MAX_TIME, { error: `maxTime must be at most ${MAX_TIME.toLocaleString('en')} time units` })
      .optional()
      .describe(
        'Hard cap on simulated time while the system drains after arrivals stop; default 10 x duration.',
      ),
    windows: z
      .number({ error: 'windows must be a number' })
      .int({ error: 'windows must be a whole number between 1 and 200' })
      .min(1, { error: 'windows must be a whole number between 1 and 200' })
      .max(200, { error: 'windows must be a whole number between 1 and 200' })
      .default(20)
      .describe('Time windows between warm-up and duration in which the bottleneck is reported.'),
    seriesNodes: z
      .array(z.string({ error: 'seriesNodes must list node ids' }), {
        error: 'seriesNodes must be a list of node ids',
      })
      .optional()
      .describe(
        'Nodes whose queue and utilisation the time series keeps besides the 12 with the highest offered load (networks of over 12 nodes).',
      ),
  })
  .describe('How long to run: arrivals stop at duration, then work in progress drains.')
  // "auto" is kept as a flag beside a warm-up time, which stays 0 until the experiment
  // layer has chosen one (experiment/warmup.ts), so the engine always reads a number.
  .transform(({ warmup, ...run }) => ({
    ...run,
    warmup: warmup === 'auto' ? 0 : warmup,
    autoWarmup: warmup === 'auto',
  }));

export const demandSchema = z
  .strictObject({
    id: identifier,
    name: z.string().optional(),
    interarrival: distributionSchema.describe('Time between arrivals of this class of work.'),
    steps: z
      .array(stepSchema, { error: 'steps must be a list of capability names' })
      .min(1, { error: 'steps must name at least one capability' })
      .max(MAX_STEPS, { error: `steps must name at most ${MAX_STEPS.toLocaleString('en')} capabilities` })
      .describe(
        'The capabilities an item needs, in order; { "all": [...] } for capabilities worked on in parallel (fork and join).',
      ),
    ...demandMechanisms,
  })
  .describe('A class of work items: how often they arrive and which steps they need.');

export const nodeSchema = z
  .strictObject({
    id: identifier,
    name: z.string().optional(),
    kind: z.enum(NODE_KINDS, { error: `kind must be one of ${NODE_KINDS.join(', ')}` }).default('team'),
    capacity: z
      .number({ error: 'capacity must be a number' })
      .int({ error: 'capacity must be a whole number of at least 1' })
      .min(1, { error: 'capacity must be a whole number of at least 1' })
      .max(MAX_SERVERS, {
        error: `capacity must be at most ${MAX_SERVERS.toLocaleString('en')} (for a node that never makes work wait, that is as good as unlimited)`,
      })
      .describe('Parallel servers: people in a team, slots of an agent.'),
    serves: z
      .record(capability, distributionSchema, { error: 'serves must map capability names to service times' })
      .refine((s) => Object.keys(s).length > 0, { error: 'serves must name at least one capability' })
      .describe('Capability -> service-time distribution at this node.'),
    ...nodeMechanisms,
  })
  .describe('A team, AI agent, shared service or gate that does work.');

const scenarioShape = z.strictObject({
  $schema: z.string().optional(),
  name: z.string({ error: 'name must be text' }).min(1, { error: 'name must not be empty' }),
  description: z.string().optional(),
  timeUnit: timeUnitSchema,
  run: runSchema,
  routing: z
    .enum(ROUTING_STRATEGIES, { error: `routing must be one of ${ROUTING_STRATEGIES.join(', ')}` })
    .default('fixed'),
  demand: z
    .array(demandSchema, { error: 'demand must be a list of work-item classes' })
    .min(1, { error: 'demand must list at least one class of work' }),
  nodes: z
    .array(nodeSchema, { error: 'nodes must be a list of teams, agents, services or gates' })
    .min(1, { error: 'nodes must list at least one node' }),
  ...scenarioMechanisms,
});

/** Rules that span several fields: ids are unique, every step has someone to do it, and so on. */
export const scenarioSchema = scenarioShape.superRefine((s, ctx) => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  uniqueIds(s.nodes, 'nodes', issue);
  uniqueIds(s.demand, 'demand', issue);
  const nodeIds = new Set(s.nodes.map((n) => n.id));
  s.run.seriesNodes?.forEach((id, i) => {
    if (!nodeIds.has(id)) issue(['run', 'seriesNodes', i], `no node "${id}" to follow in the time series`);
  });

  const served = new Set(s.nodes.flatMap((n) => Object.keys(n.serves)));
  const known = [...served].join(', ');
  s.demand.forEach((d, i) => {
    d.steps.forEach((step, j) => {
      const at = (k: number) =>
        isParallel(step) ? ['demand', i, 'steps', j, 'all', k] : ['demand', i, 'steps', j];
      stepCapabilities(step).forEach((cap, k, all) => {
        if (!served.has(cap)) issue(at(k), `no node serves "${cap}" (nodes serve: ${known})`);
        else if (all.indexOf(cap) < k)
          issue(
            at(k),
            `"${cap}" is named twice in one parallel step; each branch must be a different capability`,
          );
      });
    });
    if (!(distributionMean(d.interarrival) > 0))
      issue(
        ['demand', i, 'interarrival'],
        'interarrival must have a mean greater than 0, or items would never stop arriving',
      );
  });

  s.nodes.forEach((node, i) => {
    checkNodeMechanisms(s, node, i, served, issue);
  });
  checkRelease(s, issue);
  s.demand.forEach((d, i) => {
    if (!d.schedule) return;
    ascending(d.schedule, ['demand', i, 'schedule'], issue);
    d.schedule.forEach((change, j) => {
      if (!(distributionMean(change.interarrival) > 0))
        issue(['demand', i, 'schedule', j, 'interarrival'], 'interarrival must have a mean greater than 0');
    });
  });

  if (s.run.warmup >= s.run.duration)
    issue(['run', 'warmup'], `warmup (${s.run.warmup}) must be shorter than duration (${s.run.duration})`);
  if (s.run.maxTime !== undefined && s.run.maxTime < s.run.duration)
    issue(
      ['run', 'maxTime'],
      `maxTime (${s.run.maxTime}) must not be shorter than duration (${s.run.duration})`,
    );

  // The busiest arrival process a class ever has bounds how many items a run can make.
  const expected = s.demand.reduce((sum, d) => {
    const means = [d.interarrival, ...(d.schedule ?? []).map((c) => c.interarrival)].map(distributionMean);
    return sum + s.run.duration / Math.min(...means);
  }, 0);
  if (expected * s.run.replications > MAX_EXPECTED_ARRIVALS)
    issue(
      ['run', 'duration'],
      `this run would simulate about ${about(expected * s.run.replications)} items, ` +
        `more than the limit of ${MAX_EXPECTED_ARRIVALS.toLocaleString('en')}; shorten duration or use fewer replications`,
    );
  recurring(s, issue);
});

/**
 * Gate openings and outages recur on their own clock, with or without work, so like
 * arrivals their number in a run is bounded, over all nodes together: a gate that opens
 * every 1e-9 days, or a node that fails and recovers in no time, would otherwise fill the
 * run with events and never reach its end. The node that recurs most is named.
 */
function recurring(s: ScenarioShape, issue: Issue) {
  const runs = s.run.replications;
  const events: { at: (string | number)[]; count: number; what: string; fix: string }[] = [];
  s.nodes.forEach((node, i) => {
    if (node.schedule)
      events.push({
        at: ['nodes', i, 'schedule', 'every'],
        count: (s.run.duration / node.schedule.every) * runs,
        what: `the gate would open every ${node.schedule.every}, so`,
        fix: 'open it less often',
      });
    const cycle = node.outages
      ? distributionMean(node.outages.mtbf) + distributionMean(node.outages.mttr)
      : 0;
    if (cycle > 0)
      events.push({
        at: ['nodes', i, 'outages', 'mtbf'],
        count: (s.run.duration / cycle) * runs,
        what: 'the node would go down',
        fix: 'make mtbf and mttr longer',
      });
  });
  const total = events.reduce((sum, e) => sum + e.count, 0);
  if (!(total > MAX_EXPECTED_ARRIVALS)) return;
  const most = events.reduce((a, b) => (b.count > a.count ? b : a));
  const all = most.count < total ? `; with the other gates and outages, about ${about(total)}` : '';
  issue(
    most.at,
    `${most.what} about ${about(most.count)} times in this run (over ${runs} replication${runs === 1 ? '' : 's'})${all}, ` +
      `more than the limit of ${MAX_EXPECTED_ARRIVALS.toLocaleString('en')}; ${most.fix}`,
  );
}

/** A count for a message: in digits while digits can be read, else as a power of ten. */
function about(count: number): string {
  return count < 1e15 ? Math.round(count).toLocaleString('en') : count.toExponential(1).replace('e+', 'e');
}

type Issue = (path: (string | number)[], message: string) => void;
type ScenarioShape = z.infer<typeof scenarioShape>;

/**
 * The release is a step of its own in some class of work: DORA's measures are read where it
 * is done, and a branch of a parallel step is only part of an item.
 */
function checkRelease(s: ScenarioShape, issue: Issue) {
  const release = s.release;
  if (release === undefined) return;
  const steps = s.demand.flatMap((d) => d.steps);
  if (steps.some((step) => isParallel(step) && step.all.includes(release)))
    issue(
      ['release'],
      `release "${release}" is a branch of a parallel step; the release must be a step of its own`,
    );
  else if (!steps.includes(release))
    issue(
      ['release'],
      `no class of work has a step "${release}" (steps: ${[...new Set(steps.map(stepName))].join(', ')}); release names the step that puts a change into production`,
    );
}

function checkNodeMechanisms(
  s: ScenarioShape,
  node: ScenarioShape['nodes'][number],
  i: number,
  served: Set<string>,
  issue: Issue,
) {
  const at = (...path: (string | number)[]) => ['nodes', i, ...path];
  const capacities = [node.capacity, ...(node.capacitySchedule ?? []).map((c) => c.capacity)];
  const most = Math.max(...capacities);
  if (node.wipLimit !== undefined && node.wipLimit < most)
    issue(
      at('wipLimit'),
      `wipLimit (${node.wipLimit}) must be at least the node's capacity (${most}), or servers would sit idle by rule`,
    );
  // A batch starts when `size` items wait at the node: a limit below that never lets them in.
  const batch = node.batch;
  if (batch && batch.timeout === undefined && node.wipLimit !== undefined && node.wipLimit < batch.size)
    issue(
      at('batch', 'size'),
      `a batch of ${batch.size} can never fill at a node whose wipLimit is ${node.wipLimit}: give the batch a timeout, or the node a wipLimit of at least ${batch.size}`,
    );
  else if (batch && batch.timeout === undefined && s.wipLimit !== undefined && s.wipLimit < batch.size)
    issue(
      at('batch', 'size'),
      `a batch of ${batch.size} can never fill under the system wipLimit of ${s.wipLimit}: give the batch a timeout, or the system a wipLimit of at least ${batch.size}`,
    );
  if (node.capacitySchedule) ascending(node.capacitySchedule, at('capacitySchedule'), issue);
  if (node.schedule && node.schedule.open >= node.schedule.every)
    issue(
      at('schedule', 'open'),
      `open (${node.schedule.open}) must be shorter than every (${node.schedule.every})`,
    );
  // Late in a long run the clock cannot tell a tiny opening from none: at time 1e9 it moves
  // in steps of about 1e-7, so a gate open for 1e-9 would open and close at one instant and
  // serve almost nothing, without a word. A billionth of the run is far above that step.
  else if (node.schedule && node.schedule.open < s.run.duration * MIN_SHARE_OF_RUN)
    issue(
      at('schedule', 'open'),
      `open (${node.schedule.open}) must be at least a billionth of the run's duration (${s.run.duration * MIN_SHARE_OF_RUN}): ` +
        'late in the run the clock could not tell so short an opening from none',
    );
  checkDiscipline(s, node.discipline, at('discipline'), issue);
  if (node.failureReduction !== undefined && node.kind !== 'gate')
    issue(
      at('failureReduction'),
      `failureReduction belongs on an approval (a node of kind "gate"); this node is a ${node.kind}`,
    );
  if (node.multitasking && node.batch)
    issue(at('multitasking'), 'a node cannot both multitask and work in batches');
  if (node.multitasking && node.schedule)
    issue(at('multitasking'), 'a gate with a schedule cannot multitask');
  // People who multitask start everything at once: there is no one item to find blocked.
  if (node.blocker && node.multitasking)
    issue(at('blocker'), 'a node whose people multitask cannot have a blocker; leave out one of the two');
  // An item put aside leaves its server; a batch is served as one, so it cannot.
  else if (node.blocker?.policy === 'aside' && ((node.batch?.size ?? 1) > 1 || node.schedule?.batch))
    issue(
      at('blocker', 'policy'),
      'a node that works in batches cannot put a blocked item aside; use policy "hold" (the batch waits)',
    );
  if (node.blocker?.countsAgainstWip === false) {
    // A person holding a blocked item is busy with it, so it keeps its place as any work in
    // service does; and without a limit of the node's own there is no place to free (the
    // system's wipLimit counts every item committed, blocked or not).
    if (node.blocker.policy !== 'aside')
      issue(
        at('blocker', 'countsAgainstWip'),
        'an item whose person holds it while blocked keeps its place under the WIP limit: countsAgainstWip false needs policy "aside"',
      );
    else if (node.wipLimit === undefined)
      issue(
        at('blocker', 'countsAgainstWip'),
        `countsAgainstWip false frees a blocked item's place under the node's wipLimit, and this node has none: give it a wipLimit, or leave countsAgainstWip out (the scenario's wipLimit counts every item committed, blocked or not)`,
      );
  }
  const failure = node.failure;
  // One failed item sends the whole batch back: a batch of b passes with (1 - p)^b.
  if (failure?.scope === 'batch' && node.batch && failure.escalateTo === undefined) {
    const fails = 1 - pow(1 - failure.probability, node.batch.size);
    const rounds = passes(fails);
    if (rounds > MAX_PASSES)
      issue(
        at('failure', 'probability'),
        `with scope "batch", a full batch of ${node.batch.size} fails with probability ${Number(fails.toPrecision(4))} (1 - (1 - p)^${node.batch.size}), ` +
          `so it would ${rounds < 1e12 ? `be worked on about ${Math.round(rounds).toLocaleString('en')} times before it passes` : 'practically never pass'}; ` +
          `keep that chance at most 0.99 with a smaller probability or batch size`,
      );
  }
  if (failure?.escalateTo !== undefined && !served.has(failure.escalateTo))
    issue(
      at('failure', 'escalateTo'),
      `no node serves "${failure.escalateTo}" (nodes serve: ${[...served].join(', ')}), so nobody could take escalations`,
    );
  if (failure?.reworkTo !== undefined) {
    const reworkTo = failure.reworkTo;
    for (const d of s.demand)
      d.steps.forEach((step, j) => {
        const path = d.steps.map(stepName).join(' → ');
        if (isParallel(step)) {
          // A part of the item knows only its own branch: it cannot go back past the fork.
          const branch = step.all.find((cap) => Object.hasOwn(node.serves, cap));
          if (branch !== undefined)
            issue(
              at('failure', 'reworkTo'),
              `reworkTo cannot send work back from "${branch}", a branch of a parallel step in demand "${d.id}" (${path}): failed work in a branch is done again at that branch; remove reworkTo`,
            );
        } else if (Object.hasOwn(node.serves, step) && !d.steps.slice(0, j).includes(reworkTo))
          issue(
            at('failure', 'reworkTo'),
            `reworkTo "${reworkTo}" must be a step that comes before "${step}" in demand "${d.id}" (${path})`,
          );
      });
  }
}

/**
 * A discipline must have something to order by: WSJF needs a cost of delay, EDD a due date.
 * Preemption interrupts by class priority, which only a queue ordered by priority agrees with.
 */
function checkDiscipline(
  s: ScenarioShape,
  discipline: ScenarioShape['nodes'][number]['discipline'],
  path: (string | number)[],
  issue: Issue,
) {
  if (discipline === 'wsjf' && !s.demand.some((d) => d.costOfDelay))
    issue(
      path,
      'wsjf orders work by cost of delay divided by expected duration, and no class of work has a costOfDelay; give one, or choose sjf',
    );
  if (discipline === 'edd' && !s.demand.some((d) => d.costOfDelay?.profile === 'fixed-date'))
    issue(
      path,
      'edd orders work by due date, and no class of work has one: give a class a costOfDelay with profile "fixed-date" and a deadline',
    );
  if (s.preemption && discipline !== undefined && discipline !== 'priority')
    issue(
      path,
      `preemption interrupts work by class priority, which a "${discipline}" queue does not follow; use discipline "priority" here, or turn preemption off`,
    );
}

function ascending(changes: readonly { from: number }[], path: (string | number)[], issue: Issue) {
  changes.forEach((c, j) => {
    if (j > 0 && c.from <= changes[j - 1].from)
      issue(
        [...path, j, 'from'],
        `changes must be in time order: ${c.from} comes after ${changes[j - 1].from}`,
      );
  });
}

function uniqueIds(
  list: readonly { id: string }[],
  field: string,
  issue: (path: (string | number)[], message: string) => void,
) {
  const seen = new Set<string>();
  list.forEach((x, i) => {
    if (seen.has(x.id)) issue([field, i, 'id'], `id "${x.id}" is used twice in ${field}; ids must be unique`);
    seen.add(x.id);
  });
}

/** A scenario as written in a file (defaults not yet filled in). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario, with every default filled in. */
export type Scenario = z.infer<typeof scenarioSchema>;
export type NodeSpec = Scenario['nodes'][number];
export type DemandSpec = Scenario['demand'][number];
