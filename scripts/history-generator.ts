/**
 * A team's year of work, simulated the way it is known to work, written as a tracker would
 * export it. The sample history in examples/ comes from here (scripts/generate-history.ts),
 * and the tests fit generated histories and check the fit recovers these parameters.
 *
 * The team: features and bugs arrive at random (Poisson), each waits in "Ready for Dev" for
 * one of 3 developers, then in "Ready for Review" for the one reviewer, then features (9 in
 * 10; the tenth skips testing) wait in "Ready for Test" for one of 2 testers. Review sends
 * 15% of its work back to "Ready for Dev", and testing 10%. Every queue is first come, first
 * served; the clock runs every day of the year, as the model's does. Items still in a stage
 * when the year ends are exported in progress.
 */
import { makeSampler } from '../src/engine/distributions.ts';
import { randomStream } from '../src/engine/random.ts';
import { dayOf, isoDate } from '../src/history/dates.ts';

export interface Team {
  /** The first day (days since 1970-01-01) and how many days the history covers. */
  start: number;
  days: number;
  /** Each type of work, its arrivals a day, and the share of it that skips testing. */
  classes: { type: string; perDay: number; skipTest: number }[];
  /** The working stages in order, each with its queue, its people and their time. */
  stages: {
    name: string;
    queue: string;
    servers: number;
    time: { dist: 'lognormal' | 'gamma'; mean: number; cv: number };
  }[];
  /** Work sent back to "Ready for Dev": the share of each stage's finished work. */
  rework: Record<string, number>;
}

export const TEAM: Team = {
  start: dayOf(2025, 1, 6),
  days: 364,
  classes: [
    { type: 'feature', perDay: 0.5, skipTest: 0.1 },
    { type: 'bug', perDay: 0.3, skipTest: 1 },
  ],
  stages: [
    { name: 'Dev', queue: 'Ready for Dev', servers: 3, time: { dist: 'lognormal', mean: 2.5, cv: 0.7 } },
    { name: 'Review', queue: 'Ready for Review', servers: 1, time: { dist: 'gamma', mean: 0.8, cv: 0.5 } },
    { name: 'Test', queue: 'Ready for Test', servers: 2, time: { dist: 'lognormal', mean: 1.5, cv: 0.5 } },
  ],
  rework: { Review: 0.15, Test: 0.1 },
};

interface Visit {
  id: string;
  type: string;
  stage: string;
  enteredAt: number;
  exitedAt: number | null;
}

export interface GeneratedHistory {
  /** id,stage,enteredAt,exitedAt,type: one row per visit, date-times to the minute. */
  eventLog: string;
  /** ID,Link,Name,Type, then the date each item first entered each stage (dates only). */
  stageDates: string;
  items: number;
}

export function generateHistory(seed: number, team = TEAM): GeneratedHistory {
  const arrivals = randomStream(seed, 'arrivals');
  const routes = randomStream(seed, 'routes');
  const end = team.days;
  const stages = team.stages.map((s) => ({
    ...s,
    draw: makeSampler(s.time),
    random: randomStream(seed, `service:${s.name}`),
    busy: [] as number[], // finish times of the items in service
    waiting: [] as Item[],
  }));
  interface Item {
    id: string;
    type: string;
    route: number[];
    at: number; // index into route
    open?: Visit;
  }
  const visits: Visit[] = [];
  // Events: [time, kind, payload], kept sorted by time (a few thousand: a sorted array will do).
  const events: { time: number; run: () => void }[] = [];
  const schedule = (time: number, run: () => void) => {
    let i = events.length;
    while (i > 0 && events[i - 1].time > time) i--;
    events.splice(i, 0, { time, run });
  };
  let now = 0;
  const enter = (item: Item, stage: string) => {
    if (item.open) item.open.exitedAt = now;
    item.open = { id: item.id, type: item.type, stage, enteredAt: now, exitedAt: null };
    visits.push(item.open);
  };
  const arrive = (item: Item) => {
    const s = stages[item.route[item.at]];
    enter(item, s.queue);
    s.waiting.push(item);
    start(item.route[item.at]);
  };
  const start = (index: number) => {
    const s = stages[index];
    while (s.busy.length < s.servers && s.waiting.length > 0) {
      const item = s.waiting.shift() as Item;
      enter(item, s.name);
      const done = now + s.draw(s.random);
      s.busy.push(done);
      schedule(done, () => finish(index, item, done));
    }
  };
  const finish = (index: number, item: Item, done: number) => {
    const s = stages[index];
    s.busy.splice(s.busy.indexOf(done), 1);
    const back = team.rework[s.name] ?? 0;
    if (back > 0 && routes() < back) item.at = 0;
    else item.at++;
    if (item.at < item.route.length) arrive(item);
    else enter(item, 'Done');
    start(index);
  };
  let count = 0;
  for (const c of team.classes) {
    const gap = makeSampler({ dist: 'exponential', mean: 1 / c.perDay });
    for (let t = gap(arrivals); t < end; t += gap(arrivals)) {
      const route = routes() < c.skipTest ? [0, 1] : [0, 1, 2];
      // Numbered as they arrive, as a tracker numbers them.
      schedule(t, () => arrive({ id: `T-${++count}`, type: c.type, route, at: 0 }));
    }
  }
  for (let next = events.shift(); next && next.time < end; next = events.shift()) {
    now = next.time;
    next.run();
  }
  return render(visits, team.start, count);
}

function render(visits: Visit[], start: number, items: number): GeneratedHistory {
  const stamp = (t: number) => {
    const minutes = Math.round(t * 1440);
    const m = minutes % 1440;
    return `${isoDate(start + Math.floor(minutes / 1440))} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  };
  const log = ['id,stage,enteredAt,exitedAt,type'];
  for (const v of visits)
    log.push(
      [v.id, v.stage, stamp(v.enteredAt), v.exitedAt === null ? '' : stamp(v.exitedAt), v.type].join(','),
    );
  // Stage dates: the date each item first entered each stage, as jira-agile-metrics writes them.
  const stages = ['Ready for Dev', 'Dev', 'Ready for Review', 'Review', 'Ready for Test', 'Test', 'Done'];
  const first = new Map<string, { type: string; dates: (string | undefined)[] }>();
  for (const v of visits) {
    const row = first.get(v.id) ?? { type: v.type, dates: stages.map(() => undefined) };
    first.set(v.id, row);
    const i = stages.indexOf(v.stage);
    row.dates[i] ??= isoDate(start + Math.floor(Math.round(v.enteredAt * 1440) / 1440));
  }
  const table = [['ID', 'Link', 'Name', 'Type', ...stages].join(',')];
  for (const [id, row] of first)
    table.push(
      [
        id,
        `https://tracker.example/${id}`,
        `"${row.type} ${id.slice(2)}, as asked"`,
        row.type,
        ...row.dates.map((d) => d ?? ''),
      ].join(','),
    );
  return { eventLog: `${log.join('\n')}\n`, stageDates: `${table.join('\n')}\n`, items };
}
