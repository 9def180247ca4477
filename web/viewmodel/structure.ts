/**
 * Editing the shape of a value stream: its nodes (teams, agents, services, gates), its classes
 * of work and their steps, and which node serves which step. Each edit takes the document as
 * typed and returns a new one, never touching the old; each keeps every name that refers to a
 * node or a step pointing at the same thing.
 *
 * Where the schema names a node or a step is the table REFERENCES below. A test walks the zod
 * schema and fails when a text field or a map's key is neither listed there nor declared free
 * text, so a new field that names a node or a step cannot be missed by a rename.
 */

/** What a name in a scenario can stand for. */
export type Referent = 'node' | 'step' | 'demand';

/**
 * Every place a scenario names a node, a step (a capability) or a class of work: a path of
 * keys, `[]` for each element of a list, and `{}` for the keys of a map.
 */
export const REFERENCES: Record<Referent, readonly string[]> = {
  node: ['nodes[].id', 'run.seriesNodes[]'],
  step: [
    'demand[].steps[]',
    'demand[].steps[].all[]',
    'nodes[].serves{}',
    'nodes[].failure.reworkTo',
    'nodes[].failure.escalateTo',
    'release',
  ],
  demand: ['demand[].id'],
};

/** Text fields that name nothing else in the scenario: renaming a node or a step leaves them be. */
export const FREE_TEXT: readonly string[] = [
  '$schema',
  'name',
  'description',
  'nodes[].name',
  'demand[].name',
];

/**
 * The schema fields the structure editor edits (the form's field table leaves them to it):
 * the lists of classes of work and nodes, their ids, each class's steps and priority, and
 * which steps each node serves.
 */
export const STRUCTURE_FIELDS: readonly string[] = [
  'demand',
  'demand[].id',
  'demand[].steps',
  'demand[].priority',
  'nodes',
  'nodes[].id',
  'nodes[].serves{}',
];

type Doc = Record<string, unknown>;

/**
 * Every name `from` that stands for a `referent` becomes `to`. A map keeps its keys' order, so
 * the JSON reads as before with one word changed.
 */
export function renameReferent(doc: unknown, referent: Referent, from: string, to: string): unknown {
  let out = doc;
  for (const path of REFERENCES[referent]) out = rewrite(out, parsePath(path), (v) => (v === from ? to : v));
  return out;
}

type Step = { key: string } | { each: true } | { keys: true };

function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[{]*)((?:\[\]|\{\})*)$/.exec(part);
    if (!m) throw new Error(`bad reference path ${path}`);
    if (m[1]) steps.push({ key: m[1] });
    for (const mark of m[2].match(/\[\]|\{\}/g) ?? [])
      steps.push(mark === '[]' ? { each: true } : { keys: true });
  }
  return steps;
}

/** A copy of `value` with `change` applied where `steps` lead; what is not there is left alone. */
function rewrite(value: unknown, steps: Step[], change: (v: unknown) => unknown): unknown {
  if (steps.length === 0) return change(value);
  const [step, ...rest] = steps;
  if ('key' in step) {
    if (!isObject(value) || !(step.key in value)) return value;
    return { ...value, [step.key]: rewrite(value[step.key], rest, change) };
  }
  if ('each' in step) return Array.isArray(value) ? value.map((v) => rewrite(v, rest, change)) : value;
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [String(change(k)), v]));
}

function isObject(v: unknown): v is Doc {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

const list = (doc: Doc, key: 'nodes' | 'demand'): Doc[] =>
  Array.isArray(doc[key]) ? (doc[key] as unknown[]).filter(isObject) : [];

/** A step as written: a capability, or a parallel step's branches (`{ "all": [...] }`). */
export function branchesOf(step: unknown): string[] {
  return isObject(step) && Array.isArray(step.all) ? step.all.map(String) : [String(step)];
}

/** A step as a coach reads it: "build", or "frontend + backend" for a parallel step. */
export function stepLabel(step: unknown): string {
  return branchesOf(step).join(' + ');
}

/**
 * The steps the scenario knows: those some class of work takes (each branch of a parallel
 * step among them) and those some node serves.
 */
export function stepsOf(doc: unknown): string[] {
  if (!isObject(doc)) return [];
  const steps = list(doc, 'demand').flatMap((d) =>
    Array.isArray(d.steps) ? d.steps.flatMap(branchesOf) : [],
  );
  const served = list(doc, 'nodes').flatMap((n) => (isObject(n.serves) ? Object.keys(n.serves) : []));
  return [...new Set([...steps, ...served])];
}

/** `base`, or `base-2`, `base-3`, ... when it is taken. */
function fresh(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export const NODE_KIND_NAMES = { team: 'team', agent: 'agent', service: 'service', gate: 'gate' } as const;
export type NodeKind = keyof typeof NODE_KIND_NAMES;

/** A new node of a kind, serving `step` (or a step of its own), with one server. */
export function addNode(doc: unknown, kind: NodeKind, step?: string): Doc {
  const d = isObject(doc) ? doc : {};
  const nodes = list(d, 'nodes');
  const id = fresh(
    kind,
    nodes.map((n) => String(n.id)),
  );
  const serves = step ?? fresh('work', stepsOf(d));
  return {
    ...d,
    nodes: [...nodes, { id, kind, capacity: 1, serves: { [serves]: { dist: 'exponential', mean: 1 } } }],
  };
}

/** Removes a node, and the time series' mention of it; the steps it served stay with the others. */
export function removeNode(doc: unknown, index: number): Doc {
  const d = isObject(doc) ? doc : {};
  const nodes = list(d, 'nodes');
  const gone = nodes[index];
  if (!gone) return d;
  const out: Doc = { ...d, nodes: nodes.filter((_, i) => i !== index) };
  const run = d.run;
  if (isObject(run) && Array.isArray(run.seriesNodes)) {
    const series = run.seriesNodes.filter((id) => id !== gone.id);
    const { seriesNodes: _s, ...rest } = run;
    out.run = series.length > 0 ? { ...rest, seriesNodes: series } : rest;
  }
  return out;
}

/** A new class of work taking the first step the scenario knows, arriving once a time unit. */
export function addDemand(doc: unknown): Doc {
  const d = isObject(doc) ? doc : {};
  const demand = list(d, 'demand');
  const id = fresh(
    'work',
    demand.map((x) => String(x.id)),
  );
  const steps = stepsOf(d).slice(0, 1);
  return {
    ...d,
    demand: [
      ...demand,
      {
        id,
        interarrival: { dist: 'exponential', mean: 1 },
        steps: steps.length ? steps : ['work'],
        priority: 0,
      },
    ],
  };
}

export function removeDemand(doc: unknown, index: number): Doc {
  const d = isObject(doc) ? doc : {};
  return { ...d, demand: list(d, 'demand').filter((_, i) => i !== index) };
}

/**
 * A class of work's priority (higher is served first); empty leaves the default, 0. Returns
 * the reason when the text is not a whole number.
 */
export function setPriority(doc: unknown, index: number, text: string): Doc | string {
  const d = isObject(doc) ? doc : {};
  const t = text.trim();
  const value = Number(t);
  if (t !== '' && !(Number.isInteger(value) && Math.abs(value) <= 1_000_000))
    return 'priority must be a whole number, higher served first (e.g. expedite 1, standard 0)';
  return {
    ...d,
    demand: list(d, 'demand').map((x, i) => {
      if (i !== index) return x;
      const { priority: _old, ...rest } = x;
      return t === '' ? rest : { ...x, priority: value };
    }),
  };
}

/** Edits one class of work's list of steps (each a capability or a parallel step, as written). */
function withSteps(doc: unknown, index: number, edit: (steps: unknown[]) => unknown[]): Doc {
  const d = isObject(doc) ? doc : {};
  return {
    ...d,
    demand: list(d, 'demand').map((x, i) =>
      i === index ? { ...x, steps: edit(Array.isArray(x.steps) ? [...x.steps] : []) } : x,
    ),
  };
}

/** Adds a step at the end of a class of work; a new step name needs a node to serve it (see `setServes`). */
export function addStep(doc: unknown, demand: number, step: string): Doc {
  return withSteps(doc, demand, (steps) => [...steps, step]);
}

export function removeStep(doc: unknown, demand: number, at: number): Doc {
  return withSteps(doc, demand, (steps) => steps.filter((_, i) => i !== at));
}

/**
 * Step `at` is worked on in parallel with `step` (fork and join): a capability becomes
 * `{ "all": [it, step] }`, a parallel step gains a branch. A branch it has already is left be.
 */
export function addBranch(doc: unknown, demand: number, at: number, step: string): Doc {
  return withSteps(doc, demand, (steps) =>
    steps.map((s, i) => {
      const branches = branchesOf(s);
      return i !== at || branches.includes(step) ? s : { all: [...branches, step] };
    }),
  );
}

/** Drops one branch of a parallel step; with one branch left it is an ordinary step again. */
export function removeBranch(doc: unknown, demand: number, at: number, branch: string): Doc {
  return withSteps(doc, demand, (steps) =>
    steps.map((s, i) => {
      if (i !== at || !isObject(s)) return s;
      const left = branchesOf(s).filter((b) => b !== branch);
      return left.length === 1 ? left[0] : { all: left };
    }),
  );
}

/** Moves a step one place earlier (-1) or later (+1); at either end it stays. */
export function moveStep(doc: unknown, demand: number, at: number, by: -1 | 1): Doc {
  return withSteps(doc, demand, (steps) => {
    const to = at + by;
    if (to < 0 || to >= steps.length || at < 0 || at >= steps.length) return steps;
    const out = [...steps];
    [out[at], out[to]] = [out[to], out[at]];
    return out;
  });
}

/** Whether a node serves a step: on adds it with a service time of one time unit; off removes it. */
export function setServes(doc: unknown, node: number, step: string, on: boolean): Doc {
  const d = isObject(doc) ? doc : {};
  return {
    ...d,
    nodes: list(d, 'nodes').map((n, i) => {
      if (i !== node) return n;
      const serves = isObject(n.serves) ? n.serves : {};
      if (on)
        return step in serves ? n : { ...n, serves: { ...serves, [step]: { dist: 'exponential', mean: 1 } } };
      const { [step]: _gone, ...rest } = serves;
      return { ...n, serves: rest };
    }),
  };
}

/**
 * Renames a node, a step or a class of work everywhere it is named, or says why not: the new
 * name is empty, already taken, or not one the schema accepts for an id.
 */
export function rename(doc: unknown, referent: Referent, from: string, to: string): Doc | string {
  const name = to.trim();
  const d = isObject(doc) ? doc : {};
  if (name === from) return d;
  if (name === '') return 'a name must not be empty';
  const taken =
    referent === 'node'
      ? list(d, 'nodes').map((n) => n.id)
      : referent === 'demand'
        ? list(d, 'demand').map((x) => x.id)
        : stepsOf(d);
  if (taken.includes(name))
    return `“${name}” is already the name of another ${referent === 'step' ? 'step' : referent === 'node' ? 'node' : 'class of work'}`;
  if (referent !== 'step' && !/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(name))
    return 'an id must start with a letter or digit and use only letters, digits, "-", "_", "." or ":"';
  if (name === '__proto__') return 'a step must not be named "__proto__"';
  return renameReferent(d, referent, from, name) as Doc;
}
