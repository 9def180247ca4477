/**
 * What a comparison says: each variant's verdict, and how each variant that may be ranked
 * differs from the baseline in mean lead time and throughput (and, where both have
 * economics, in cost of delay, cost of capacity, total cost and value delivered: the amount of
 * money, and the percentage), with the paired 95% interval from `compare()` (common random
 * numbers); where each variant's constraint is, and whether
 * it moved from the baseline's; and, for the cards beside them, where both have a release, in
 * DORA's four measures, and where both have blockers, in the share of lead time spent blocked;
 * and, where both have economics and one turned more work away (or, as many items, more
 * valuable work), that its money leaves it out.
 * The words are chosen here, once; the terminal
 * (src/cli/commands/compare.ts) and the page (web/viewmodel/sentences.ts) only lay them out,
 * so the two never describe the same difference differently.
 */
import type { Comparison, Difference } from '../experiment/compare.ts';
import { constraintCell, constraintMove } from './constraint.ts';
import type { Section } from './loops.ts';
import { change, number, unitName } from './numbers.ts';
import { turnedAwayComparison } from './turned-away.ts';
import { unranked, type Verdict, verdictOf } from './verdict.ts';

export type Measure =
  | 'leadTime'
  | 'throughput'
  | 'costOfDelay'
  | 'capacityCost'
  | 'totalCost'
  | 'value'
  | DeliveryMeasure
  | 'blockedShare';

/** DORA's four measures, in the order delivery.ts says them. */
export type DeliveryMeasure =
  | 'deploymentFrequency'
  | 'leadTimeForChanges'
  | 'changeFailureRate'
  | 'timeToRestore';

/** Said when the interval runs from one side of no difference to the other. */
export const CHANCE = 'this could be chance';

/**
 * Said when the interval reaches past 100% lower, which no time and no rate can be: the
 * interval (a ratio's, by the delta method) is too wide to pin the difference down.
 */
export const TOO_WIDE = 'wider than the difference can be: run more replications';

/**
 * How a difference in each measure is said: a time is shorter or longer, a rate lower or
 * higher. Money is said first as an amount, less or more, then as a percentage, lower or higher.
 */
const MEASURES = {
  leadTime: { label: 'mean lead time', down: 'shorter', up: 'longer', section: 'lead-time' },
  throughput: { label: 'throughput', down: 'lower', up: 'higher', section: 'throughput' },
  costOfDelay: { label: 'cost of delay', down: 'lower', up: 'higher', section: 'economics', money: true },
  capacityCost: { label: 'cost of capacity', down: 'lower', up: 'higher', section: 'economics', money: true },
  totalCost: { label: 'total cost', down: 'lower', up: 'higher', section: 'economics', money: true },
  value: { label: 'value delivered', down: 'lower', up: 'higher', section: 'economics', money: true },
  deploymentFrequency: { label: 'deployment frequency', down: 'lower', up: 'higher', section: 'delivery' },
  leadTimeForChanges: { label: 'lead time for changes', down: 'shorter', up: 'longer', section: 'delivery' },
  changeFailureRate: { label: 'change failure rate', down: 'lower', up: 'higher', section: 'delivery' },
  timeToRestore: { label: 'time to restore', down: 'shorter', up: 'longer', section: 'delivery' },
  blockedShare: { label: 'share of lead time blocked', down: 'lower', up: 'higher', section: 'blockers' },
} as const satisfies Record<
  Measure,
  { label: string; down: string; up: string; section: Section; money?: true }
>;

/** What a measure is called wherever it is said: "cost of delay", "share of lead time blocked". */
export function measureLabel(m: Measure): string {
  return MEASURES[m].label;
}

/** The part of a result a measure belongs to: "economics", "delivery", "blockers". */
export function measureSection(m: Measure): Section {
  return MEASURES[m].section;
}

/** How an amount of money is said to differ. */
const AMOUNT = { down: 'less', up: 'more' } as const;

/** The order findings are said in; the money measures only where both variants have economics. */
const MEASURE_ORDER: readonly Measure[] = [
  'leadTime',
  'throughput',
  'costOfDelay',
  'capacityCost',
  'totalCost',
  'value',
];

/** The order the delivery card says its differences in. */
const DELIVERY_ORDER: readonly DeliveryMeasure[] = [
  'deploymentFrequency',
  'leadTimeForChanges',
  'changeFailureRate',
  'timeToRestore',
];

/** What the paired 95% interval adds to a difference. */
export type FindingInterval =
  /** One replication: nothing varies, so there is no interval. */
  | { kind: 'one-replication' }
  /** Both ends on one side: "38% to 48%" (or "749,783 to 1,752,073"), smaller first, and the side ("shorter"). */
  | { kind: 'clear'; range: string; word: string; tooWide: boolean }
  /** The ends on either side of no difference: "from 2% shorter to 3% longer". */
  | { kind: 'chance'; range: string };

/** One measure of one variant against the baseline. */
export interface Finding {
  variant: string;
  baseline: string;
  measure: Measure;
  /** "mean lead time", "throughput". */
  label: string;
  /** The part of the result it is about, which places it in its loop (loops.ts). */
  section: Section;
  /**
   * "43% shorter", or "0.5 items per day higher" when the baseline's is 0 (no percentage of
   * nothing); for money the amount, "1,250,928 more"; null when the two are the same.
   */
  change: string | null;
  /**
   * Null when there is nothing to add: the two are identical, or there is no relative
   * interval. For money, the amount's interval ("749,783 to 1,752,073", "more").
   */
  interval: FindingInterval | null;
  /**
   * For money, said after the amount and its interval: the difference as a percentage of the
   * baseline's, "98% higher"; absent for other measures, when the two are the same, and when
   * the baseline's is 0.
   */
  percent?: string;
}

export interface VariantReport {
  name: string;
  verdict: Verdict;
  /** Why it is not ranked against the baseline (absent for the baseline and ranked variants). */
  unranked?: string;
  /** Its differences from the baseline; none for the baseline and for a variant not ranked. */
  findings: Finding[];
  /** Where items wait longest and the share of lead time they wait there: "review 19%", or "none". */
  constraint: string;
  /** Whether the constraint moved from the baseline's (absent for the baseline). */
  constraintMove?: string;
  /** Likewise in DORA's four measures, where both have a release (the delivery card's). */
  delivery: Finding[];
  /** Likewise in the share of lead time spent blocked, where both have blockers (the blockers card's). */
  blockers: Finding[];
  /**
   * Where both have economics and one turned more work away than the other, or as many items
   * but more valuable work, which did and what that does to its money (turned-away.ts); absent
   * for the baseline. Said even of a variant
   * not ranked, whose amounts are still shown.
   */
  turnedAway?: string;
}

export interface ComparisonReport {
  baseline: string;
  variants: VariantReport[];
}

export function comparisonReport(c: Comparison): ComparisonReport {
  const judged = c.variants.map((v) => ({ name: v.name, verdict: verdictOf(v.result, v.stability) }));
  const timeUnit = c.variants[0].result.timeUnit;
  const units: Record<Measure, string> = {
    leadTime: unitName(timeUnit),
    throughput: `items per ${unitName(timeUnit, 1)}`,
    costOfDelay: 'per replication',
    capacityCost: 'per replication',
    totalCost: 'per replication',
    value: 'per replication',
    deploymentFrequency: `deployments per ${unitName(timeUnit, 1)}`,
    leadTimeForChanges: unitName(timeUnit),
    changeFailureRate: 'of deployments',
    timeToRestore: unitName(timeUnit),
    blockedShare: 'of lead time',
  };
  return {
    baseline: c.baseline,
    variants: c.variants.map((v, i) => {
      const not = i === 0 ? undefined : unranked(judged[0], judged[i]);
      const vs = v.vsBaseline;
      const said = (order: readonly Measure[]) =>
        vs && !not
          ? order.flatMap((m) => {
              const d = vs[m];
              return d
                ? [finding(d, { variant: v.name, baseline: c.baseline, measure: m, unit: units[m] })]
                : [];
            })
          : [];
      return {
        ...judged[i],
        ...(not ? { unranked: not } : {}),
        findings: said(MEASURE_ORDER),
        delivery: said(DELIVERY_ORDER),
        blockers: said(['blockedShare']),
        constraint: constraintCell(v.result),
        ...(i === 0 ? {} : { constraintMove: constraintMove(c.variants[0], v.result) }),
        ...turnedAway(i === 0 ? undefined : turnedAwayComparison(c.variants[0], v)),
      };
    }),
  };
}

const turnedAway = (said: string | undefined) => (said === undefined ? {} : { turnedAway: said });

interface Subject {
  variant: string;
  baseline: string;
  measure: Measure;
  /** Of the absolute difference, said when the baseline's is 0: "days", "items per day". */
  unit: string;
}

/** One difference in words. */
export function finding(d: Difference, s: Subject): Finding {
  const m = MEASURES[s.measure];
  const { label, down, up, section } = m;
  const word = (x: number) => (x < 0 ? down : up);
  const base = { variant: s.variant, baseline: s.baseline, measure: s.measure, label, section };
  if ('money' in m) return moneyFinding(d, base, word);
  if (d.relative === null)
    return {
      ...base,
      change: d.diff === 0 ? null : `${number(Math.abs(d.diff))} ${s.unit} ${word(d.diff)}`,
      interval: null,
    };
  const said = d.relative === 0 ? null : `${change(d.relative)} ${word(d.relative)}`;
  const ci = d.relativeCi95;
  if (!ci) return { ...base, change: said, interval: { kind: 'one-replication' } };
  const [lo, hi] = ci;
  if (lo === 0 && hi === 0) return { ...base, change: said, interval: null };
  if (lo < 0 && hi > 0)
    return {
      ...base,
      change: said,
      interval: { kind: 'chance', range: `from ${change(lo)} ${word(lo)} to ${change(hi)} ${word(hi)}` },
    };
  // Both ends on the same side: the sizes of the same change, smaller first.
  const [a, b] = [Math.abs(lo), Math.abs(hi)].sort((x, y) => x - y);
  return {
    ...base,
    change: said,
    interval: { kind: 'clear', range: `${change(a)} to ${change(b)}`, word: word(lo), tooWide: lo < -1 },
  };
}

/**
 * A difference in money: the amount per replication with its paired interval (money may be
 * less or more by any amount, so no interval is too wide), then the percentage of the
 * baseline's, "1,250,928 more (95% interval 749,783 to 1,752,073 more), 98% higher".
 */
function moneyFinding(
  d: Difference,
  base: Omit<Finding, 'change' | 'interval' | 'percent'>,
  word: (x: number) => string,
): Finding {
  const more = (x: number) => (x < 0 ? AMOUNT.down : AMOUNT.up);
  const percent =
    d.relative === null || d.relative === 0 ? {} : { percent: `${change(d.relative)} ${word(d.relative)}` };
  const said = d.diff === 0 ? null : `${number(Math.abs(d.diff))} ${more(d.diff)}`;
  if (!d.ci95) return { ...base, change: said, interval: { kind: 'one-replication' }, ...percent };
  const [lo, hi] = d.ci95;
  if (lo === 0 && hi === 0) return { ...base, change: said, interval: null, ...percent };
  if (lo < 0 && hi > 0)
    return {
      ...base,
      change: said,
      interval: {
        kind: 'chance',
        range: `from ${number(Math.abs(lo))} ${more(lo)} to ${number(Math.abs(hi))} ${more(hi)}`,
      },
      ...percent,
    };
  const [a, b] = [Math.abs(lo), Math.abs(hi)].sort((x, y) => x - y);
  return {
    ...base,
    change: said,
    interval: { kind: 'clear', range: `${number(a)} to ${number(b)}`, word: more(lo), tooWide: false },
    ...percent,
  };
}
