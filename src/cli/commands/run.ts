/**
 * `flowlab run FILE`: simulate one scenario and show the flow metrics, or print the
 * result as JSON (exactly what the library's `simulate()` returns).
 */
import { createRun, planRun, planShard, type SimulationResult } from '../../index.ts';
import type { Scenario } from '../../model/scenario.ts';
import { nodeLoads } from '../../network/load.ts';
import { scenarioWarnings } from '../../network/scenario-warnings.ts';
import { stability } from '../../network/stability.ts';
import { defaultWorkers } from '../../node/index.ts';
import { blockerReports } from '../../report/blockers.ts';
import { bottleneckMoves, constraintSentence } from '../../report/constraint.ts';
import { deliveryLines } from '../../report/delivery.ts';
import { economicsLines } from '../../report/economics.ts';
import { joinReports } from '../../report/joins.ts';
import { type LeanFinding, leanFindings } from '../../report/lean.ts';
import { LOOPS, type Section } from '../../report/loops.ts';
import { count, number, percent, unitName, withInterval } from '../../report/numbers.ts';
import { survivorNote, type Verdict, verdictOf } from '../../report/verdict.ts';
import { alertLines } from '../alerts.ts';
import { HELP_FLAG, parse, REPLICATION_FLAGS, SPREAD_FLAGS, wholeNumber } from '../args.ts';
import { UsageError } from '../errors.ts';
import { showProgress } from '../job-progress.ts';
import { loadScenario } from '../load.ts';
import { layOut, loopHeading } from '../loop-heading.ts';
import { shardOutput } from '../output-file.ts';
import { runWithProgress } from '../progress.ts';
import { parseShard } from '../shard-arg.ts';
import { spread, spreadShard } from '../spread.ts';
import { table } from '../table.ts';
import { terminalText } from '../terminal-text.ts';

export const runHelp = `flowlab run FILE [options]

Simulates the scenario in FILE and prints lead time, cycle time, throughput, WIP,
flow efficiency and a table of nodes with the bottleneck marked, grouped in the three
loops of measurement: outcomes (outer), across teams (middle), at each node (inner). A node whose
arrivals offer it 100% or more of its capacity is named on stderr before the run
starts (flowlab validate gives the same warning). A run that stopped
early, or a node offered more work than it can do, is said first, in capitals.
In the node table, "wait share" is the share of all lead time items spent waiting in
the node's queue; the node where it is largest (and at least 5%) is the constraint
when it is not the busiest node.

Options:
  --seed N            use seed N instead of the file's run.seed
  --reps N            run N replications (95% intervals need at least 2)
  --set path=value    override any field before validation; repeatable.
                      Nodes and demand classes are addressed by id:
                      --set run.duration=500 --set nodes.analysts.capacity=3
  --workers N         run the replications on N worker threads (default: one per
                      core); the result is the same bytes for any N
  --shard k/n         run only the k-th of n slices of the replications and write it
                      with --out FILE; flowlab merge FILES... gives the whole result
  --out FILE          where --shard writes its partial result: never a file this
                      command reads; written whole or not at all
  --force             let --out replace an existing file that is not a partial result
  --json              print the result as JSON (the same as the library's simulate())
  -h, --help          this help

Examples:
  flowlab run scenarios/token-ring.json
  flowlab run scenarios/token-ring.json --reps 20 --set nodes.reviewers.capacity=3
  flowlab run scenarios/dynamic-network.json --json > result.json`;

export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('run', argv, {
    ...REPLICATION_FLAGS,
    ...SPREAD_FLAGS,
    json: { type: 'boolean' },
    ...HELP_FLAG,
  });
  if (values.help) {
    console.log(runHelp);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      `run: give exactly one scenario file (got ${positionals.length}); see flowlab run --help`,
    );
  const loaded = loadScenario(positionals[0], {
    set: values.set,
    seed: wholeNumber('seed', values.seed, 0),
    replications: wholeNumber('reps', values.reps, 1),
  });
  // Said before the run, so nobody waits for numbers that only measure how long it was.
  for (const warning of scenarioWarnings(loaded.scenario, nodeLoads(loaded.scenario)))
    console.error(terminalText(`warning: ${warning}`));
  const show = showProgress(values.json === true);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (typeof shard === 'string') throw new UsageError(`run: ${shard}`);
  const out = shardOutput('run', shard, values, positionals[0]);
  let result: SimulationResult;
  // Replications spread over one thread per core, and run as jobs even on one, so Ctrl-C
  // between them keeps those that finished; a single replication has nothing to spread.
  const replications = loaded.scenario.run.replications;
  const workers = wholeNumber('workers', values.workers, 1) ?? Math.min(defaultWorkers(), replications);
  const spreading = { workers, show, label: loaded.scenario.name };
  if (shard && out) {
    const written = await spreadShard(planShard(loaded.document, [], shard), out, spreading);
    console.error(`wrote ${written.file}: ${count(written.jobs, 'replication')} of ${written.total}`);
    return 0;
  }
  if (replications > 1) {
    const outcome = await spread(planRun(loaded.document), spreading);
    if (outcome.kind === 'stopped') {
      if (outcome.result)
        console.log(
          values.json
            ? JSON.stringify(outcome.result, null, 2)
            : describeResult(outcome.result, loaded.scenario),
        );
      console.error(
        `stopped by ${outcome.by}: ${outcome.finished} of ${outcome.total} replications finished`,
      );
      return outcome.exitCode;
    }
    result = outcome.result;
  } else {
    const run = createRun(loaded.document);
    runWithProgress(run, show, loaded.scenario.name);
    result = run.result();
  }
  console.log(values.json ? JSON.stringify(result, null, 2) : describeResult(result, loaded.scenario));
  return 0;
}

/** The nodes whose offered load is an estimate rather than exact, with the reason. */
export function estimatedLoads(scenario: Scenario): Map<string, string> {
  return new Map(
    nodeLoads(scenario).flatMap((n) => (n.exact ? [] : [[n.id, n.estimateReason ?? 'an estimate']])),
  );
}

/**
 * The readable report of one result, loop by loop (src/report/loops.ts): the outcomes, then
 * what happens across teams, then at each node. With the scenario, it says first whether any
 * node is overloaded, and marks with "~" the nodes whose offered load is an estimate, with the
 * reason beneath the table.
 */
export function describeResult(r: SimulationResult, scenario?: Scenario): string {
  const estimated = scenario ? estimatedLoads(scenario) : new Map<string, string>();
  const verdict = verdictOf(r, scenario && stability(scenario));
  const unit = r.timeUnit;
  const units = unitName(unit);
  const lines: string[] = [];
  lines.push(`${r.scenario}`);
  lines.push(
    `seed ${r.seed}, ${count(r.replications, 'replication')}, routing ${r.routing}, ` +
      `time in ${units}, window ${number(r.window.warmup)}–${number(r.window.duration)}, ${stopped(r)}`,
  );
  if (r.window.warmupChosenBy === 'MSER-5')
    lines.push(`warm-up ${number(r.window.warmup)} ${unitName(unit, r.window.warmup)} (chosen by MSER-5)`);
  if (!verdict.sound) lines.push('', ...alertLines(verdict));
  const said = sections(r, verdict, estimated);
  for (const loop of LOOPS) {
    const parts = loop.sections.flatMap((s) => said[s]());
    if (parts.length > 0) lines.push('', ...loopHeading(loop), '', ...layOut(parts));
  }
  if (r.replications < 2) lines.push('', 'one replication, so no 95% intervals: add --reps 10 for them');
  if (r.warnings.length > 0) lines.push('', ...r.warnings.map((w) => `warning: ${w}`));
  return terminalText(lines.join('\n'));
}

/** A part of the report: lines of the list of measures, and blocks (tables) set apart. */
type Said = (string | string[])[];

/**
 * What the terminal says of each part of a result (see layOut). The parts only the page draws
 * (the network, the cumulative flow, the queues over time) say nothing here.
 */
function sections(
  r: SimulationResult,
  verdict: Verdict,
  estimated: ReadonlyMap<string, string>,
): Record<Section, () => Said> {
  const unit = r.timeUnit;
  const units = unitName(unit);
  const lean = (key: LeanFinding['key']) => () =>
    leanFindings(r)
      .filter((f) => f.key === key)
      .map((f) => `${f.label.padEnd(16)} ${f.text}`);
  const pageOnly = () => [];
  return {
    'lead-time': () => {
      const survivors = survivorNote(verdict);
      const row = (label: string, t: SimulationResult['leadTime']) => [
        label,
        withInterval(t.mean, t.ci95),
        number(t.p50),
        number(t.p85),
        number(t.p95),
        number(t.max),
      ];
      const times = table(
        [
          `time (${units})`,
          `${survivors ?? 'mean'}${r.replications > 1 ? ' ± 95% interval' : ''}`,
          'p50',
          'p85',
          'p95',
          'max',
        ],
        [row('lead time', r.leadTime), row('cycle time', r.cycleTime)],
      );
      const p85 = r.leadTime.p85ci95;
      return [
        [times],
        ...(p85
          ? [
              `p85 lead time    ${number(r.leadTime.p85)}, 95% interval ${number(p85[0])} to ${number(p85[1])}`,
            ]
          : []),
      ];
    },
    throughput: () => [
      `throughput       ${withInterval(r.throughput, r.throughputCi95)} items per ${unitName(unit, 1)}`,
    ],
    wip: () => [
      `WIP              ${withInterval(r.wip.mean, r.wip.ci95)} items on average (most ${r.wip.max})`,
    ],
    'littles-law': () => [
      `Little's law     WIP ${number(r.littlesLaw.wip)} vs throughput x lead time ${number(r.littlesLaw.throughputTimesLeadTime)} ` +
        `(${percent(Math.abs(r.littlesLaw.relativeDifference))} apart)`,
    ],
    completed: () => [
      `completed        ${count(r.completed, 'item')} after warm-up${r.replications > 1 ? `, over all ${r.replications} replications` : ''}`,
    ],
    rejected: lean('rejected'),
    // A class's share of the cost of delay, and a node's of the cost of capacity, is indented under it.
    economics: () =>
      economicsLines(r).map((e) =>
        e.part ? `  ${e.label.padEnd(14)} ${e.text}` : `${e.label.padEnd(16)} ${e.text}`,
      ),
    // DORA's four measures, with the label column widened to their names.
    delivery: () => deliveryLines(r).map((d) => `${d.label.padEnd(22)} ${d.text}`),
    classes: () => {
      const classes = Object.entries(r.classes);
      if (classes.length < 2) return [];
      return [
        [
          table(
            ['class', 'done', `mean lead time`, 'p85', 'mean cycle time'],
            classes.map(([id, c]) => [
              id,
              number(c.completed),
              withInterval(c.leadTime.mean, c.leadTime.ci95),
              number(c.leadTime.p85),
              number(c.cycleTime.mean),
            ]),
          ),
        ],
      ];
    },
    'flow-efficiency': () => [`flow efficiency  ${percent(r.flowEfficiency)} of lead time is touch time`],
    handoffs: lean('handoffs'),
    rework: lean('rework'),
    'blast-radius': lean('blast-radius'),
    backlog: lean('backlog'),
    network: pageOnly,
    'cumulative-flow': pageOnly,
    'time-in-steps': () => {
      const steps = timeInStepsTable(r);
      return steps ? [[steps]] : [];
    },
    joins: () => {
      const joins = joinReports(r);
      if (joins.length === 0) return [];
      return [
        [
          table(
            [
              'parallel step',
              'branches',
              `waited for the slowest (${unitName(unit, 2)})`,
              'fork to join',
              'last to be done',
            ],
            joins.map((j) => [j.where, j.branches, j.wait, j.span, j.last]),
          ),
        ],
      ];
    },
    constraint: () => [`constraint: ${constraintSentence(r, verdict)}`],
    'moving-bottleneck': () => {
      const moving = bottleneckMoves(r);
      return moving ? [moving] : [];
    },
    nodes: () => [
      [
        nodeTable(r, estimated, verdict),
        ...[...estimated]
          .filter(([id]) => id in r.nodes)
          .map(([id, reason]) => `~ ${id}: an estimate: ${reason}`),
      ],
    ],
    queues: pageOnly,
    'work-item-age': lean('work-item-age'),
    outages: lean('outages'),
    blockers: () => {
      const blockers = blockerReports(r);
      if (blockers.length === 0) return [];
      return [
        [
          table(
            [
              'blocked at',
              'while blocked',
              'items blocked',
              `blocked for (${unitName(unit, 2)})`,
              'share of lead time',
            ],
            blockers.map((b) => [b.where, b.policy, b.blocked, b.time, b.share]),
          ),
        ],
      ];
    },
  };
}

/**
 * Where a completed item's lead time goes, step by step: the wait before each step's work
 * (queue, blocking, handoff, pauses), the work, and the step's flow efficiency; the backlog
 * before commitment first when there is one, the whole lead time last.
 */
function timeInStepsTable(r: SimulationResult): string | undefined {
  const { backlog, steps } = r.timeInSteps;
  if (steps.length === 0) return undefined;
  const wait = backlog + steps.reduce((sum, s) => sum + s.wait, 0);
  const work = steps.reduce((sum, s) => sum + s.work, 0);
  const rows = [
    ...(backlog > 0 ? [['backlog (before commitment)', number(backlog), number(0), percent(0)]] : []),
    ...steps.map((s) => [s.step, number(s.wait), number(s.work), percent(s.flowEfficiency)]),
    ['lead time', number(wait), number(work), percent(wait + work > 0 ? work / (wait + work) : 0)],
  ];
  return table([`time per item (${unitName(r.timeUnit)})`, 'wait', 'work', 'flow efficiency'], rows);
}

function stopped(r: SimulationResult): string {
  if (r.stoppedBy === 'drained') return 'all work finished';
  if (r.stoppedBy === 'deadlock') return 'STOPPED: deadlock';
  if (r.stoppedBy === 'stalled') return 'STOPPED: stalled (events outran the clock; see the warning)';
  if (r.stoppedBy === 'overflow') return 'STOPPED: too many items in the system (see the warning)';
  return 'STOPPED at run.maxTime with work in progress';
}

function nodeTable(r: SimulationResult, estimated: ReadonlyMap<string, string>, verdict: Verdict): string {
  const ids = Object.keys(r.nodes);
  const anyBlocked = ids.some((id) => r.nodes[id].blocked > 0);
  const anyDown = ids.some((id) => r.nodes[id].timeDown > 0);
  const header = [
    'node',
    'kind',
    'servers',
    'utilisation',
    'wait share',
    'offered',
    'queue',
    'max queue',
    `wait (${unitName(r.timeUnit)})`,
    'served',
  ];
  // Finished work waiting for room downstream; not the blockers' "blocked at", which is
  // work waiting on something outside the stream.
  if (anyBlocked) header.push('held up by full next step');
  if (anyDown) header.push('down');
  header.push('');
  const rows = ids.map((id) => {
    const n = r.nodes[id];
    const row = [
      id,
      n.kind,
      String(n.capacity),
      percent(n.utilization),
      percent(n.waitShareOfLeadTime),
      `${estimated.has(id) ? '~' : ''}${percent(n.offeredLoad)}`,
      number(n.queue.mean),
      String(n.queue.max),
      number(n.wait.mean),
      number(n.served),
    ];
    if (anyBlocked) row.push(number(n.blocked));
    if (anyDown) row.push(number(n.timeDown));
    const marks = [
      id === r.bottleneck ? 'bottleneck (busiest)' : '',
      id === verdict.constraint?.node ? 'constraint (items wait longest)' : '',
      n.offeredLoad >= 1 ? 'overloaded' : '',
    ].filter(Boolean);
    row.push(marks.length > 0 ? `◀ ${marks.join(', ')}` : '');
    return row;
  });
  return table(header, rows);
}
