/**
 * The traffic equations of a routed network: how often, per arrival, an item of each class
 * is served at each node, counting every pass (Jackson 1957; Gross et al., "Fundamentals of
 * Queueing Theory", 4th ed., 4.1).
 *
 * An item's path is a Markov chain over (step, node) states. From a state it moves on to
 * the next step, or, when its work fails, back to an earlier step (`reworkTo`, or the same
 * step again) or aside to a person (`escalateTo`: a detour that cannot fail, after which the
 * item carries on with its next step). An approval's failureReduction screens the item for
 * its later steps until it is reworked (moves.ts), so a state also carries the item's screen,
 * the product of the reductions it passed since: 1 for a network without them. Each move picks the next node as routing would: the
 * previous node under affinity when it serves the step, else by the given shares. The
 * expected visits x solve x = e + P^T x (e: where arrivals enter), one small dense system
 * per class: it is solved per scenario, never per event.
 *
 * A parallel step (fork and join) is a state of its own at no node, which every visit leaves
 * for the next step; each of its branches is then a class of one step, arriving as often as
 * the fork is visited. After the join the item is routed as from no node (the node its last
 * branch finished at is not known in advance), so affinity across a join is not counted.
 */
import { pow } from '../engine/math.ts';
import { forkOf, serveIndex, type Topology } from './topology.ts';

export interface TrafficModel {
  topology: Topology;
  /** Arrivals per time unit of each class. */
  arrivalRate: Float64Array;
  /** Chance that one service of an item at node n fails (batch scope already folded in). */
  failure: Float64Array;
  /** One item's chance of failing at n, and over how many items a service's failure is drawn (batch scope). */
  probability: Float64Array;
  draws: Float64Array;
  /** What an item's chance of failing later is multiplied by once n has served it (1 - failureReduction). */
  screen: Float64Array;
  /** Capability a failed item at n goes back to (-1: the same step again). */
  reworkTo: Int32Array;
  /** Capability a failed item at n is escalated to (-1: none). */
  escalateTo: Int32Array;
  /** Share of the work for a capability that routing gives a node, at the node's serve index (topology.ts `serveIndex`). */
  share: Float64Array;
  /** Nodes that keep an item for its next step when they serve it (affinity); null: none. */
  keeps: Uint8Array | null;
}

/**
 * Items per time unit that arrive at node n needing capability c, at `serveIndex(topology, n, c)`:
 * the arrival rates times the expected visits. Infinite where failures trap work in a loop
 * it can never leave (a failure probability of 1). `solved` is false when a network too
 * large to solve exactly was iterated without converging (the rates are then lower bounds).
 */
export function trafficRates(model: TrafficModel): { rates: Float64Array; solved: boolean } {
  const { topology } = model;
  const rates = new Float64Array(topology.servedCapability.length);
  let solved = true;
  topology.steps.forEach((steps, c) => {
    if (steps.length > 0) solved = addClass(model, steps, model.arrivalRate[c], rates) && solved;
  });
  return { rates, solved };
}

/**
 * A state of an item's path: at `node`, for step `step` (on a detour to `capability` if
 * escalated), with its chance of failing multiplied by `screen`.
 */
interface State {
  step: number;
  node: number;
  capability: number;
  detour: boolean;
  screen: number;
}

/** The chance that a service at node n fails for an item screened by `screen`. */
function failureAt(model: TrafficModel, n: number, screen: number): number {
  if (screen === 1) return model.failure[n];
  const p = model.probability[n] * screen;
  return model.draws[n] === 1 ? p : 1 - pow(1 - p, model.draws[n]);
}

function addClass(
  model: TrafficModel,
  steps: Int32Array,
  rate: number,
  rates: Float64Array,
  screen = 1,
): boolean {
  const { topology } = model;
  const states: State[] = [];
  const index = new Map<string, number>();
  const stateOf = (step: number, node: number, capability: number, detour: boolean, screen: number) => {
    const key = `${detour ? 'd' : 'r'}${step}:${node}:${screen}`;
    let s = index.get(key);
    if (s === undefined) {
      s = states.length;
      states.push({ step, node, capability, detour, screen });
      index.set(key, s);
    }
    return s;
  };

  // Where an item goes for capability `cap` after node `from` (-1: it has just arrived).
  const route = (cap: number, from: number): [number, number][] => {
    if (model.keeps && from >= 0 && model.keeps[from] === 1 && serveIndex(topology, from, cap) >= 0)
      return [[from, 1]];
    const out: [number, number][] = [];
    for (let i = topology.candidateStart[cap]; i < topology.candidateStart[cap + 1]; i++) {
      const n = topology.candidates[i];
      const share = model.share[serveIndex(topology, n, cap)];
      if (share > 0) out.push([n, share]);
    }
    return out;
  };

  // The chain's moves, discovered from the arrivals outward: only reachable states exist.
  const moves: Map<number, number>[] = [];
  const exit: number[] = [];
  const onward = (to: Map<number, number>, step: number, from: number, p: number, screen: number) => {
    if (step >= steps.length) return p;
    if (steps[step] < 0) {
      const fork = stateOf(step, -1, steps[step], false, screen);
      to.set(fork, (to.get(fork) ?? 0) + p);
      return 0;
    }
    for (const [n, q] of route(steps[step], from)) {
      const s = stateOf(step, n, steps[step], false, screen);
      to.set(s, (to.get(s) ?? 0) + p * q);
    }
    return 0;
  };
  const entry = new Map<number, number>();
  onward(entry, 0, -1, 1, screen);
  for (let s = 0; s < states.length; s++) {
    const { step, node, detour, screen } = states[s];
    const to = new Map<number, number>();
    let done = 0;
    if (node < 0) {
      // A fork: every visit carries on to the next step once its parts have joined, screened
      // as it was before it forked.
      moves.push(to);
      exit.push(onward(to, step + 1, -1, 1, screen));
      continue;
    }
    const fail = detour ? 0 : failureAt(model, node, screen);
    // Served, the item is screened by this node too; reworked, it is a new change (screen 1).
    const passed = model.screen[node] === 1 ? screen : screen * model.screen[node];
    done += onward(to, step + 1, node, 1 - fail, passed);
    if (fail > 0) {
      const escalateTo = model.escalateTo[node];
      if (escalateTo >= 0)
        for (const [m, q] of route(escalateTo, node)) {
          const d = stateOf(step, m, escalateTo, true, passed);
          to.set(d, (to.get(d) ?? 0) + fail * q);
        }
      else done += onward(to, backTo(steps, step, model.reworkTo[node]), node, fail, 1);
    }
    moves.push(to);
    exit.push(done);
  }

  const { visits, solved } = solveVisits(states.length, entry, moves, exit);
  let branchesSolved = true;
  states.forEach((st, s) => {
    if (!(visits[s] > 0)) return;
    if (st.node >= 0) rates[serveIndex(topology, st.node, st.capability)] += rate * visits[s];
    else
      for (const branch of topology.forks[forkOf(st.capability)])
        branchesSolved =
          addClass(model, Int32Array.of(branch), rate * visits[s], rates, st.screen) && branchesSolved;
  });
  return solved && branchesSolved;
}

/** The step a failed item goes back to: the latest earlier `reworkTo`, or the same step. */
function backTo(steps: Int32Array, step: number, reworkTo: number): number {
  if (reworkTo < 0) return step;
  for (let k = step - 1; k >= 0; k--) if (steps[k] === reworkTo) return k;
  return step;
}

/**
 * Expected visits to each state: x = e + P^T x, over the states from which work can still
 * leave. A state that work reaches but can never leave gets infinitely many visits.
 */
function solveVisits(
  count: number,
  entry: Map<number, number>,
  moves: Map<number, number>[],
  exit: number[],
): { visits: Float64Array; solved: boolean } {
  // States that can reach the exit, by walking the moves backwards from those with one.
  const into: number[][] = Array.from({ length: count }, () => []);
  moves.forEach((to, s) => {
    for (const [t, p] of to) if (p > 0) into[t].push(s);
  });
  const leaves = new Uint8Array(count);
  const stack = exit.flatMap((p, s) => (p > 0 ? [s] : []));
  for (const s of stack) leaves[s] = 1;
  while (stack.length > 0)
    for (const s of into[stack.pop() as number])
      if (leaves[s] === 0) {
        leaves[s] = 1;
        stack.push(s);
      }

  const live = [...Array(count).keys()].filter((s) => leaves[s] === 1);
  const at = new Map(live.map((s, i) => [s, i]));
  const equations: Equations = { live, at, entry, moves };
  const x = live.length <= DENSE_LIMIT ? solveDense(equations) : iterate(equations);

  const visits = new Float64Array(count);
  live.forEach((s, i) => {
    visits[s] = x.visits[i];
  });
  // Work that reaches a state it can never leave stays there for ever.
  const reached = new Uint8Array(count);
  const queue = [...entry.keys()];
  for (const s of queue) reached[s] = 1;
  while (queue.length > 0) {
    const s = queue.pop() as number;
    for (const [t, p] of moves[s])
      if (p > 0 && reached[t] === 0) {
        reached[t] = 1;
        queue.push(t);
      }
  }
  for (let s = 0; s < count; s++)
    if (reached[s] === 1 && leaves[s] === 0) visits[s] = Number.POSITIVE_INFINITY;
  return { visits, solved: x.solved };
}

/**
 * The traffic equations x = e + P^T x over the states that can reach the exit: `live` lists
 * them, `at` gives each one's row, `entry` is e (arrivals per state) and `moves` is P.
 */
interface Equations {
  live: number[];
  at: Map<number, number>;
  entry: Map<number, number>;
  moves: Map<number, number>[];
}

/** Visits per state in `live` order; `solved` is false where iteration stopped at a lower bound. */
interface Solution {
  visits: Float64Array;
  solved: boolean;
}

/**
 * Above this many states a dense solve takes too much memory (m^2 numbers) and time: the
 * equations are iterated instead, in sparse form.
 */
const DENSE_LIMIT = 1500;

/**
 * (I - P^T) x = e by Gaussian elimination without pivoting, which is stable here: P is
 * substochastic, so every column of I - P^T is diagonally dominant, and elimination keeps it
 * so (Wilkinson). States come in roughly step order, so below the diagonal only the next
 * step's states are non-zero and elimination costs about m^2, not m^3.
 */
function solveDense({ live, at, entry, moves }: Equations): Solution {
  const m = live.length;
  const w = m + 1;
  const a = new Float64Array(m * w);
  live.forEach((s, i) => {
    a[i * w + i] += 1;
    a[i * w + m] = entry.get(s) ?? 0;
    for (const [t, p] of moves[s]) {
      const j = at.get(t);
      if (j !== undefined) a[j * w + i] -= p;
    }
  });
  for (let col = 0; col < m; col++) {
    const pivot = a[col * w + col];
    for (let r = col + 1; r < m; r++) {
      const f = a[r * w + col] / pivot;
      if (f === 0) continue;
      for (let k = col; k < w; k++) a[r * w + k] -= f * a[col * w + k];
    }
  }
  const visits = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let sum = a[i * w + m];
    for (let j = i + 1; j < m; j++) sum -= a[i * w + j] * visits[j];
    visits[i] = sum / a[i * w + i];
  }
  return { visits, solved: true };
}

/**
 * x = e + P^T x by Gauss-Seidel sweeps in state order, for networks too large to solve
 * densely: the error shrinks each sweep by about the chance of going round a rework loop,
 * so it stops when a sweep changes nothing in the 13th digit, or after a fixed amount of
 * work, when the visits are a lower bound (the sweeps only add) and `solved` is false.
 */
function iterate({ live, at, entry, moves }: Equations): Solution {
  const m = live.length;
  const into: [number, number][][] = Array.from({ length: m }, () => []);
  let links = 0;
  live.forEach((s, i) => {
    for (const [t, p] of moves[s]) {
      const j = at.get(t);
      if (j !== undefined && p > 0) {
        into[j].push([i, p]);
        links++;
      }
    }
  });
  const e = Float64Array.from(live, (s) => entry.get(s) ?? 0);
  const visits = new Float64Array(m);
  const sweeps = Math.max(100, Math.floor(50_000_000 / (links + m)));
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let change = 0;
    let size = 0;
    for (let i = 0; i < m; i++) {
      let x = e[i];
      for (const [k, p] of into[i]) x += p * visits[k];
      change = Math.max(change, Math.abs(x - visits[i]));
      size = Math.max(size, x);
      visits[i] = x;
    }
    if (change <= 1e-13 * size) return { visits, solved: true };
  }
  return { visits, solved: false };
}
