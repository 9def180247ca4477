/**
 * Fitting a scenario to a team's history: classes of work with their arrivals, a step per
 * working stage with its capacity and service time, queues where items waited, and rework
 * where they went back. Every number carries how it was derived, so the report and the
 * scenario's description can say so, and the assumptions a coach should check.
 *
 * The model keeps the queues where the team has them: a waiting stage ("Ready for Review")
 * is the queue of the working stage it feeds, and that stage's capacity is how many items it
 * held while others waited for it, so it is full at that number. More arrivals then make
 * items wait longer, as they would in the team; a model of fixed delays could not say so.
 */
import type { Distribution } from '../model/distribution.ts';
import { fitTimes, round, type TimeFit } from './fit-times.ts';
import { arrivedAt, type History, type HistoryItem, type Visit } from './history.ts';
import { occupancy, weightedQuantile } from './occupancy.ts';
import { type StageInfo, stageRoles } from './stages.ts';

export interface FitOptions {
  /** The stages that are queues, instead of those named like one. */
  waiting?: readonly string[];
  /** The scenario's name. */
  name?: string;
  replications?: number;
  seed?: number;
}

export interface ClassFit {
  id: string;
  /** The type as the file writes it ("" when it has none). */
  type: string;
  items: number;
  /** Arrivals per day over the whole history. */
  rate: number;
  /** Arrivals in each quarter of the history. */
  quarters: number[];
  /** Pearson's chi-squared of the quarters against equal counts (3 degrees of freedom). */
  chiSquared: number;
  /** False when the quarters differ more than chance would make them 99 times in 100. */
  steady: boolean;
  steps: string[];
  /** Working stages most of the class's items skipped, and the share that visited each. */
  skipped: { stage: string; share: number }[];
  /** Working stages in the steps that some of its items skipped. */
  sometimesSkipped: { stage: string; share: number }[];
}

export interface StepFit {
  stage: string;
  node: string;
  capacity: number;
  /** How the capacity was read from the history. */
  capacityFrom: string;
  /** The waiting stages that are this step's queue. */
  queue: string[];
  /** The queue's mean time per visit in the history (days), when it has one. */
  queueWait?: number;
  service: TimeFit;
  /** Visits to the stage that were finished: the service times' sample. */
  visits: number;
  rework?: { probability: number; to: string; moves: number; note?: string };
}

export interface FitReport {
  file?: string;
  format: History['format'];
  start: number;
  end: number;
  days: number;
  items: number;
  done: number;
  dateOnly: boolean;
  stages: StageInfo[];
  classes: ClassFit[];
  steps: StepFit[];
  /** Merged into "other": classes too small to fit alone. */
  merged: string[];
  assumptions: string[];
}

export interface Fit {
  /** The scenario as a file holds it. */
  scenario: Record<string, unknown>;
  report: FitReport;
}

export type FitOutcome = { ok: true; fit: Fit } | { ok: false; reason: string };

/** Chi-squared with 3 degrees of freedom above which quarters are not steady (p < 0.01). */
const CHI2_3_01 = 11.345;
/** A class with fewer items than this joins "other": a rate and a route need some items. */
const MIN_CLASS = 5;
/** Classes kept apart at most, the largest first; the rest join "other" (a type a row would be thousands). */
const MAX_CLASSES = 20;

export function fitHistory(history: History, options: FitOptions = {}): FitOutcome {
  const stages = stageRoles(history, options.waiting);
  const working = stages.filter((s) => s.role === 'work');
  if (working.length === 0)
    return {
      ok: false,
      reason: `every stage (${history.stages.join(', ')}) is taken as waiting or done, so nothing is work; name the waiting stages with --waiting`,
    };
  const days = Math.max(history.end - history.start, 1);
  const assumptions: string[] = [];
  const { groups, merged } = classGroups(history.items);
  const classes = groups.map((g) => fitClass(g.type, g.items, working, history, days));
  const ids = uniqueIds(classes.map((c) => c.type || 'work'));
  classes.forEach((c, i) => {
    c.id = ids[i];
  });
  const steps = working.map((stage) => fitStep(stage, stages, history, days));
  const used = new Set(classes.flatMap((c) => c.steps));
  const modelled = steps.filter((s) => used.has(s.stage));
  reworkOf(history, stages, modelled, classes);
  assumptionsOf(history, stages, classes, modelled, assumptions);
  const report: FitReport = {
    format: history.format,
    start: history.start,
    end: history.end,
    days,
    items: history.items.length,
    done: history.items.filter((i) => i.doneAt !== null).length,
    dateOnly: history.dateOnly,
    stages,
    classes,
    steps: modelled,
    merged,
    assumptions,
  };
  return { ok: true, fit: { scenario: scenarioOf(report, options), report } };
}

function classGroups(items: HistoryItem[]) {
  const byType = new Map<string, HistoryItem[]>();
  for (const item of items) {
    const list = byType.get(item.type) ?? [];
    if (list.length === 0) byType.set(item.type, list);
    list.push(item);
  }
  const groups: { type: string; items: HistoryItem[] }[] = [];
  const small: HistoryItem[] = [];
  const merged: string[] = [];
  const largest = [...byType.values()].map((l) => l.length).sort((a, b) => b - a);
  const smallest = largest.length > MAX_CLASSES ? Math.max(MIN_CLASS, largest[MAX_CLASSES] + 1) : MIN_CLASS;
  for (const [type, list] of byType) {
    if (list.length < smallest && byType.size > 1) {
      small.push(...list);
      merged.push(type || '(no type)');
    } else groups.push({ type, items: list });
  }
  if (small.length > 0) groups.push({ type: 'other', items: small });
  return { groups, merged };
}

function fitClass(
  type: string,
  items: HistoryItem[],
  working: StageInfo[],
  history: History,
  days: number,
): ClassFit {
  const quarters = [0, 0, 0, 0];
  for (const item of items) {
    const q = Math.min(3, Math.floor(((arrivedAt(item) - history.start) / days) * 4));
    quarters[Math.max(0, q)]++;
  }
  const expected = items.length / 4;
  const chiSquared = quarters.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  // Below 20 items a quarter expects fewer than 5, where the test says little.
  const steady = items.length < 20 || chiSquared <= CHI2_3_01;
  const done = items.filter((i) => i.doneAt !== null);
  const base = done.length > 0 ? done : items;
  const shares = working.map((stage) => ({
    stage: stage.name,
    share: base.filter((i) => i.visits.some((v) => v.stage === stage.name)).length / base.length,
  }));
  let steps = shares.filter((s) => s.share >= 0.5).map((s) => s.stage);
  if (steps.length === 0) steps = [shares.reduce((a, b) => (b.share > a.share ? b : a)).stage];
  return {
    id: '',
    type,
    items: items.length,
    rate: items.length / days,
    quarters,
    chiSquared,
    steady,
    steps,
    skipped: shares.filter((s) => !steps.includes(s.stage) && s.share > 0),
    sometimesSkipped: shares.filter((s) => steps.includes(s.stage) && s.share < 1),
  };
}

function fitStep(stage: StageInfo, stages: StageInfo[], history: History, days: number): StepFit {
  const queue = stages
    .filter((s) => s.role === 'waiting' && s.position === stage.position - 0.5)
    .map((s) => s.name);
  const times: number[] = [];
  const queueTimes: number[] = [];
  for (const item of history.items)
    for (const v of item.visits) {
      if (v.exitedAt === null) continue;
      if (v.stage === stage.name) times.push(v.exitedAt - v.enteredAt);
      else if (queue.includes(v.stage)) queueTimes.push(v.exitedAt - v.enteredAt);
    }
  const held = occupancy(history, stage.name, queue);
  let capacity: number;
  let capacityFrom: string;
  if (queue.length > 0 && held.waitingTime >= 0.05 * days) {
    capacity = Math.max(1, weightedQuantile(held.whileWaiting, 0.5));
    capacityFrom = `while items waited in ${queue.join(' or ')} (${pct(held.waitingTime / days)} of the time), ${stage.name} held ${capacity} at the median: it was full at ${capacity}`;
  } else {
    capacity = Math.max(1, weightedQuantile(held.time, 0.95));
    capacityFrom =
      queue.length > 0
        ? `items rarely waited in ${queue.join(' or ')} (${pct(held.waitingTime / days)} of the time), so from what ${stage.name} held: ${capacity} or fewer 95% of the time`
        : `${stage.name} held ${capacity} or fewer 95% of the time`;
  }
  const service = fitTimes(times.length > 0 ? times : [1], history.dateOnly);
  return {
    stage: stage.name,
    node: '',
    capacity,
    capacityFrom,
    queue,
    queueWait: queueTimes.length > 0 ? queueTimes.reduce((s, x) => s + x, 0) / queueTimes.length : undefined,
    service,
    visits: times.length,
  };
}

/**
 * Rework from backward moves: an item that goes from a stage to an earlier one failed at the
 * last working stage it visited, and goes back to the working stage it moved to (or that its
 * queue feeds). A stage's failure probability is its backward moves over its finished visits.
 */
function reworkOf(history: History, stages: StageInfo[], steps: StepFit[], classes: ClassFit[]) {
  const position = new Map(stages.map((s) => [s.name, s.position]));
  const working = stages.filter((s) => s.role === 'work');
  const moves = new Map<string, Map<string, number>>();
  for (const item of history.items) {
    let lastWork: StageInfo | undefined;
    const visits: Visit[] = item.visits;
    for (let i = 0; i < visits.length; i++) {
      const here = position.get(visits[i].stage) as number;
      if (i > 0) {
        const before = position.get(visits[i - 1].stage) as number;
        const target = working[Math.ceil(here)];
        if (here < before && lastWork && target && target.position <= lastWork.position) {
          const from = moves.get(lastWork.name) ?? new Map<string, number>();
          moves.set(lastWork.name, from);
          from.set(target.name, (from.get(target.name) ?? 0) + 1);
        }
      }
      const stage = stages.find((s) => s.name === visits[i].stage);
      if (stage?.role === 'work') lastWork = stage;
    }
  }
  for (const step of steps) {
    const from = moves.get(step.stage);
    if (!from || step.visits === 0) continue;
    const total = [...from.values()].reduce((s, x) => s + x, 0);
    const [to] = [...from.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
    const probability = round(Math.min(0.9, total / step.visits));
    let note: string | undefined;
    let target = to;
    const before = classes.filter((c) => c.steps.includes(step.stage));
    if (
      to !== step.stage &&
      !before.every((c) => c.steps.indexOf(to) >= 0 && c.steps.indexOf(to) < c.steps.indexOf(step.stage))
    ) {
      note = `most went back to ${to}, which not every class passes before ${step.stage}: the model repeats ${step.stage} instead`;
      target = step.stage;
    }
    step.rework = { probability, to: target, moves: total, note };
  }
}

function assumptionsOf(
  history: History,
  stages: StageInfo[],
  classes: ClassFit[],
  steps: StepFit[],
  out: string[],
) {
  for (const step of steps) {
    if (step.queue.length === 0)
      out.push(
        `No waiting stage before ${step.stage}: its time includes any wait for the people who do it, taken here as work (capacity ${step.capacity}); more load lengthens it only beyond ${step.capacity} at once. Is there a queue there the tracker does not show?`,
      );
    if (step.service.family === 'empirical')
      out.push(
        `Time in ${step.stage} fits no lognormal, gamma or exponential: the model replays the ${step.visits} measured times.`,
      );
    if (step.visits < 30)
      out.push(`Only ${step.visits} finished visits to ${step.stage}: its service time is a rough guess.`);
  }
  for (const c of classes) {
    if (!c.steady)
      out.push(
        `Arrivals of ${c.id} were not steady (per quarter ${c.quarters.join(', ')}): the model follows the quarters' rates, and anything run past the history carries the last quarter's on.`,
      );
    for (const s of c.sometimesSkipped)
      out.push(
        `${pct(1 - s.share)} of done ${c.id} items skipped ${s.stage}; the model sends every ${c.id} item through it.`,
      );
    for (const s of c.skipped)
      out.push(
        `${pct(s.share)} of done ${c.id} items went through ${s.stage}; the model sends none through it.`,
      );
  }
  if (history.format === 'stage dates')
    out.push(
      'Stage dates show only when an item last entered each stage: backward moves are not in them, so rework is not modelled (its time is inside the stages).',
    );
  if (history.dateOnly)
    out.push(
      'Dates have no time of day: times are whole days, and an item in and out of a stage on one date is taken to have spent half a day there.',
    );
  const waiting = stages.filter((s) => s.role === 'waiting');
  const first = stages.find((s) => s.role !== 'done');
  if (first?.role === 'waiting')
    out.push(
      `Lead time counts from entering ${first.name}; if the team commits to work later, its time there is no queue of the team's: count from the commitment point with --commit STAGE.`,
    );
  if (waiting.length === 0)
    out.push('No stage is named like a queue: give the waiting stages with --waiting if some are.');
  out.push(
    'Items still in progress at the end are left out of the service times, which shortens long stays a little.',
  );
}

function scenarioOf(report: FitReport, options: FitOptions): Record<string, unknown> {
  const nodeIds = uniqueIds(report.steps.map((s) => s.stage));
  report.steps.forEach((s, i) => {
    s.node = nodeIds[i];
  });
  const quarter = report.days / 4;
  const demand = report.classes.map((c) => {
    const entry: Record<string, unknown> = { id: c.id };
    if (c.type && c.type !== c.id) entry.name = c.type;
    if (c.steady) entry.interarrival = exponential(report.days / c.items);
    else {
      entry.interarrival = exponential(quarter / Math.max(c.quarters[0], 0.5));
      entry.schedule = c.quarters.slice(1).map((count, q) => ({
        from: round(quarter * (q + 1)),
        interarrival: exponential(quarter / Math.max(count, 0.5)),
      }));
    }
    entry.steps = c.steps;
    return entry;
  });
  const nodes = report.steps.map((s) => {
    const node: Record<string, unknown> = { id: s.node };
    if (s.node !== s.stage) node.name = s.stage;
    node.kind = 'team';
    node.capacity = s.capacity;
    node.serves = { [s.stage]: s.service.distribution };
    if (s.rework && s.rework.probability > 0)
      node.failure =
        s.rework.to === s.stage
          ? { probability: s.rework.probability }
          : { probability: s.rework.probability, reworkTo: s.rework.to };
    return node;
  });
  return {
    name: options.name ?? 'Fitted from a history',
    description: describeFit(report),
    timeUnit: 'day',
    run: {
      duration: Math.max(1, Math.ceil(report.days)),
      warmup: 0,
      seed: options.seed ?? 1,
      replications: options.replications ?? 20,
    },
    routing: 'fixed',
    demand,
    nodes,
  };
}

function exponential(mean: number): Distribution {
  return { dist: 'exponential', mean: round(mean) };
}

/** How every number was derived, in sentences: the scenario's description and the report's core. */
export function describeFit(report: FitReport): string {
  const parts = [
    `Fitted from ${report.items} items (${report.done} done) over ${Math.round(report.days)} days of a ${report.format} history. Time unit: calendar days.`,
  ];
  for (const c of report.classes)
    parts.push(
      `Class ${c.id}: ${c.items} items, arriving at random (Poisson) at ${num(c.rate)} a day${c.steady ? '' : `, not steadily: per quarter ${c.quarters.join(', ')}`}; steps ${c.steps.join(' → ')} (the working stages at least half its done items went through).`,
    );
  for (const s of report.steps) {
    const fit = s.service;
    const how =
      fit.family === 'empirical'
        ? `the ${s.visits} measured times replayed (no family fit: the closest, ${fit.candidates[0]?.family}, is ${num(fit.candidates[0]?.distance ?? 0)} from them by Kolmogorov-Smirnov, above ${num(fit.critical)})`
        : fit.family === 'constant'
          ? `a constant ${num(fit.mean)} days`
          : `${fit.family}, mean ${num(fit.mean)} days, cv ${num(fit.cv)}, fitted to ${s.visits} finished visits (Kolmogorov-Smirnov ${fit.candidates.map((c) => `${c.family} ${num(c.distance)}`).join(', ')}; up to ${num(fit.critical)} fits)`;
    const queue = s.queue.length > 0 ? ` Its queue is ${s.queue.join(' and ')}.` : '';
    const rework = s.rework
      ? ` Rework: ${s.rework.moves} backward moves over ${s.visits} visits, probability ${num(s.rework.probability)}${s.rework.to === s.stage ? ', back to the same step' : `, back to ${s.rework.to}`}${s.rework.note ? ` (${s.rework.note})` : ''}.`
      : '';
    parts.push(
      `${s.stage}: capacity ${s.capacity} (${s.capacityFrom}); service time ${how}.${queue}${rework}`,
    );
  }
  if (report.merged.length > 0)
    parts.push(`Types with fewer than ${MIN_CLASS} items joined class other: ${report.merged.join(', ')}.`);
  parts.push(`Check: ${report.assumptions.join(' ')}`);
  return parts.join(' ');
}

/** Node and class ids from names: the schema's identifier rule, each unique. */
function uniqueIds(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const base =
      name
        .toLowerCase()
        .replace(/[^a-z0-9_.:-]+/g, '-')
        .replace(/^[^a-z0-9]+|-+$/g, '') || 'stage';
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    seen.add(id);
    return id;
  });
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function num(x: number): string {
  return String(Number(x.toPrecision(3)));
}
