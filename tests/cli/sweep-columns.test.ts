/**
 * A sweep's rows say what the work cost, DORA's four measures and the share of lead time
 * blocked where the scenario has them, and only then: in the table, the CSV and the JSON, with
 * the numbers `flowlab run` gives the same point and seed, under the names the README lists.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeSweep, sweepCsv, sweepCsvHeader } from '../../src/cli/commands/sweep.ts';
import {
  parseAxis,
  type SimulationResult,
  type SweepAxis,
  type SweepResult,
  sweep,
} from '../../src/index.ts';
import { ci95 } from '../../src/metrics/confidence.ts';
import { COLUMN_MEASURES, columnSection } from '../../src/report/columns.ts';
import { blockerReports, deliveryLines, economicsLines, unitName } from '../../src/report/index.ts';

function flowlab(...args: string[]) {
  const out = spawnSync(process.execPath, ['bin/flowlab.js', ...args], { encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** The columns every sweep's CSV has, in order, before the error (which is last). */
const FLOW = [
  'lead_time_mean',
  'lead_time_ci95_low',
  'lead_time_ci95_high',
  'lead_time_p85',
  'cycle_time_mean',
  'throughput',
  'throughput_ci95_low',
  'throughput_ci95_high',
  'wip_mean',
  'flow_efficiency',
  'bottleneck',
  'bottleneck_utilization',
  'stopped_by',
  'peak_load_node',
  'peak_offered_load',
  'stable',
];

type Part = 'economics' | 'delivery' | 'blockers';

/** Each part's measures: the table's heads (the report's words) and the CSV's names. */
const PARTS: Record<Part, { heads: string[]; csv: string[] }> = {
  economics: {
    heads: ['cost of delay', 'cost of capacity', 'total cost', 'value delivered'],
    csv: ['cost_of_delay', 'cost_of_capacity', 'total_cost', 'value_delivered'],
  },
  delivery: {
    heads: [
      'deployment frequency (per day)',
      'lead time for changes (days)',
      'change failure rate',
      'time to restore (days)',
    ],
    csv: ['deployment_frequency', 'lead_time_for_changes', 'change_failure_rate', 'time_to_restore'],
  },
  blockers: { heads: ['share of lead time blocked'], csv: ['share_of_lead_time_blocked'] },
};

const withInterval = (names: string[]) => names.flatMap((n) => [n, `${n}_ci95_low`, `${n}_ci95_high`]);

type Document = {
  release?: string;
  demand: { costOfDelay?: unknown; value?: unknown }[];
  nodes: { capacityCost?: unknown; blocker?: unknown }[];
};

/** What a scenario file has, read from the file itself. */
function partsOf(doc: Document): Part[] {
  const parts: Part[] = [];
  if (
    doc.demand.some((d) => d.costOfDelay !== undefined || d.value !== undefined) ||
    doc.nodes.some((n) => n.capacityCost !== undefined)
  )
    parts.push('economics');
  if (doc.release !== undefined) parts.push('delivery');
  if (doc.nodes.some((n) => n.blocker !== undefined)) parts.push('blockers');
  return parts;
}

const presets = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((file) => {
    const document = JSON.parse(readFileSync(`scenarios/${file}`, 'utf8'));
    return { file, document, parts: partsOf(document) };
  });

const seeds = parseAxis('run.seed=1,2') as SweepAxis;

describe('a sweep of each preset', () => {
  it('has presets with economics, with a release, with blockers and with none of them to sweep', () => {
    for (const part of ['economics', 'delivery', 'blockers'] as const)
      expect(presets.some((p) => p.parts.includes(part))).toBe(true);
    expect(presets.some((p) => p.parts.length === 0)).toBe(true);
  });

  it.each(presets)(
    '$file has the columns of its economics, release and blockers, and no others',
    ({ document, parts }) => {
      const quick = { ...document, run: { ...document.run, duration: 300, warmup: 30 } };
      const s = sweep(quick, [seeds], { replications: 2 });
      const has = (part: Part) => parts.includes(part);
      const [header, ...rows] = sweepCsv(s).split('\n');
      expect(header.split(',')).toEqual([
        'run.seed',
        ...FLOW,
        ...(['economics', 'delivery', 'blockers'] as const).flatMap((p) =>
          has(p) ? withInterval(PARTS[p].csv) : [],
        ),
        'error',
      ]);
      expect(rows).toHaveLength(2);
      const tableHead = describeSweep(s).split('\n')[2];
      for (const part of ['economics', 'delivery', 'blockers'] as const)
        for (const head of PARTS[part].heads)
          if (has(part)) expect(tableHead).toContain(head);
          else expect(tableHead).not.toContain(head);
      expect(describeSweep(s).includes('money is per replication')).toBe(has('economics'));
    },
  );
});

describe('a point without the measures', () => {
  it('that did not run has "–" in the table and empty CSV cells, beside a point that has them', () => {
    const document = JSON.parse(readFileSync('scenarios/wsjf-cost-of-delay.json', 'utf8'));
    const quick = { ...document, run: { ...document.run, duration: 300, warmup: 30 } };
    const axis = parseAxis('nodes.product-team.discipline=wsjf,sooner') as SweepAxis;
    const s = sweep(quick, [axis], { replications: 2 });
    expect(s.points[1].error).toMatch(/discipline/);
    const [header, ran, failed] = sweepCsv(s).split('\n');
    const names = header.split(',');
    const money = withInterval(PARTS.economics.csv).map((n) => names.indexOf(n));
    expect(money.every((at) => at > 0)).toBe(true);
    const cells = (row: string) => money.map((at) => row.split(',')[at]);
    expect(cells(ran).every((c) => Number.isFinite(Number(c)) && c !== '')).toBe(true);
    expect(cells(failed)).toEqual(money.map(() => ''));
    const row = describeSweep(s)
      .split('\n')
      .find((l) => l.startsWith('sooner')) as string;
    // Its stability, its five flow cells and its four amounts of money.
    expect(row.match(/–/g)).toHaveLength(1 + 5 + PARTS.economics.heads.length);
  });
});

/** The presets that have each part, swept along an axis of their own; the second value is compared with `run`. */
const FIXTURES = [
  { file: 'wsjf-cost-of-delay.json', path: 'nodes.product-team.discipline', values: ['wsjf', 'fifo'] },
  { file: 'change-approval.json', path: 'nodes.change-board.failureReduction', values: [0, 0.5] },
  { file: 'blockers-long-tail.json', path: 'nodes.developers.capacity', values: [4, 5] },
];
const small = ['--set', 'run.duration=300', '--set', 'run.warmup=30', '--reps', '3', '--workers', '1'];

/** The numbers each CSV column holds, read from a result as `run --json` writes it. */
function expectedCells(r: SimulationResult): Record<string, (number | null)[]> {
  const cells: Record<string, (number | null)[]> = {};
  const put = (name: string, mean: number | null, ci95: [number, number] | null) => {
    cells[name] = [mean, ci95?.[0] ?? null, ci95?.[1] ?? null];
  };
  const e = r.economics;
  if (e) {
    put('cost_of_delay', e.costOfDelay.total, e.costOfDelay.ci95);
    put('cost_of_capacity', e.capacityCost.total, e.capacityCost.ci95);
    put('total_cost', e.totalCost.total, e.totalCost.ci95);
    put('value_delivered', e.value.delivered, e.value.ci95);
  }
  const d = r.delivery;
  if (d) {
    put('deployment_frequency', d.deploymentFrequency.perTimeUnit, d.deploymentFrequency.ci95);
    put('lead_time_for_changes', d.leadTimeForChanges.mean, d.leadTimeForChanges.ci95);
    put('change_failure_rate', d.changeFailureRate.share, d.changeFailureRate.ci95);
    put('time_to_restore', d.timeToRestore.mean, d.timeToRestore.ci95);
  }
  if (r.blockers) put('share_of_lead_time_blocked', r.blockers.share.mean, r.blockers.share.ci95);
  return cells;
}

describe('a sweep point and `flowlab run` of the same point and seed', () => {
  it.each(FIXTURES)('say the same numbers of $file, in the same words', ({ file, path, values }) => {
    const vary = ['--vary', `${path}=${values.join(',')}`];
    const csv = flowlab('sweep', `scenarios/${file}`, ...small, ...vary, '--csv');
    const json = flowlab('sweep', `scenarios/${file}`, ...small, ...vary, '--json');
    const run = flowlab('run', `scenarios/${file}`, ...small, '--set', `${path}=${values[1]}`, '--json');
    for (const out of [csv, json, run]) expect(out.code, out.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as SimulationResult;
    const swept = JSON.parse(json.stdout) as SweepResult;
    // JSON: the point's result is the run's, money, DORA's measures and blockers included.
    expect(swept.points[1].result).toEqual(r);

    // CSV: each new column holds the run's number, to the last digit.
    const [header, , row] = csv.stdout.trim().split('\n');
    const names = header.split(',');
    const cells = row.split(',');
    const expected = expectedCells(r);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    for (const [name, [mean, low, high]] of Object.entries(expected)) {
      const at = names.indexOf(name);
      expect(at, name).toBeGreaterThan(0);
      expect(names.slice(at + 1, at + 3)).toEqual([`${name}_ci95_low`, `${name}_ci95_high`]);
      expect(
        cells.slice(at, at + 3).map((c) => (c === '' ? null : Number(c))),
        name,
      ).toEqual([mean, low, high]);
    }

    // The table: each cell is the number as the report writes it for the run.
    const line = describeSweep(swept)
      .split('\n')
      .find((l) => l.trimStart().startsWith(String(values[1])));
    expect(line).toBeDefined();
    const said = [
      ...economicsLines(r)
        .filter((l) => !l.part && l.key !== 'due-dates')
        .map((l) => l.text.split(' per replication')[0]),
      ...deliveryLines(r).flatMap((l) =>
        l.key === 'change-failure-rate'
          ? // "4.5% of deployments failed (95% interval 0.6% to 8.3%)" is the cell "4.5% (0.6%–8.3%)".
            [l.text.replace(/^(\S+) of deployments failed \(95% interval (\S+) to (\S+)\)$/, '$1 ($2–$3)')]
          : l.key === 'deployment-frequency'
            ? [l.text.split(' per ')[0]]
            : [l.text.split(` ${unitName(r.timeUnit, 2)}`)[0]],
      ),
      ...blockerReports(r)
        .filter((b) => b.where === 'all')
        .map((b) => b.share),
    ];
    expect(said.length).toBe(Object.keys(expected).length);
    for (const text of said) expect(line).toContain(text);
  });
});

describe("the README's table of a sweep's CSV columns", () => {
  it('is the header a sweep writes, in order, each measure under the part of a scenario it needs', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Sweeps'), readme.indexOf('### Worker threads'));
    const rows = section
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| CSV column') && !l.startsWith('| one per'))
      .map((l) => l.split(' | '));
    const documented = rows.flatMap(([names, when]) =>
      [...names.matchAll(/`([a-z0-9_]+)`/g)].map((m) => ({ name: m[1], when: when.trim() })),
    );
    expect(documented.map((d) => d.name)).toEqual(sweepCsvHeader([], COLUMN_MEASURES));
    const when = {
      economics: 'economics',
      delivery: 'a `release`',
      blockers: 'a `blocker`',
      rejected: '`whenFull: "reject"`',
    } as const;
    const needs = new Map(
      COLUMN_MEASURES.flatMap((m) =>
        sweepCsvHeader([], [m])
          .filter((n) => !FLOW.includes(n) && n !== 'error')
          .map((n) => [n, when[columnSection(m) as keyof typeof when]] as const),
      ),
    );
    for (const d of documented) expect(d.when, d.name).toBe(needs.get(d.name) ?? 'always');
  });
});

describe('a sweep in which points turn work away', () => {
  const exponential = (mean: number) => ({ dist: 'exponential', mean });
  /** A team whose features, with a cost of delay, are turned away at its WIP limit. */
  const team = {
    name: 'turns work away',
    timeUnit: 'day',
    run: { duration: 300, warmup: 30, seed: 7, replications: 3 },
    demand: [
      {
        id: 'feature',
        interarrival: exponential(1),
        steps: ['build'],
        whenFull: 'reject',
        costOfDelay: { profile: 'standard', rate: 100 },
      },
    ],
    nodes: [{ id: 'team', capacity: 1, wipLimit: 2, serves: { build: exponential(0.9) } }],
  };
  // A limit of 1,000 turns nothing away; 2 and 4 do, the tighter the more, and cost less delay.
  const s = sweep(team, [parseAxis('nodes.team.wipLimit=2,4,1000') as SweepAxis], { replications: 3 });
  const results = s.points.map((p) => p.result as SimulationResult);

  it('says the items each point turned away first among the money, 0 where it turned none away', () => {
    expect(results.map((r) => r.rejected > 0)).toEqual([true, true, false]);
    const [header, ...rows] = sweepCsv(s).split('\n');
    const names = header.split(',');
    expect(names.slice(names.indexOf('stable') + 1, names.indexOf('stable') + 7)).toEqual([
      'turned_away',
      'turned_away_ci95_low',
      'turned_away_ci95_high',
      'cost_of_delay',
      'cost_of_delay_ci95_low',
      'cost_of_delay_ci95_high',
    ]);
    const at = names.indexOf('turned_away');
    rows.forEach((row, i) => {
      const r = results[i];
      const interval = ci95(r.runs.map((x) => x.rejected));
      expect(
        row
          .split(',')
          .slice(at, at + 3)
          .map((c) => (c === '' ? null : Number(c))),
      ).toEqual([r.rejected / r.replications, interval?.[0] ?? null, interval?.[1] ?? null]);
    });
    expect(Number(rows[2].split(',')[at])).toBe(0);
    // The point that turned the most away looks cheapest: that is what the column is for.
    const delay = results.map((r) => r.economics?.costOfDelay.total ?? 0);
    expect(delay[0]).toBeLessThan(delay[2]);
  });

  it('heads it in the report’s words and says under the table that the money leaves that work out', () => {
    const text = describeSweep(s).split('\n');
    expect(text[2]).toMatch(/ turned away +cost of delay /);
    expect(text).toContain(
      'turned away: items per replication that found their first node full; the money counts only the work done, so a row that turned more away pays no delay for it',
    );
  });

  it('says them without money too, and under the table that lead times leave that work out', () => {
    const { costOfDelay: _, ...feature } = team.demand[0];
    const free = { ...team, demand: [feature] };
    const t = sweep(free, [parseAxis('nodes.team.wipLimit=2,1000') as SweepAxis], { replications: 3 });
    const [tight, roomy] = t.points.map((p) => p.result as SimulationResult);
    expect(tight.economics).toBeUndefined();
    // The tight limit's lead time is shorter because it did less of the work.
    expect(tight.leadTime.mean).toBeLessThan(roomy.leadTime.mean);
    const [header, ...rows] = sweepCsv(t).split('\n');
    const names = header.split(',');
    expect(names.slice(names.indexOf('stable') + 1)).toEqual([
      'turned_away',
      'turned_away_ci95_low',
      'turned_away_ci95_high',
      'error',
    ]);
    const at = names.indexOf('turned_away');
    expect(rows.map((row) => Number(row.split(',')[at]))).toEqual([tight.rejected / 3, 0]);
    const text = describeSweep(t).split('\n');
    expect(text[2]).toMatch(/ bottleneck +turned away *$/);
    expect(text).toContain(
      'turned away: items per replication that found their first node full; lead times count only the work done, so a row that turned more away can look faster',
    );
    expect(text.join('\n')).not.toContain('money');
  });

  it('is named in sweep --help', () => {
    const help = flowlab('sweep', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout.replaceAll(/\s+/g, ' ')).toContain(
      'where a point turned work away at a full first node (whenFull "reject"), the items turned away per replication',
    );
  });

  it('has no such column where no point turned work away', () => {
    const roomy = sweep(team, [parseAxis('nodes.team.wipLimit=1000,2000') as SweepAxis], { replications: 2 });
    expect(sweepCsv(roomy).split('\n')[0]).not.toContain('turned_away');
    expect(describeSweep(roomy)).not.toContain('turned away');
  });
});

describe('an axis of objects', () => {
  it('shows each value as the JSON it was given in, in the table and in the CSV', () => {
    const document = JSON.parse(readFileSync('scenarios/wsjf-cost-of-delay.json', 'utf8'));
    const quick = { ...document, run: { ...document.run, duration: 300, warmup: 30 } };
    const axis = parseAxis(
      'nodes.product-team.capacityCost={"perServer":800},{"perServer":1600}',
    ) as SweepAxis;
    const s = sweep(quick, [axis], { replications: 2 });
    expect(s.points.map((p) => p.error)).toEqual([undefined, undefined]);
    const table = describeSweep(s);
    expect(table).toContain('{"perServer":800}');
    expect(table).toContain('{"perServer":1600}');
    expect(table).not.toContain('[object Object]');
    const rows = sweepCsv(s).split('\n').slice(1);
    expect(rows.map((r) => r.split(',')[0])).toEqual(['"{""perServer"":800}"', '"{""perServer"":1600}"']);
  });
});
