/**
 * The form's field table: for every field of the scenario schema (schema-fields.ts), the
 * group it is shown in, its label, and the widget that edits it. The form is laid out from
 * this table alone, so a new schema field costs one line here; a test walks the schema and
 * fails when a field has no line, or a line whose widget cannot edit the field's kind.
 *
 * The widget follows from the field's kind (a number, a choice, a switch, a time
 * distribution, a list of changes) unless the line names one: a step chosen from the
 * scenario's steps, node ids, a longer text, or `structure` for what the structure editor
 * above the form edits (ids, steps, who serves what).
 */
import { routingHelp } from './routing-help.ts';
import type { FieldKind } from './schema-fields.ts';

/** Where a group sits: the scenario as a whole, each class of work, or each node. */
export type Scope = 'scenario' | 'demand' | 'node';

export interface GroupSpec {
  scope: Scope;
  title: string;
  /**
   * Folded groups sit behind one "More settings" for their scope, so the numbers coaches
   * change most stay in view and a keyboard user tabs past the rest in one step.
   */
  folded: boolean;
}

/** The groups, in the order the form shows them within their scope. */
export const FORM_GROUPS = {
  about: { scope: 'scenario', title: 'Name and description', folded: true },
  run: { scope: 'scenario', title: 'Routing and run', folded: false },
  runMore: { scope: 'scenario', title: 'Run details', folded: true },
  flow: { scope: 'scenario', title: 'Flow rules for the whole system', folded: true },
  arrivals: { scope: 'demand', title: 'Arrivals', folded: false },
  demandMore: { scope: 'demand', title: 'Class of work', folded: true },
  demandSchedule: { scope: 'demand', title: 'Demand schedule', folded: true },
  demandEconomics: { scope: 'demand', title: 'Cost of delay and value', folded: true },
  node: { scope: 'node', title: 'Node', folded: false },
  nodeAbout: { scope: 'node', title: 'Kind and name', folded: true },
  limits: { scope: 'node', title: 'WIP limit and batches', folded: true },
  failure: { scope: 'node', title: 'Failures', folded: true },
  outages: { scope: 'node', title: 'Outages', folded: true },
  gate: { scope: 'node', title: 'Gate schedule', folded: true },
  capacitySchedule: { scope: 'node', title: 'Capacity schedule', folded: true },
  multitasking: { scope: 'node', title: 'Multitasking', folded: true },
  nodeEconomics: { scope: 'node', title: 'Queue order and cost', folded: true },
  blocker: { scope: 'node', title: 'Blockers', folded: true },
  structure: { scope: 'scenario', title: 'Structure', folded: true },
} as const satisfies Record<string, GroupSpec>;
export type GroupId = keyof typeof FORM_GROUPS;

export type Widget =
  | 'number'
  | 'text'
  | 'longtext'
  | 'select'
  | 'checkbox'
  | 'distribution'
  | 'list'
  /** One of the scenario's steps, or none. */
  | 'step'
  /** Node ids, typed as a list separated by commas. */
  | 'nodes'
  /** Edited by the structure editor above the form (web/views/structure-editor.ts). */
  | 'structure';

export interface FieldSpec {
  group: GroupId;
  label: string;
  /** When not given, the widget for the field's kind (`defaultWidget`). */
  widget?: Widget;
  /** A short note under the field; the schema's description when not given. */
  hint?: string;
  /**
   * The unit after a number: `time` for the scenario's time unit, `servers` for people or
   * slots, `money` for an amount of money (flowlab's amounts have no currency, so nothing is
   * written after it). A distribution is of a time unless it says `money`.
   */
  unit?: 'time' | 'servers' | 'money' | string;
  /** What the chosen value does, for a choice whose options each need saying. */
  help?: (value: string) => string;
  /** A time between arrivals shown as its rate, items per time unit (1 / mean), as coaches count demand. */
  rate?: boolean;
}

/**
 * Every schema field by its path. Fields of a list's items (`...[].from`) are shown in that
 * list's rows, in the list's group.
 */
export const FORM_FIELDS: Record<string, FieldSpec> = {
  $schema: { group: 'about', label: 'JSON Schema address', hint: 'lets a code editor check the file' },
  name: {
    group: 'about',
    label: 'Name',
    widget: 'text',
    hint: 'shown in the picker, results and comparisons',
  },
  description: {
    group: 'about',
    label: 'Description',
    widget: 'longtext',
    hint: 'what to look at, for a coach',
  },
  timeUnit: { group: 'about', label: 'Time unit' },
  routing: { group: 'run', label: 'Routing: each step goes to', help: routingHelp },
  'run.duration': { group: 'run', label: 'Duration', unit: 'time', hint: 'arrivals stop then' },
  'run.warmup': {
    group: 'run',
    label: 'Warm-up',
    unit: 'time',
    hint: 'left out of the statistics; "auto" to let MSER-5 choose',
  },
  'run.replications': {
    group: 'run',
    label: 'Replications',
    unit: 'runs',
    hint: 'more = narrower intervals',
  },
  'run.seed': { group: 'run', label: 'Seed', hint: 'same seed, same numbers' },
  'run.maxTime': { group: 'runMore', label: 'Drain at most until', unit: 'time' },
  'run.windows': { group: 'runMore', label: 'Bottleneck windows' },
  'run.seriesNodes': { group: 'runMore', label: 'Also follow nodes', widget: 'nodes' },
  wipLimit: { group: 'flow', label: 'System WIP limit (CONWIP)', unit: 'items' },
  handoff: { group: 'flow', label: 'Handoff delay', unit: 'time' },
  affinity: { group: 'flow', label: 'Affinity: keep an item with its last node' },
  preemption: { group: 'flow', label: 'Preemption: higher priority interrupts' },
  release: {
    group: 'flow',
    label: 'Release step',
    widget: 'step',
    hint: "DORA's four measures are read there",
  },

  demand: { group: 'structure', label: 'Classes of work', widget: 'structure' },
  'demand[].id': { group: 'structure', label: 'Id', widget: 'structure' },
  'demand[].steps': { group: 'structure', label: 'Steps', widget: 'structure' },
  'demand[].priority': { group: 'structure', label: 'Priority', widget: 'structure' },
  'demand[].interarrival': { group: 'arrivals', label: 'Arrival rate', rate: true, hint: 'on average' },
  'demand[].name': { group: 'demandMore', label: 'Display name' },
  'demand[].whenFull': { group: 'demandMore', label: 'When the first node is full' },
  'demand[].schedule': { group: 'demandSchedule', label: 'Arrivals change', hint: 'from a time on' },
  'demand[].schedule[].from': { group: 'demandSchedule', label: 'From', unit: 'time' },
  'demand[].schedule[].interarrival': {
    group: 'demandSchedule',
    label: 'Arrival rate',
    rate: true,
    hint: 'from then on',
  },
  'demand[].costOfDelay.profile': {
    group: 'demandEconomics',
    label: 'Cost of delay profile',
    help: (profile) => COST_OF_DELAY_HELP[profile] ?? '',
  },
  'demand[].costOfDelay.rate': {
    group: 'demandEconomics',
    label: 'Cost per time unit',
    hint: 'standard, expedite; fixed date after the deadline; intangible at first',
  },
  'demand[].costOfDelay.deadline': {
    group: 'demandEconomics',
    label: 'Deadline',
    unit: 'time',
    hint: 'fixed date: due this long after arrival',
  },
  'demand[].costOfDelay.penalty': {
    group: 'demandEconomics',
    label: 'Penalty if late',
    hint: 'fixed date: once, when done after the deadline',
  },
  'demand[].costOfDelay.after': {
    group: 'demandEconomics',
    label: 'Rises after',
    unit: 'time',
    hint: 'intangible: the age its cost rises at',
  },
  'demand[].costOfDelay.laterRate': {
    group: 'demandEconomics',
    label: 'Later cost per time unit',
    hint: 'intangible: from that age on',
  },
  'demand[].value': { group: 'demandEconomics', label: 'Value per item', unit: 'money', hint: 'when done' },

  nodes: { group: 'structure', label: 'Nodes', widget: 'structure' },
  'nodes[].id': { group: 'structure', label: 'Id', widget: 'structure' },
  'nodes[].serves{}': { group: 'structure', label: 'Steps served', widget: 'structure' },
  'nodes[].capacity': { group: 'node', label: 'Capacity', unit: 'servers', hint: 'working in parallel' },
  'nodes[].serves{}.value': { group: 'node', label: 'takes', unit: 'time', hint: 'mean time for one item' },
  'nodes[].kind': { group: 'nodeAbout', label: 'Kind' },
  'nodes[].name': { group: 'nodeAbout', label: 'Display name' },
  'nodes[].wipLimit': { group: 'limits', label: 'WIP limit', unit: 'items', hint: 'most items here at once' },
  'nodes[].batch.size': {
    group: 'limits',
    label: 'Batch size',
    unit: 'items',
    hint: 'items started together',
  },
  'nodes[].batch.timeout': { group: 'limits', label: 'Batch timeout', unit: 'time' },
  'nodes[].failure.probability': {
    group: 'failure',
    label: 'Failure rate',
    hint: 'share that fails, 0 to 1',
  },
  'nodes[].failure.reworkTo': { group: 'failure', label: 'Rework goes back to', widget: 'step' },
  'nodes[].failure.escalateTo': { group: 'failure', label: 'Or escalates to', widget: 'step' },
  'nodes[].failure.scope': { group: 'failure', label: 'What fails' },
  'nodes[].outages.mtbf': { group: 'outages', label: 'Up between outages', unit: 'time' },
  'nodes[].outages.mttr': { group: 'outages', label: 'Outage lasts', unit: 'time' },
  'nodes[].schedule.every': { group: 'gate', label: 'Opens every', unit: 'time' },
  'nodes[].schedule.open': { group: 'gate', label: 'Stays open', unit: 'time' },
  'nodes[].schedule.offset': { group: 'gate', label: 'First opens at', unit: 'time' },
  'nodes[].schedule.batch': { group: 'gate', label: 'Serve all waiting as one batch' },
  'nodes[].failureReduction': {
    group: 'gate',
    label: 'Lowers later failures by',
    hint: 'share, 0 to 1, of items it passed',
  },
  'nodes[].capacitySchedule': {
    group: 'capacitySchedule',
    label: 'Capacity changes',
    hint: 'from a time on',
  },
  'nodes[].capacitySchedule[].from': { group: 'capacitySchedule', label: 'From', unit: 'time' },
  'nodes[].capacitySchedule[].capacity': { group: 'capacitySchedule', label: 'Capacity' },
  'nodes[].multitasking.switchCost': {
    group: 'multitasking',
    label: 'Switch cost',
    hint: 'share of time lost per extra item, 0 to 1',
  },
  'nodes[].discipline': {
    group: 'nodeEconomics',
    label: 'Queue order',
    help: (discipline) => DISCIPLINE_HELP[discipline] ?? '',
  },
  'nodes[].capacityCost.perServer': {
    group: 'nodeEconomics',
    label: 'Cost per server per time unit',
    hint: 'people, slots',
  },
  'nodes[].capacityCost.perTime': {
    group: 'nodeEconomics',
    label: 'Cost per time unit',
    hint: 'the node as a whole',
  },
  'nodes[].capacityCost.perItem': {
    group: 'nodeEconomics',
    label: 'Cost per item served',
    hint: 'tokens, licences',
  },
  'nodes[].blocker.probability': {
    group: 'blocker',
    label: 'Blocked',
    hint: 'share of items blocked as work starts, 0 to 1',
  },
  'nodes[].blocker.time': { group: 'blocker', label: 'Blocked for', unit: 'time' },
  'nodes[].blocker.policy': {
    group: 'blocker',
    label: 'While blocked',
    help: (value) =>
      value === 'aside'
        ? 'the item is put aside and the person takes other work'
        : 'the person holds the item and waits',
  },
  'nodes[].blocker.countsAgainstWip': {
    group: 'blocker',
    label: 'Blocked work counts against the WIP limit',
    hint: 'off: an item put aside frees its place, so the node pulls new work (needs a WIP limit)',
  },
};

/** What each cost-of-delay profile means, under its choice. */
const COST_OF_DELAY_HELP: Record<string, string> = {
  standard: 'the same cost for every time unit until done',
  'fixed-date': 'nothing until the deadline; then the penalty and/or the cost per time unit',
  expedite: 'a steep cost for every time unit until done',
  intangible: 'a low cost at first, the later one from an age on',
};

/** What each queue order means, under its choice. */
const DISCIPLINE_HELP: Record<string, string> = {
  fifo: 'first come, first served, whatever the class',
  priority: 'higher class priority first, then first come',
  wsjf: 'highest cost of delay per time unit over expected duration first (CD3)',
  edd: 'earliest due date first (fixed-date classes)',
  sjf: 'shortest expected job here first',
};

/** The widget a field of this kind gets when its line names none. */
export function defaultWidget(kind: FieldKind): Widget | undefined {
  switch (kind.type) {
    case 'number':
      return 'number';
    case 'text':
      return 'text';
    case 'boolean':
      return 'checkbox';
    case 'enum':
      return 'select';
    case 'distribution':
      return 'distribution';
    case 'list':
      return 'list';
    case 'texts':
    case 'steps':
    case 'key':
      return undefined;
  }
}

/** Which widgets can edit which kinds of field. */
export const WIDGETS_FOR: Record<FieldKind['type'], readonly Widget[]> = {
  number: ['number', 'structure'],
  text: ['text', 'longtext', 'step', 'structure'],
  texts: ['nodes', 'structure'],
  steps: ['structure'],
  boolean: ['checkbox'],
  enum: ['select'],
  distribution: ['distribution'],
  list: ['list', 'structure'],
  key: ['structure'],
};

export function widgetOf(spec: FieldSpec, kind: FieldKind): Widget | undefined {
  return spec.widget ?? defaultWidget(kind);
}

/** The scope a path lies in, and the path within it: `nodes[].batch.size` is a node's `batch.size`. */
export function scopeOf(path: string): { scope: Scope; rest: string } {
  if (path.startsWith('nodes[].')) return { scope: 'node', rest: path.slice('nodes[].'.length) };
  if (path.startsWith('demand[].')) return { scope: 'demand', rest: path.slice('demand[].'.length) };
  return { scope: 'scenario', rest: path };
}
