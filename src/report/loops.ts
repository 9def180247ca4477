/**
 * The three loops of measurement that value-stream networks are read by, and which part of a
 * result belongs to which. The outer loop is what leadership reads: lagging outcomes of the
 * whole stream. The middle loop is across teams: handoffs, the waits between teams, where the
 * constraint is. The inner loop is at each node: its queue, the age of its work, how busy it
 * is, what blocks it. The terminal and the page both lay a result out loop by loop in this
 * order, so neither keeps an order of its own.
 */

export type LoopKey = 'outer' | 'middle' | 'inner';

export interface Loop {
  key: LoopKey;
  /** "outer loop". */
  name: string;
  /** What it looks at: "outcomes". */
  subject: string;
  /** The question it answers, in plain words. */
  question: string;
  /** What a result says in this loop, in the order it is said. */
  sections: readonly Section[];
}

/**
 * Every part of a result, each in the one loop it belongs to, in the order it is said there.
 * A part of the report without a loop has no key here, and so cannot be placed on the page or
 * in the terminal (Section is this table's keys).
 */
const SECTIONS = {
  // Outer: what the stream delivers, and the measures leadership reads.
  'lead-time': 'outer',
  throughput: 'outer',
  wip: 'outer',
  'littles-law': 'outer',
  completed: 'outer',
  rejected: 'outer',
  classes: 'outer',
  economics: 'outer',
  delivery: 'outer',
  // Middle: across teams.
  'flow-efficiency': 'middle',
  handoffs: 'middle',
  rework: 'middle',
  'blast-radius': 'middle',
  backlog: 'middle',
  network: 'middle',
  'cumulative-flow': 'middle',
  'time-in-steps': 'middle',
  joins: 'middle',
  constraint: 'middle',
  'moving-bottleneck': 'middle',
  // Inner: at each node.
  nodes: 'inner',
  'work-item-age': 'inner',
  outages: 'inner',
  queues: 'inner',
  blockers: 'inner',
} as const satisfies Record<string, LoopKey>;

/** A part of a result: the lead time, the joins, the node table, a lean finding, ... */
export type Section = keyof typeof SECTIONS;

const ABOUT = {
  outer: {
    name: 'outer loop',
    subject: 'outcomes',
    question: 'What does the stream deliver, how soon, how reliably, and at what cost?',
  },
  middle: {
    name: 'middle loop',
    subject: 'across teams',
    question: 'Where does work wait between teams, and where is the constraint?',
  },
  inner: {
    name: 'inner loop',
    subject: 'at each node',
    question:
      'How long is each queue, how old is the work in it, how busy are the people, and what blocks them?',
  },
} as const satisfies Record<LoopKey, { name: string; subject: string; question: string }>;

/** The loops, outer first. */
export const LOOPS: readonly Loop[] = (Object.keys(ABOUT) as LoopKey[]).map((key) => ({
  key,
  ...ABOUT[key],
  sections: (Object.keys(SECTIONS) as Section[]).filter((s) => SECTIONS[s] === key),
}));

/** The loop a part of the result belongs to; undefined for what is no part of one. */
export function loopOf(section: string): LoopKey | undefined {
  return Object.hasOwn(SECTIONS, section) ? SECTIONS[section as Section] : undefined;
}

/** "outer loop: outcomes". */
export function loopTitle(loop: Loop): string {
  return `${loop.name}: ${loop.subject}`;
}

/** What of `items` belongs to `loop`, in its sections' order (items of one section keep theirs). */
export function inLoop<T>(loop: Loop, items: readonly T[], sectionOf: (item: T) => Section): T[] {
  return loop.sections.flatMap((s) => items.filter((x) => sectionOf(x) === s));
}

/** Things said about a result, loop by loop (see inLoop); loops with nothing are left out. */
export function byLoop<T>(
  items: readonly T[],
  sectionOf: (item: T) => Section,
): { loop: Loop; items: T[] }[] {
  return LOOPS.map((loop) => ({ loop, items: inLoop(loop, items, sectionOf) })).filter(
    (group) => group.items.length > 0,
  );
}
