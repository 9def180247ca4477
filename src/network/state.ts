/**
 * The state of one replication: the scenario compiled into typed arrays, the calendar, the
 * items and service units, each node's counts, the random streams and the measurements so
 * far. The run loop (simulation.ts) and the handlers it calls (arrivals.ts, work.ts,
 * moves.ts, disruptions.ts, observe.ts) all read and change this one object; it imports
 * none of them, so dependencies run one way: loop, then handlers, then state.
 */
import { Calendar } from '../engine/calendar.ts';
import type { Sampler } from '../engine/distributions.ts';
import { type Random, randomStream } from '../engine/random.ts';
import type { Scenario } from '../model/scenario.ts';
import { compileDisciplines } from './disciplines.ts';
import { DrawsAhead } from './draws-ahead.ts';
import { compileEconomics, type Economics, hasEconomics } from './economics.ts';
import { type TraceEvent, WINDOW_END } from './events.ts';
import { Items } from './items.ts';
import { MoveCounts } from './move-counts.ts';
import { Queues } from './node-queue.ts';
import { newOutcome, type ReplicationOutcome } from './outcome.ts';
import { ItemQueue } from './queue.ts';
import { newReleases, type Releases } from './releases.ts';
import { createReliability } from './reliability.ts';
import type { Route, RoutingView } from './routing.ts';
import { compileRules, type Rules } from './rules.ts';
import { type SeriesPlan, seriesPlan } from './series-plan.ts';
import { STRATEGIES } from './strategies/index.ts';
import type { Topology } from './topology.ts';
import { UnitList, Units } from './units.ts';

export interface ReplicationOptions {
  /**
   * Called at each step of each item and each change of a node's availability (tests and
   * traces only; leave unset for speed). `item`, `node` and `capability` are -1 where they
   * do not apply. `admit` and `leave` bracket an item's stay at a node (for WIP limits).
   * `detail` says more where an event needs it: the demand class of an `arrive`, the size
   * of the batch a `start` is part of, 1 for a `finish` that failed, the node a `block` waits
   * for room at, the time a `handoff` reaches its node, the new `capacity`; else 0. At a
   * parallel step `fork` starts each part of an item (`item` is the part, a slot of its own
   * while it lives, `node` where the item forked, `capability` its branch) and `join` ends it
   * at the node where it was done; `detail` is then the item the part belongs to.
   */
  trace?: (
    event: TraceEvent,
    time: number,
    item: number,
    node: number,
    capability: number,
    detail: number,
  ) => void;
  /** Points kept in the time series (default 1000). */
  seriesPoints?: number;
  /** Items in the system at which the run stops with `overflow` (default MAX_WIP; lower only in tests). */
  maxWip?: number;
  /** Runs a plain network through the general loop (tests that pin the plain loop to it). */
  generalLoop?: boolean;
}

export class ReplicationState {
  now = 0;
  events = 0;

  // Fields set in the constructor are `declare`d. An ES2022 class field without an
  // initializer is first defined as undefined, and V8 then no longer knows that it always
  // holds, say, an Int32Array: every read of an array through it would check its type.

  // What the scenario says, compiled.
  declare readonly nodeCount: number;
  declare readonly capCount: number;
  declare readonly warmup: number;
  declare readonly duration: number;
  declare readonly maxTime: number;
  declare readonly routing: Scenario['routing'];
  declare readonly rules: Rules;
  declare readonly steps: Int32Array[];
  /**
   * The same steps in one array, each class's followed by -1 (no step left), from
   * `stepStart[class]`: read on every step, so one array rather than one per class.
   */
  declare readonly stepList: Int32Array;
  declare readonly stepStart: Int32Array;
  /**
   * Fork f's branches are `forkBranches[forkBranchStart[f] .. forkBranchStart[f + 1])`. A part
   * for branch b is of class `classCount + b`, whose steps are that one capability.
   */
  declare readonly forkBranches: Int32Array;
  declare readonly forkBranchStart: Int32Array;
  declare readonly classCount: number;
  declare readonly candidates: Int32Array;
  declare readonly candidateStart: Int32Array;
  /** Per capability, the node that always takes it (the only one, or fixed routing's), else -1. */
  declare readonly fixedNode: Int32Array;
  /** What each node serves, and its service times for each (topology.ts, `serveIndex`). */
  declare readonly serveStart: Int32Array;
  declare readonly servedCapability: Int32Array;
  declare readonly serviceMean: Float64Array;
  declare readonly serviceSampler: Sampler[];
  declare readonly route: Route;
  declare readonly view: RoutingView;
  declare readonly trace: ReplicationOptions['trace'];

  // Random streams, one per purpose.
  declare readonly arrivalStreams: Random[];
  declare readonly serviceStreams: Random[];
  /** Service times of nodes with one capability, and gaps of steady demand, drawn ahead (draws-ahead.ts). */
  declare readonly serviceAhead: DrawsAhead;
  declare readonly arrivalsAhead: DrawsAhead;
  declare readonly failureStreams: Random[];
  declare readonly outageStreams: Random[];
  /** Only for nodes with a blocker (blockers.ts). */
  declare readonly blockerStreams: (Random | undefined)[];
  declare readonly handoffStream: Random;
  /** Per class, the stream its items' values are drawn from (only for a class with a value). */
  declare readonly valueStreams: (Random | undefined)[];

  /** The release step's failed changes, when the scenario names a release (releases.ts). */
  declare readonly releases: Releases | undefined;
  /** The classes' cost of delay and value, when the scenario has economics (economics.ts). */
  declare readonly economics: Economics | undefined;

  // The calendar, the items and the service units.
  readonly calendar = new Calendar();
  readonly items = new Items();
  readonly units = new Units();

  // Arrivals.
  declare readonly interarrival: Sampler[];
  declare readonly nextArrivalAt: Float64Array;
  declare readonly demandChangeIndex: Int32Array;
  /** Items that have arrived and are not done, backlog included. */
  wip = 0;
  /** Items committed to the system (not in the CONWIP backlog). */
  committedWip = 0;
  /** Items waiting for the CONWIP limit: a single queue (index 0). */
  declare readonly backlog: Queues;

  // Each node's state.
  declare readonly capacity: Int32Array;
  /** Servers held: working, paused, or kept by finished items blocked downstream. */
  declare readonly busy: Int32Array;
  /** Servers working right now (for utilisation). */
  declare readonly working: Int32Array;
  /** Items waiting at each node: the queues' lengths. */
  declare readonly queued: Int32Array;
  declare readonly queues: Queues;
  /** Expected work waiting and in service at each node, kept only when `tracksWork` (routing reads them). */
  declare readonly queuedWork: Float64Array;
  declare readonly busyWork: Float64Array;
  declare readonly tracksWork: boolean;
  /**
   * Items at or headed for the node: queued, in service, finished but blocked, in transit to it.
   * The plain loop sets them when it returns, not at every move (plain-loop.ts `runPlain`).
   */
  declare readonly nodeWip: Int32Array;
  /**
   * Each node's WIP limit as the run applies it: the scenario's, raised by one for each item
   * put aside there by a blocker that does not count against it (blockers.ts), so that
   * `nodeWip >= wipLimit` reads "full" whichever way blocked work is counted.
   */
  declare readonly wipLimit: Int32Array;
  /** Finished items waiting at the node for room downstream. */
  declare readonly blockedHere: Int32Array;
  /** Items waiting for room at the node (blocked upstream, or arrivals). */
  declare readonly waitingForRoom: ItemQueue[];
  declare readonly serving: UnitList[];
  declare readonly up: Uint8Array;
  declare readonly open: Uint8Array;
  declare readonly available: Uint8Array;
  declare readonly gateBatchPending: Uint8Array;
  declare readonly batchTimeoutAt: Float64Array;
  declare readonly capacityChangeIndex: Int32Array;
  /** Multitasking nodes: the rate at which each item in service progresses, and since when. */
  declare readonly shareRate: Float64Array;
  declare readonly shareSince: Float64Array;

  /** Scratch list of candidate nodes for routing. */
  declare readonly scratch: Int32Array;

  // Counters that tell when nothing can move any more (deadlock).
  /** Services in progress: units, and items served alone at plain nodes. */
  servicesInProgress = 0;
  inTransit = 0;
  blocked = 0;
  /** Items put aside at their node until a blocker clears (blockers.ts). */
  setAside = 0;
  /** The last tag given to an item's unblocking. */
  blockerTags = 0;

  // Statistics.
  declare readonly out: ReplicationOutcome;
  declare readonly lastChange: Float64Array;
  // The outcome's per-node areas and counts, held directly: they are updated on every change.
  declare readonly busyArea: Float64Array;
  declare readonly capacityArea: Float64Array;
  declare readonly queueArea: Float64Array;
  declare readonly blockedArea: Float64Array;
  declare readonly downArea: Float64Array;
  declare readonly queueMax: Int32Array;
  declare readonly waitTotal: Float64Array;
  declare readonly waitCount: Float64Array;
  declare readonly served: Float64Array;
  /** The outcome's time and work per capability, held directly: they change at every service. */
  declare readonly stepWait: Float64Array;
  declare readonly stepWork: Float64Array;
  declare readonly moves: MoveCounts;
  /** Areas at the start of the current bottleneck window (busy, capacity, queue per node). */
  declare readonly windowStart: Float64Array;
  windowsClosed = 0;
  wipLast = 0;
  arrivedTotal = 0;
  doneTotal = 0;
  declare readonly entered: Float64Array;
  declare readonly sample: Float64Array;
  /** The nodes and capabilities the time series follows (series-plan.ts). */
  declare readonly seriesPlan: SeriesPlan;

  declare readonly topology: Topology;
  declare readonly seed: number;

  constructor(scenario: Scenario, topology: Topology, seed: number, options: ReplicationOptions = {}) {
    this.topology = topology;
    this.seed = seed;
    const n = topology.nodeIds.length;
    const nc = topology.capabilities.length;
    this.nodeCount = n;
    this.capCount = nc;
    this.warmup = scenario.run.warmup;
    this.duration = scenario.run.duration;
    this.maxTime = scenario.run.maxTime ?? 10 * scenario.run.duration;
    this.routing = scenario.routing;
    this.trace = options.trace;
    this.rules = compileRules(scenario, topology);
    this.classCount = topology.classIds.length;
    this.forkBranchStart = new Int32Array(topology.forks.length + 1);
    topology.forks.forEach((branches, f) => {
      this.forkBranchStart[f + 1] = this.forkBranchStart[f] + branches.length;
    });
    this.forkBranches = Int32Array.from(topology.forks.flatMap((branches) => [...branches]));
    // The classes' steps, then each branch's as the steps of the class of its parts.
    this.steps = [...topology.steps, ...Array.from(this.forkBranches, (cap) => Int32Array.of(cap))];
    this.stepStart = new Int32Array(this.steps.length);
    const stepList: number[] = [];
    this.steps.forEach((steps, c) => {
      this.stepStart[c] = stepList.length;
      stepList.push(...steps, -1);
    });
    this.stepList = Int32Array.from(stepList);
    this.candidates = topology.candidates;
    this.candidateStart = topology.candidateStart;
    this.fixedNode = Int32Array.from({ length: nc }, (_, c) => {
      const first = topology.candidateStart[c];
      const count = topology.candidateStart[c + 1] - first;
      return count === 1 || scenario.routing === 'fixed' ? topology.candidates[first] : -1;
    });
    this.serveStart = topology.serveStart;
    this.servedCapability = topology.servedCapability;
    this.serviceMean = topology.serviceMean;
    this.serviceSampler = topology.serviceSampler;

    this.arrivalStreams = topology.classIds.map((id) => randomStream(seed, `arrivals:${id}`));
    this.serviceStreams = topology.nodeIds.map((id) => randomStream(seed, `service:${id}`));
    this.serviceAhead = new DrawsAhead(
      topology.nodeIds.map((_, node) =>
        topology.serveStart[node + 1] - topology.serveStart[node] === 1
          ? topology.serviceSampler[topology.serveStart[node]]
          : undefined,
      ),
      this.serviceStreams,
    );
    this.failureStreams = topology.nodeIds.map((id) => randomStream(seed, `failure:${id}`));
    this.outageStreams = topology.nodeIds.map((id) => randomStream(seed, `outages:${id}`));
    this.blockerStreams = topology.nodeIds.map((id, n) =>
      this.rules.blockerProbability[n] > 0 ? randomStream(seed, `blocker:${id}`) : undefined,
    );
    this.handoffStream = randomStream(seed, 'handoff');
    this.economics = hasEconomics(scenario) ? compileEconomics(scenario) : undefined;
    this.releases =
      scenario.release === undefined
        ? undefined
        : releasesOf(topology, topology.capabilities.indexOf(scenario.release));
    this.valueStreams = scenario.demand.map((d) =>
      d.value === undefined ? undefined : randomStream(seed, `value:${d.id}`),
    );

    this.interarrival = [...topology.interarrival];
    this.arrivalsAhead = new DrawsAhead(
      topology.interarrival.map((sampler, c) => (this.rules.demandSchedule[c] ? undefined : sampler)),
      this.arrivalStreams,
    );
    this.nextArrivalAt = new Float64Array(topology.classIds.length).fill(-1);
    this.demandChangeIndex = new Int32Array(topology.classIds.length);
    this.backlog = new Queues(1, this.rules.levels, this.items);

    this.capacity = Int32Array.from(topology.capacity);
    this.busy = new Int32Array(n);
    this.working = new Int32Array(n);
    const disciplines = compileDisciplines(scenario);
    this.queues = new Queues(n, this.rules.levels, this.items, { ...disciplines, view: this });
    this.queued = this.queues.length;
    this.queuedWork = new Float64Array(n);
    this.busyWork = new Float64Array(n);
    this.tracksWork = STRATEGIES[scenario.routing].readsWork;
    this.nodeWip = new Int32Array(n);
    this.wipLimit = Int32Array.from(this.rules.wipLimit);
    this.blockedHere = new Int32Array(n);
    this.waitingForRoom = Array.from({ length: n }, () => new ItemQueue());
    this.serving = Array.from({ length: n }, () => new UnitList());
    this.up = new Uint8Array(n).fill(1);
    this.open = Uint8Array.from(this.rules.gate, (g) => (g ? 0 : 1));
    this.available = Uint8Array.from(this.open);
    this.gateBatchPending = new Uint8Array(n);
    this.batchTimeoutAt = new Float64Array(n).fill(-1);
    this.capacityChangeIndex = new Int32Array(n);
    this.shareRate = new Float64Array(n);
    this.shareSince = new Float64Array(n);

    this.scratch = new Int32Array(n);
    this.route = STRATEGIES[scenario.routing].route;
    this.view = {
      capacity: this.capacity,
      busy: this.busy,
      queued: this.queued,
      queuedWork: this.queuedWork,
      busyWork: this.busyWork,
      serveStart: this.serveStart,
      servedCapability: this.servedCapability,
      serviceMean: this.serviceMean,
      roundRobin: new Int32Array(nc),
      random: randomStream(seed, 'routing'),
      // "Recent" for the downtime record: one bottleneck window of the run.
      reliability: createReliability(n, this.duration / scenario.run.windows, this),
      from: -1,
      freedAtFrom: 0,
    };

    this.lastChange = new Float64Array(n);
    this.entered = new Float64Array(nc);
    // The time series: WIP, each followed node's queue and utilisation, and cumulative counts
    // for a cumulative flow diagram (series-plan.ts lays out the channels).
    this.seriesPlan = seriesPlan(scenario, topology);
    const channels = this.seriesPlan.channels;
    this.sample = new Float64Array(channels);
    const seriesPoints = options.seriesPoints ?? 1000;
    this.out = newOutcome(scenario, topology, seed, channels, seriesPoints);
    ({
      busyArea: this.busyArea,
      capacityArea: this.capacityArea,
      queueArea: this.queueArea,
      blockedArea: this.blockedArea,
      downArea: this.downArea,
      queueMax: this.queueMax,
      waitTotal: this.waitTotal,
      waitCount: this.waitCount,
      served: this.served,
    } = this.out.nodes);
    this.stepWait = this.out.stepWait;
    this.stepWork = this.out.stepWork;
    this.moves = new MoveCounts(n, this.out.moves);
    this.windowStart = new Float64Array(3 * n);
    // One window end pending at a time keeps the calendar small (closeWindow schedules the next).
    this.calendar.schedule(this.warmup + this.out.windows.width, WINDOW_END, 0);
  }
}

/** The release step's capability and the nodes that serve it. */
function releasesOf(topology: Topology, capability: number): Releases {
  const nodes = Uint8Array.from(topology.nodeIds, (_, n) => {
    for (let k = topology.serveStart[n]; k < topology.serveStart[n + 1]; k++)
      if (topology.servedCapability[k] === capability) return 1;
    return 0;
  });
  return newReleases(capability, nodes);
}
