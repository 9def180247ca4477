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

/** Offered load of each node (the arrival rate that gives it), and each node's capacity. */
export function sweepParameters(scenario: Scenario): SweepParameter[] {
  return [
    ...scenario.nodes.map((n) => ({
      path: `utilization.${n.id}`,
      label: `Load on ${n.id} (sets the arrival rate)`,
      values: '0.5:0.95:0.05',
    })),
    ...scenario.nodes.map((n) => ({
      path: `nodes.${n.id}.capacity`,
      label: `Capacity of ${n.id}`,
      values: `${Math.max(1, n.capacity - 1)}:${n.capacity + 3}:1`,
    })),
  ];
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
