/**
 * `flowlab compare FILE [FILE ...]`: variants side by side with common random numbers,
 * and how each differs from the first, in words, with a 95% interval.
 */
import type { EconomicsResult } from '../../experiment/result.ts';
import { type Comparison, planComparison, ROUTING_STRATEGIES } from '../../index.ts';
import { defaultWorkers } from '../../node/index.ts';
import {
  CHANCE,
  comparisonReport,
  type Finding,
  TOO_WIDE,
  type VariantReport,
} from '../../report/comparison.ts';
import { byLoop, type LoopKey, loopOf, type Section } from '../../report/loops.ts';
import { count, number, percent, unitName, withInterval } from '../../report/numbers.ts';
import { turnedAwayPerReplication } from '../../report/turned-away.ts';
import { alertLines } from '../alerts.ts';
import { HELP_FLAG, parse, REPLICATION_FLAGS, wholeNumber } from '../args.ts';
import { UsageError } from '../errors.ts';
import { showProgress } from '../job-progress.ts';
import { loadScenario } from '../load.ts';
import { loopHeading } from '../loop-heading.ts';
import { spread } from '../spread.ts';
import { table } from '../table.ts';
import { terminalText } from '../terminal-text.ts';

export const compareHelp = `flowlab compare FILE [FILE ...] [options]

Runs each scenario as a variant with the same seeds (common random numbers, so the
differences are not noise from different arrivals), side by side, and states how each
differs from the first in mean lead time and throughput, with a 95% interval, and
whether its constraint moved; its rows are grouped by loop (outcomes, across teams,
at each node).
A variant that stopped early (deadlock, time cap) or has a node offered more work
than it can do is flagged first and never ranked better or worse than another.

Options:
  --routing a,b,...   run every file under each of these routing strategies
                      (${ROUTING_STRATEGIES.join(', ')})
  --reps N            replications for every variant (default: the first file's)
  --seed N            seed for every variant (default: the first file's)
  --set path=value    override a field in every file; repeatable
  --workers N         worker threads (default: one per core, here ${defaultWorkers()});
                      the comparison is the same bytes for any N
  --json              print the comparison as JSON
  -h, --help          this help

Examples:
  flowlab compare scenarios/token-ring.json scenarios/dynamic-network.json
  flowlab compare scenarios/dynamic-network.json --routing fixed,shortest-queue,fastest --reps 20`;

export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('compare', argv, {
    routing: { type: 'string' },
    ...REPLICATION_FLAGS,
    workers: { type: 'string' },
    json: { type: 'boolean' },
    ...HELP_FLAG,
  });
  if (values.help) {
    console.log(compareHelp);
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError('compare: give at least one scenario file; see flowlab compare --help');
  const strategies = values.routing?.split(',').map((s) => s.trim()) ?? [];
  for (const s of strategies)
    if (!(ROUTING_STRATEGIES as readonly string[]).includes(s))
      throw new UsageError(`--routing: "${s}" is not a routing strategy (${ROUTING_STRATEGIES.join(', ')})`);
  if (positionals.length === 1 && strategies.length < 2)
    throw new UsageError('compare: give two or more files, or one file with --routing a,b');
  const seed = wholeNumber('seed', values.seed, 0);
  const replications = wholeNumber('reps', values.reps, 1);
  const variants = positionals.flatMap((file) =>
    (strategies.length > 0 ? strategies : [undefined]).map((routing) => {
      const loaded = loadScenario(file, { set: values.set, routing });
      return {
        name: routing ? `${loaded.scenario.name} (${routing})` : loaded.scenario.name,
        scenario: loaded.document,
      };
    }),
  );
  const spreading = {
    workers: wholeNumber('workers', values.workers, 1) ?? defaultWorkers(),
    show: showProgress(values.json === true),
    label: `${count(variants.length, 'variant')}`,
    unit: 'replications of all variants',
  };
  const outcome = await spread(planComparison(variants, { seed, replications }), spreading);
  const comparison = outcome.result;
  if (comparison)
    console.log(values.json ? JSON.stringify(comparison, null, 2) : describeComparison(comparison));
  if (outcome.kind === 'stopped') {
    console.error(
      `stopped by ${outcome.by}: ${outcome.finished} of ${outcome.total} replications finished` +
        (comparison
          ? `; compared over the first ${count(comparison.replications, 'replication')} of each variant`
          : ''),
    );
    return outcome.exitCode;
  }
  return 0;
}

/**
 * The readable comparison: each variant's status, then loop by loop (src/report/loops.ts) the
 * table's rows of that loop and what the report says of the variants against the baseline
 * there (the outcomes' differences with their intervals, whether the constraint moved).
 */
export function describeComparison(c: Comparison): string {
  const unit = c.variants[0].result.timeUnit;
  const report = comparisonReport(c);
  const judged = c.variants.map((v, i) => ({ ...v, ...report.variants[i] }));
  type Judged = (typeof judged)[number];
  const rows: [string, (v: Judged) => string, Section][] = [
    [
      `mean lead time (${unitName(unit)})`,
      ({ result: r, verdict }) =>
        `${withInterval(r.leadTime.mean, r.leadTime.ci95)}${verdict.survivors ? ` (${verdict.survivors.finished} finished)` : ''}`,
      'lead-time',
    ],
    [`p85 lead time`, ({ result: r }) => number(r.leadTime.p85), 'lead-time'],
    [`mean cycle time`, ({ result: r }) => number(r.cycleTime.mean), 'lead-time'],
    [`throughput (per ${unitName(unit, 1)})`, ({ result: r }) => number(r.throughput), 'throughput'],
    ['WIP', ({ result: r }) => number(r.wip.mean), 'wip'],
    ['flow efficiency', ({ result: r }) => percent(r.flowEfficiency), 'flow-efficiency'],
    ['constraint', (v) => v.constraint, 'constraint'],
    [
      'bottleneck',
      ({ result: r }) => `${r.bottleneck} ${percent(r.nodes[r.bottleneck].utilization)}`,
      'nodes',
    ],
  ];
  // Work turned away, where any variant turned some away, with or without money: the lead
  // times above and the money below leave it out (src/report/turned-away.ts).
  if (c.variants.some((v) => v.result.rejected > 0))
    rows.push([
      'turned away (per replication)',
      ({ result: r }) => `${number(turnedAwayPerReplication(r))} (${percent(r.rejectionRate)})`,
      'rejected',
    ]);
  // Money, per replication over the window, where any variant has economics ("–" where one has none).
  if (c.variants.some((v) => v.result.economics)) {
    const money = (f: (e: EconomicsResult) => string) => (v: Judged) =>
      v.result.economics ? f(v.result.economics) : '–';
    rows.push(
      ['cost of delay', money((e) => withInterval(e.costOfDelay.total, e.costOfDelay.ci95)), 'economics'],
      ['cost of capacity', money((e) => number(e.capacityCost.total)), 'economics'],
      ['total cost', money((e) => withInterval(e.totalCost.total, e.totalCost.ci95)), 'economics'],
      ['value delivered', money((e) => number(e.value.delivered)), 'economics'],
    );
    if (c.variants.some((v) => v.result.economics?.dueDates))
      rows.push(['late', money((e) => (e.dueDates ? percent(e.dueDates.shareLate) : '–')), 'economics']);
  }
  if (c.variants.some((v) => v.result.blockers))
    rows.push([
      'blocked (share of lead time)',
      ({ result: r }) => (r.blockers ? percent(r.blockers.share.mean) : '–'),
      'blockers',
    ]);
  const loops = byLoop(rows, (row) => row[2]);
  const [head, rule, status, ...body] = table(
    ['', ...c.variants.map((v) => v.name)],
    [
      ['status', ...judged.map((v) => v.verdict.status)],
      ...loops.flatMap((l) => l.items).map(([label, f]) => [label, ...judged.map(f)]),
    ],
  ).split('\n');
  const flags = judged.flatMap((v) => alertLines(v.verdict, `${v.name}: `));
  const lines = [
    `${c.variants.length} variants, seed ${c.seed}, ${count(c.replications, 'replication')} each, same random numbers`,
    '',
    ...(flags.length > 0 ? [...flags, ''] : []),
    head,
    rule,
    status,
  ];
  const said = sayVariants(report.variants.slice(1));
  let at = 0;
  for (const { loop, items } of loops) {
    lines.push('', ...loopHeading(loop), ...body.slice(at, at + items.length));
    at += items.length;
    const words = said.get(loop.key) ?? [];
    if (words.length > 0) lines.push('', ...words);
  }
  if (c.replications < 2)
    lines.push('', 'a 95% interval on a difference needs at least 2 replications: add --reps 10');
  for (const v of c.variants) for (const w of v.result.warnings) lines.push(`warning (${v.name}): ${w}`);
  return terminalText(lines.join('\n'));
}

/**
 * What is said of each variant against the baseline, by loop: its differences in the
 * outcomes and DORA's measures (or why it is not ranked) and, after its money, whether it or
 * the baseline turned more work away, in the middle loop whether its
 * constraint moved, and in the inner loop its difference in the share of lead time blocked.
 * A variant's second line lines up under its first, after its name.
 */
function sayVariants(variants: readonly VariantReport[]): Map<LoopKey, string[]> {
  const said = new Map<LoopKey, string[]>();
  const say = (loop: LoopKey | undefined, name: string, texts: string[]) => {
    if (!loop || texts.length === 0) return;
    const lines = texts.map((t, i) => `${i === 0 ? `${name}:` : ' '.repeat(name.length + 1)} ${t}`);
    said.set(loop, [...(said.get(loop) ?? []), ...lines]);
  };
  for (const v of variants) {
    if (v.unranked) say('outer', v.name, [v.unranked]);
    // What it turned away is said after its differences in money, which leave that work out.
    const lines: { section: Section; text: string }[] = [
      ...[...v.findings, ...v.delivery, ...v.blockers].map((f) => ({
        section: f.section,
        text: findingLine(f),
      })),
      ...(v.turnedAway ? [{ section: 'economics' as const, text: v.turnedAway }] : []),
    ];
    for (const { loop, items } of byLoop(lines, (l) => l.section))
      say(
        loop.key,
        v.name,
        items.map((l) => l.text),
      );
    if (v.constraintMove) say(loopOf('constraint'), v.name, [v.constraintMove]);
  }
  return said;
}

/**
 * A finding as one line of the terminal: "mean lead time 43% shorter than X (95% interval
 * 38% to 48% shorter)", or for money "cost of delay 1,250,928 more than X (95% interval
 * 749,783 to 1,752,073 more), 98% higher". The words are the report's
 * (src/report/comparison.ts).
 */
function findingLine(f: Finding): string {
  const head = `${f.label} ${f.change ? `${f.change} than` : 'the same as'} ${f.baseline}`;
  const percent = f.percent ? `, ${f.percent}` : '';
  const i = f.interval;
  if (i?.kind === 'clear')
    return `${head} (95% interval ${i.range} ${i.word}${i.tooWide ? `; ${TOO_WIDE}` : ''})${percent}`;
  if (i?.kind === 'chance') return `${head} (95% interval ${i.range}: ${CHANCE})${percent}`;
  return `${head}${percent}`;
}
