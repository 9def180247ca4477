/**
 * The sandbox's sweep: which parameters a coach can sweep for a scenario, the request the
 * form makes (the same axis syntax as `flowlab sweep --vary`), and the lines a chart draws:
 * one per routing strategy, a chosen metric against the swept value, with its 95% band.
 */
import {
  parseAxis,
  type Scenario,
  type SimulationResult,
  type SweepAxis,
  type SweepResult,
} from '../../src/index.ts';
import { verdictOf } from '../../src/report/index.ts';

export interface SweepParameter {
  path: string;
  label: string;
  /** What the values field starts with. */
  values: string;
}

/**
 * What a coach can sweep: the offered load of each node (the arrival rate that gives it) and
 * each node's capacity first, then every other number the scenario as typed sets (a WIP limit,
 * a batch size, a gate's interval, a failure probability, a class of work's arrival interval,
 * a service time), each under the names the scenario gives its nodes, classes and steps.
 */
export function sweepParameters(scenario: Scenario, document?: unknown): SweepParameter[] {
  const first = [
    ...scenario.nodes.map((n) => ({
      path: `utilization.${n.id}`,
      label: `Load on ${n.id} (sets the arrival rate)`,
      values: '0.5:0.95:0.05',
    })),
    ...scenario.nodes.map((n) => ({
      path: `${itemPath('nodes', n.id, scenario.nodes.indexOf(n))}.capacity`,
      label: `Capacity of ${n.id}`,
      values: `${Math.max(1, n.capacity - 1)}:${n.capacity + 3}:1`,
    })),
  ];
  const seen = new Set(first.map((p) => p.path));
  return [...first, ...numbersIn(document).filter((p) => !seen.has(p.path))];
}

/** How a part of a scenario reads in a label, by its key. */
const WORDS: Record<string, string> = {
  interarrival: 'time between arrivals',
  serves: 'service time of',
  wipLimit: 'WIP limit',
  batch: 'batch',
  failure: 'failure',
  // A node's outages read by their parts: "time between outages", "outage length".
  outages: '',
  mtbf: 'time between outages',
  mttr: 'outage length',
  schedule: 'schedule',
  capacitySchedule: 'capacity schedule',
  multitasking: 'multitasking',
  blocker: 'blocker',
  switchCost: 'switch cost',
  handoff: 'handoff delay',
  costOfDelay: 'cost of delay',
  capacityCost: 'cost of capacity',
  laterRate: 'later rate',
  perServer: 'per server',
  perTime: 'per time unit',
  perItem: 'per item',
  mean: '(mean)',
  cv: '(variability, cv)',
  every: 'opens every',
  open: 'stays open',
};

/** Keys whose numbers are whole numbers, swept in steps of one. */
const WHOLE = new Set(['capacity', 'wipLimit', 'size', 'priority', 'k']);
/** Keys whose numbers are shares between 0 and 1. */
const SHARES = new Set(['probability', 'switchCost']);
/** Numbers that are not the system's design: how the run is done, or which shape a distribution has. */
const NOT_SWEPT = new Set(['run', '$schema']);

/** A key as a sweep path writes it: as is when plain, in brackets as JSON otherwise. */
function key(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_:-]*$/.test(k) ? k : `[${JSON.stringify(k)}]`;
}

function join(path: string, k: string): string {
  const written = key(k);
  return path === '' ? written : written.startsWith('[') ? `${path}${written}` : `${path}.${written}`;
}

/** A node or class of work in a path: by its id, or by its place when the id reads as a number. */
function itemPath(list: string, id: unknown, index: number): string {
  return typeof id === 'string' && id !== '' && !/^\d+$/.test(id) ? join(list, id) : `${list}.${index}`;
}

function numbersIn(document: unknown): SweepParameter[] {
  const out: SweepParameter[] = [];
  const walk = (value: unknown, path: string, owner: string, words: string[], last: string) => {
    if (typeof value === 'number' && Number.isFinite(value)) {
      const label = words.filter(Boolean).join(' ');
      out.push({ path, label: owner ? `${owner}: ${label}` : label, values: rangeAround(value, last) });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, `${path}.${i}`, owner, [...words, `#${i + 1}`], last);
      });
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      // An empirical distribution's samples are data, not a setting to vary one at a time.
      if (k === 'dist' || k === 'values') continue;
      walk(v, join(path, k), owner, [...words, WORDS[k] ?? k], k);
    }
  };
  if (!document || typeof document !== 'object' || Array.isArray(document)) return out;
  for (const [k, v] of Object.entries(document)) {
    if (NOT_SWEPT.has(k)) continue;
    if ((k === 'nodes' || k === 'demand') && Array.isArray(v)) {
      v.forEach((item, i) => {
        if (!item || typeof item !== 'object') return;
        const id = (item as { id?: unknown }).id;
        const owner = typeof id === 'string' && id !== '' ? id : `${k} #${i + 1}`;
        const at = itemPath(k, id, i);
        for (const [field, inner] of Object.entries(item)) {
          if (field === 'id') continue;
          walk(inner, join(at, field), owner, [WORDS[field] ?? field], field);
        }
      });
      continue;
    }
    walk(v, key(k), '', [WORDS[k] ?? k], k);
  }
  return out;
}

/** A first range to sweep: whole steps around a count, 0 to 0.5 for a share, half to one and a half times otherwise. */
function rangeAround(v: number, last: string): string {
  const round = (x: number) => Number(x.toPrecision(3));
  if (WHOLE.has(last) && Number.isInteger(v))
    return `${Math.max(last === 'priority' ? v - 2 : 1, v - 2)}:${v + 3}:1`;
  if (SHARES.has(last)) return '0:0.5:0.05';
  if (v === 0) return '0:1:0.1';
  const a = round(v * 0.5);
  const b = round(v * 1.5);
  return `${Math.min(a, b)}:${Math.max(a, b)}:${round(Math.abs(v) * 0.1)}`;
}

export interface SweepRequest {
  axes: SweepAxis[];
  /** The swept parameter: the chart's x axis. */
  x: string;
}

/** The axes for a sweep of `path` over `values`, one line per routing strategy; or what is wrong. */
export function sweepRequest(
  path: string,
  values: string,
  strategies: readonly string[],
): SweepRequest | string {
  const axis = parseAxis(`${path}=${values}`);
  if (typeof axis === 'string') return axis.replace(/^--vary /, '');
  if (axis.values.length < 2) return 'give at least two values to sweep';
  if (axis.values.length > 60)
    return `${axis.values.length} values is more than a chart can show well (at most 60)`;
  if (axis.values.some((v) => typeof v !== 'number')) return 'the swept values must be numbers';
  if (strategies.length === 0) return 'choose at least one routing strategy';
  return { axes: [{ path: 'routing', values: [...strategies] }, axis], x: axis.path };
}

export interface SweepMetric {
  label: string;
  value: (r: SimulationResult) => number;
  interval: (r: SimulationResult) => readonly [number, number] | null;
  /** Whether the metric is a time, in the scenario's unit. */
  time: boolean;
}

export const SWEEP_METRICS: Record<string, SweepMetric> = {
  'lead-time-mean': {
    label: 'Mean lead time',
    value: (r) => r.leadTime.mean,
    interval: (r) => r.leadTime.ci95,
    time: true,
  },
  'lead-time-p85': {
    label: '85th percentile lead time',
    value: (r) => r.leadTime.p85,
    interval: (r) => r.leadTime.p85ci95,
    time: true,
  },
  throughput: {
    label: 'Throughput',
    value: (r) => r.throughput,
    interval: (r) => r.throughputCi95,
    time: false,
  },
  wip: { label: 'Work in progress', value: (r) => r.wip.mean, interval: (r) => r.wip.ci95, time: false },
};

export interface SweepLine {
  key: string;
  label: string;
  /**
   * `unsound` says why a point's numbers are not the system's: a node there cannot keep up,
   * or its run stopped early ("unstable: review 112%", "stopped: deadlock").
   */
  points: { x: number; y: number; lo: number; hi: number; unsound?: string }[];
  /** Points that could not run, with the reason. */
  failed: { x: number; error: string }[];
}

export function sweepLines(sweep: SweepResult, x: string, metric: SweepMetric): SweepLine[] {
  const strategies = sweep.axes.find((a) => a.path === 'routing')?.values ?? [''];
  return strategies.map((strategy) => {
    const line: SweepLine = { key: String(strategy), label: String(strategy), points: [], failed: [] };
    for (const p of sweep.points) {
      if ((p.values.routing ?? '') !== strategy) continue;
      const at = Number(p.values[x]);
      if (!p.result) {
        line.failed.push({ x: at, error: p.error ?? 'did not run' });
        continue;
      }
      const y = metric.value(p.result);
      const ci = metric.interval(p.result);
      const verdict = verdictOf(p.result, p.stability);
      line.points.push({
        x: at,
        y,
        lo: ci ? ci[0] : y,
        hi: ci ? ci[1] : y,
        ...(verdict.sound ? {} : { unsound: verdict.status }),
      });
    }
    return line;
  });
}
