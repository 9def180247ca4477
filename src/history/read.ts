/**
 * Reading a tracker's export into a History (history.ts), in either of the two formats
 * teams already have:
 *
 * - **stage dates** (ActionableAgile, jira-agile-metrics): one row per item, an ID column,
 *   optional columns known by name (Link, Title or Name, Type or Class, Blocked Days, ...),
 *   then one column per workflow stage in order holding the date the item entered it. Empty
 *   where it has not got there, or skipped it; the last stage is done.
 * - **event log**: columns `id`, `stage`, `enteredAt`, `exitedAt` (optional) and `type`
 *   (optional), one row per visit, so an item may visit a stage more than once.
 *
 * Real exports are messy, so every row that is not taken as it stands gets a note saying
 * what was done with it (skipped, clamped, merged); a value that cannot be read at all is a
 * problem naming its line and column, and the file is refused.
 */
import { parseCsv } from './csv.ts';
import { type DateOrder, readDate } from './dates.ts';
import type { History, HistoryItem, HistoryOutcome, HistoryProblem, RowNote, Visit } from './history.ts';

export interface ReadOptions {
  /** How to read dates such as 03/04/2025; by default the file's other dates settle it. */
  dateOrder?: DateOrder;
}

/** Problems listed before giving up: enough to see a pattern, few enough to read. */
const MAX_PROBLEMS = 20;

/**
 * Stages in a workflow, at most: boards have a few dozen columns, and ordering the stages
 * compares every pair, so a file of a distinct stage a row must not cost hours.
 */
export const MAX_STAGES = 200;

/** A stage's name becomes a capability in the scenario, where this one is refused. */
const badStageName = (name: string) =>
  name === '__proto__' ? 'a stage cannot be named "__proto__"' : undefined;

/** Column names compared without case, spaces, "_" or "-": "Entered At" is enteredat. */
const key = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

const ID_NAMES = ['id', 'key', 'issuekey', 'itemid', 'issueid'];
const TYPE_NAMES = ['type', 'class', 'issuetype', 'workitemtype', 'itemtype', 'classofservice'];
/** Columns that describe an item rather than a stage it entered. */
const ATTRIBUTE_NAMES = [
  ...TYPE_NAMES,
  'link',
  'url',
  'title',
  'name',
  'summary',
  'blockeddays',
  'blocked',
  'tags',
  'labels',
  'flagged',
  'team',
  'priority',
  'epic',
  'parent',
  'assignee',
  'status',
];

export function readHistory(text: string, options: ReadOptions = {}): HistoryOutcome {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, problems: [{ line: csv.line, reason: csv.reason }] };
  const { header, rows } = csv.table;
  const names = header.map(key);
  if (rows.length === 0)
    return { ok: false, problems: [{ line: 1, reason: 'the file has a header but no items' }] };
  const isLog = names.includes('stage') && names.some((n) => n === 'enteredat' || n === 'entered');
  return isLog ? readEventLog(header, rows, options) : readStageDates(header, rows, options);
}

type Rows = { line: number; cells: string[] }[];

/** Reads every date cell once the file has said which way round its numeric dates are. */
interface Dates {
  order?: { order: DateOrder; from: string };
  read(line: number, column: string, text: string): number | undefined;
  dateOnly: boolean;
}

/**
 * Day and month in a date such as 03/04/2025 are settled once for the whole file: by the
 * option, else by any date in the file whose first number is over 12 (a day: day first) or
 * whose second is (month first). A file that shows both, or shows neither while holding
 * such dates, is refused with the cells that say so, rather than read one way by guess.
 */
function settleDates(
  cells: { line: number; column: string; text: string }[],
  option: DateOrder | undefined,
  problems: HistoryProblem[],
): Dates {
  let dayFirst: { line: number; column: string; text: string } | undefined;
  let monthFirst: typeof dayFirst;
  let ambiguous: typeof dayFirst;
  if (option === undefined)
    for (const cell of cells) {
      const reading = readDate(cell.text);
      if (!reading.ok) continue;
      if (reading.shows === 'dmy') dayFirst ??= cell;
      if (reading.shows === 'mdy') monthFirst ??= cell;
      if (reading.ambiguous) ambiguous ??= cell;
    }
  let order: Dates['order'];
  const where = (c: { line: number; column: string; text: string }) =>
    `"${c.text}" (line ${c.line}, ${c.column})`;
  if (option) order = { order: option, from: 'as asked' };
  else if (dayFirst && monthFirst)
    problems.push({
      line: monthFirst.line,
      column: monthFirst.column,
      reason: `the file writes dates both day first, ${where(dayFirst)}, and month first, ${where(monthFirst)}; export it with one date format`,
    });
  else if (dayFirst) order = { order: 'dmy', from: `day first, as ${where(dayFirst)} shows` };
  else if (monthFirst) order = { order: 'mdy', from: `month first, as ${where(monthFirst)} shows` };
  else if (ambiguous) {
    const [a, b] = readDate(ambiguous.text).ok ? ambiguousParts(ambiguous.text) : [0, 0];
    problems.push({
      line: ambiguous.line,
      column: ambiguous.column,
      reason: `"${ambiguous.text}" could be day ${a} of month ${b} or month ${a} day ${b}, and no date in the file settles which; say so with --dates dmy (day first) or --dates mdy (month first)`,
    });
  }
  const dates: Dates = {
    order,
    dateOnly: true,
    read(line, column, text) {
      const reading = readDate(text, order?.order ?? 'dmy');
      if (!reading.ok) {
        problems.push({ line, column, reason: reading.reason });
        return undefined;
      }
      if (!reading.dateOnly) dates.dateOnly = false;
      return reading.at;
    },
  };
  return dates;
}

function ambiguousParts(text: string): [number, number] {
  const reading = readDate(text);
  return reading.ok && reading.ambiguous ? reading.ambiguous : [0, 0];
}

function readStageDates(header: string[], rows: Rows, options: ReadOptions): HistoryOutcome {
  const names = header.map(key);
  const problems: HistoryProblem[] = [];
  const notes: RowNote[] = [];
  let idColumn = names.findIndex((n) => ID_NAMES.includes(n));
  if (idColumn < 0) idColumn = 0;
  const typeColumn = names.findIndex((n) => TYPE_NAMES.includes(n));
  // Stage columns: every column that is no known attribute and holds a date, and an empty
  // column after the first of them (a stage nobody has reached). A column of text alone (notes,
  // a custom field) is left aside and named in the report; one bad value in a column of dates
  // is a problem, never a reason to drop the stage.
  const ignoredColumns: string[] = [];
  const stageColumns: number[] = [];
  header.forEach((name, c) => {
    if (c === idColumn || ATTRIBUTE_NAMES.includes(names[c])) return;
    const filled = rows.map((r) => r.cells[c] ?? '').filter((v) => v !== '');
    const dated = filled.some((v) => readDate(v).ok);
    if (dated || (filled.length === 0 && stageColumns.length > 0)) stageColumns.push(c);
    else ignoredColumns.push(name);
  });
  if (stageColumns.length < 2)
    return {
      ok: false,
      problems: [
        {
          line: 1,
          reason:
            'no stage columns: a stage-dates file needs an ID column and at least two columns of dates, one per stage in order, the last for done; an event log needs the columns id, stage and enteredAt',
        },
      ],
    };
  const stages = stageColumns.map((c) => header[c]);
  const badColumn = stages.find((name) => badStageName(name));
  if (badColumn !== undefined)
    return {
      ok: false,
      problems: [{ line: 1, column: badColumn, reason: badStageName(badColumn) as string }],
    };
  const duplicateStage = stages.find((s, i) => stages.indexOf(s) !== i);
  if (duplicateStage !== undefined)
    return {
      ok: false,
      problems: [{ line: 1, column: duplicateStage, reason: `two columns are named "${duplicateStage}"` }],
    };
  const dates = settleDates(
    rows.flatMap((r) =>
      stageColumns
        .map((c) => ({ line: r.line, column: header[c], text: r.cells[c] ?? '' }))
        .filter((cell) => cell.text !== ''),
    ),
    options.dateOrder,
    problems,
  );
  if (problems.length > 0) return { ok: false, problems };
  const items: HistoryItem[] = [];
  const seen = new Map<string, number>();
  const doneIndex = stageColumns.length - 1;
  for (const row of rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const id = row.cells[idColumn] ?? '';
    const note = (text: string, column?: string) => notes.push({ line: row.line, id, column, note: text });
    if (id === '') {
      note('no ID: left out');
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      note(`the same ID as line ${first}: left out (the first row is kept)`);
      continue;
    }
    seen.set(id, row.line);
    const present: { stage: number; at: number }[] = [];
    const dropped = new Set<number>();
    for (let s = 0; s < stageColumns.length; s++) {
      const text = row.cells[stageColumns[s]] ?? '';
      if (text === '') continue;
      const at = dates.read(row.line, stages[s], text);
      if (at === undefined) continue;
      // A date before an earlier stage's: the item reached this stage at that date, so it
      // cannot have entered the earlier ones after it. Those are taken as skipped.
      while (present.length > 0 && present[present.length - 1].at > at) {
        const earlier = present.pop() as { stage: number; at: number };
        dropped.add(earlier.stage);
        note(
          `${stages[earlier.stage]} is dated after the later stage ${stages[s]}: ${stages[earlier.stage]} taken as skipped`,
          stages[earlier.stage],
        );
      }
      present.push({ stage: s, at });
    }
    if (present.length === 0) {
      note('no dates: not started, left out');
      continue;
    }
    const last = present[present.length - 1];
    const skipped: string[] = [];
    for (let s = present[0].stage + 1; s < last.stage; s++)
      if (!dropped.has(s) && !present.some((p) => p.stage === s)) skipped.push(stages[s]);
    if (skipped.length > 0) note(`skipped ${skipped.join(', ')}`);
    const done = last.stage === doneIndex;
    if (!done) note(`in progress, in ${stages[last.stage]}`);
    const working = done ? present.slice(0, -1) : present;
    const visits: Visit[] = working.map((p, i) => ({
      stage: stages[p.stage],
      enteredAt: p.at,
      exitedAt: i + 1 < present.length ? present[i + 1].at : null,
    }));
    items.push({
      id,
      type: typeColumn >= 0 ? (row.cells[typeColumn] ?? '') : '',
      line: row.line,
      visits,
      doneAt: done ? last.at : null,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return finish({
    format: 'stage dates',
    stages,
    doneStage: stages[doneIndex],
    items,
    dateOnly: dates.dateOnly,
    dateOrder: dates.order,
    ignoredColumns,
    notes,
  });
}

function readEventLog(header: string[], rows: Rows, options: ReadOptions): HistoryOutcome {
  const names = header.map(key);
  const problems: HistoryProblem[] = [];
  const notes: RowNote[] = [];
  const column = (...candidates: string[]) => names.findIndex((n) => candidates.includes(n));
  const idC = column(...ID_NAMES);
  const stageC = column('stage');
  const enteredC = column('enteredat', 'entered');
  const exitedC = column('exitedat', 'exited', 'leftat');
  const typeC = column(...TYPE_NAMES);
  if (idC < 0)
    return {
      ok: false,
      problems: [{ line: 1, reason: 'an event log needs an id column (id, stage, enteredAt, exitedAt)' }],
    };
  const ignoredColumns = header.filter((_, c) => ![idC, stageC, enteredC, exitedC, typeC].includes(c));
  const dates = settleDates(
    rows.flatMap((r) =>
      [enteredC, exitedC]
        .filter((c) => c >= 0 && (r.cells[c] ?? '') !== '')
        .map((c) => ({ line: r.line, column: header[c], text: r.cells[c] })),
    ),
    options.dateOrder,
    problems,
  );
  if (problems.length > 0) return { ok: false, problems };
  interface Row {
    line: number;
    type: string;
    visit: Visit;
  }
  const byItem = new Map<string, Row[]>();
  const seen = new Map<string, number>();
  const stageNames = new Set<string>();
  for (const row of rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const cell = (c: number) => (c >= 0 ? (row.cells[c] ?? '') : '');
    const id = cell(idC);
    const note = (text: string, col?: string) => notes.push({ line: row.line, id, column: col, note: text });
    const stage = cell(stageC);
    if (id === '') {
      note('no id: left out');
      continue;
    }
    if (stage === '') {
      note('no stage: left out', header[stageC]);
      continue;
    }
    if (badStageName(stage)) {
      problems.push({ line: row.line, column: header[stageC], reason: badStageName(stage) as string });
      continue;
    }
    if (!stageNames.has(stage)) {
      stageNames.add(stage);
      if (stageNames.size > MAX_STAGES) {
        problems.push({
          line: row.line,
          column: header[stageC],
          reason: `more than ${MAX_STAGES} different stages; a workflow has a few dozen at most`,
        });
        break;
      }
    }
    if (cell(enteredC) === '') {
      note('no enteredAt: left out', header[enteredC]);
      continue;
    }
    const enteredAt = dates.read(row.line, header[enteredC], cell(enteredC));
    const exitedAt = cell(exitedC) === '' ? null : dates.read(row.line, header[exitedC], cell(exitedC));
    if (enteredAt === undefined || exitedAt === undefined) continue;
    if (exitedAt !== null && exitedAt < enteredAt) {
      note('exitedAt is before enteredAt: the row goes back in time, left out', header[exitedC]);
      continue;
    }
    const signature = JSON.stringify([id, stage, enteredAt, exitedAt]);
    const twin = seen.get(signature);
    if (twin !== undefined) {
      note(`the same visit as line ${twin}: left out`);
      continue;
    }
    seen.set(signature, row.line);
    const list = byItem.get(id) ?? [];
    if (list.length === 0) byItem.set(id, list);
    list.push({ line: row.line, type: cell(typeC), visit: { stage, enteredAt, exitedAt } });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (byItem.size === 0)
    return { ok: false, problems: [{ line: 1, reason: 'no row of the file holds a visit' }] };

  const stages = workflowOrder([...byItem.values()].map((list) => list.map((r) => r.visit)));
  // A last stage nobody ever leaves is where work is done; otherwise leaving the last visit is.
  const lastStage = stages[stages.length - 1];
  const terminal = [...byItem.values()].every((list) =>
    list.every((r) => r.visit.stage !== lastStage || r.visit.exitedAt === null),
  );
  const doneStage = terminal && stages.length > 1 ? lastStage : null;
  const items: HistoryItem[] = [];
  for (const [id, list] of byItem) {
    const sorted = [...list].sort((a, b) => a.visit.enteredAt - b.visit.enteredAt);
    const types = [...new Set(list.map((r) => r.type).filter((t) => t !== ''))];
    if (types.length > 1)
      notes.push({
        line: sorted[0].line,
        id,
        note: `types ${types.join(', ')} on its rows: ${types[0]} kept`,
      });
    const visits = sorted.map((r) => ({ ...r.visit }));
    for (let i = 0; i + 1 < visits.length; i++) {
      const next = visits[i + 1].enteredAt;
      const exit = visits[i].exitedAt;
      if (exit === null)
        notes.push({
          line: sorted[i].line,
          id,
          note: `no exitedAt, but a later visit: taken to end when ${visits[i + 1].stage} began`,
        });
      else if (exit > next)
        notes.push({
          line: sorted[i].line,
          id,
          note: `overlaps the next visit (${visits[i + 1].stage}): taken to end when it began`,
        });
      if (exit === null || exit > next) visits[i].exitedAt = next;
    }
    let doneAt: number | null = null;
    const last = visits[visits.length - 1];
    if (doneStage !== null) {
      if (last.stage === doneStage) {
        doneAt = last.enteredAt;
        if (visits.slice(0, -1).some((v) => v.stage === doneStage))
          notes.push({
            line: sorted[0].line,
            id,
            note: `entered ${doneStage} more than once: done at the last`,
          });
      }
    } else if (last.exitedAt !== null) doneAt = last.exitedAt;
    const working = visits.filter((v) => v.stage !== doneStage);
    if (doneAt === null) notes.push({ line: list[0].line, id, note: `in progress, in ${last.stage}` });
    items.push({ id, type: types[0] ?? '', line: list[0].line, visits: working, doneAt });
  }
  return finish({
    format: 'event log',
    stages,
    doneStage,
    items,
    dateOnly: dates.dateOnly,
    dateOrder: dates.order,
    ignoredColumns,
    notes,
  });
}

/**
 * The stages' order in the workflow, from the order items first entered them: a stage comes
 * before another when more items entered it first (Copeland's method, which a few items
 * moved backwards cannot upset); ties keep the order the file first names them in.
 */
export function workflowOrder(items: Visit[][]): string[] {
  const stages: string[] = [];
  for (const visits of items) for (const v of visits) if (!stages.includes(v.stage)) stages.push(v.stage);
  const index = new Map(stages.map((s, i) => [s, i]));
  const n = stages.length;
  const before = Array.from({ length: n }, () => new Float64Array(n));
  for (const visits of items) {
    const firsts: number[] = [];
    for (const v of visits) {
      const s = index.get(v.stage) as number;
      if (!firsts.includes(s)) firsts.push(s);
    }
    for (let i = 0; i < firsts.length; i++)
      for (let j = i + 1; j < firsts.length; j++) before[firsts[i]][firsts[j]]++;
  }
  const wins = stages.map((_, a) => {
    let w = 0;
    for (let b = 0; b < n; b++) if (before[a][b] > before[b][a]) w++;
    return w;
  });
  return stages
    .map((s, i) => ({ s, i, w: wins[i] }))
    .sort((x, y) => y.w - x.w || x.i - y.i)
    .map((x) => x.s);
}

function finish(history: Omit<History, 'start' | 'end'>): HistoryOutcome {
  if (history.items.length === 0)
    return {
      ok: false,
      problems: [{ line: 1, reason: 'no item in the file has a date (every row was left out)' }],
    };
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const item of history.items) {
    for (const v of item.visits) {
      start = Math.min(start, v.enteredAt);
      end = Math.max(end, v.exitedAt ?? v.enteredAt);
    }
    if (item.doneAt !== null) {
      start = Math.min(start, item.doneAt);
      end = Math.max(end, item.doneAt);
    }
  }
  return { ok: true, history: { ...history, start, end } };
}
