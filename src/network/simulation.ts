/**
 * One replication of a scenario: work items arrive, are routed step by step to nodes that
 * serve each step, wait in the node's queue if its servers are busy, and leave when their
 * last step is done.
 *
 * The run loop is `advance()`: pop the next event, move the clock, handle it. There are
 * two kinds of event, an arrival of a demand class and the end of an item's service at a
 * node. Everything else (routing, queueing, starting service, statistics) happens inside
 * those two handlers. The loop can be driven in slices (`advance(maxEvents)`) so a worker
 * can report progress and stop at once when cancelled.
 *
 * Statistics are streamed: lead and cycle times go into summaries and log-bucketed
 * histograms, queues, WIP and busy servers into time-weighted areas, so memory depends on
 * the work in progress, not on the number of items.
 */
import { Calendar } from '../engine/calendar.ts';
import { type Random, randomStream } from '../engine/random.ts';
import { QuantileHistogram } from '../metrics/histogram.ts';
import { SeriesRecorder } from '../metrics/series.ts';
import { RunningSummary } from '../metrics/summary.ts';
import { ThinnedPoints } from '../metrics/thinned-points.ts';
import type { Scenario } from '../model/scenario.ts';
import { Items } from './items.ts';
import { ItemQueue } from './queue.ts';
import { ROUTES, type Route, type RoutingView } from './routing.ts';
import type { Topology } from './topology.ts';

/** Event kinds on the calendar; the subject is a demand class for ARRIVAL, an item slot for DONE. */
export const ARRIVAL = 0;
export const DONE = 1;

export type StopReason = 'drained' | 'time-cap';

export type TraceEvent = 'arrive' | 'start' | 'finish' | 'complete';

export interface ReplicationOptions {
  /**
   * Called at each step of each item (tests and traces only; leave unset for speed):
   * an item arrives, starts or finishes service at a node for a capability, or is done.
   * `node` and `capability` are -1 where they do not apply.
   */
  trace?: (event: TraceEvent, time: number, item: number, node: number, capability: number) => void;
  /** Points kept in the time series (default 1000). */
  seriesPoints?: number;
}

/** What one replication measured; aggregated across replications by `experiment/`. */
export interface ReplicationOutcome {
  seed: number;
  stoppedBy: StopReason;
  endTime: number;
  events: number;
  /** Items that arrived at or after warm-up (the ones statistics describe). */
  arrived: number;
  /** Of those, how many were done by the end. */
  completed: number;
  /** Items of any arrival time still in the system at the end (non-zero only when capped). */
  inProgressAtEnd: number;
  /** Items done inside the observation window [warmup, duration], whatever their arrival. */
  completedInWindow: number;
  window: number;
  leadTime: RunningSummary;
  leadTimeHistogram: QuantileHistogram;
  cycleTime: RunningSummary;
  cycleTimeHistogram: QuantileHistogram;
  touchTime: number;
  leadTimeTotal: number;
  wipArea: number;
  wipMax: number;
  nodes: {
    busyArea: Float64Array;
    queueArea: Float64Array;
    queueMax: Int32Array;
    /** Total time items waited in the node's queue, and how many waits that is. */
    waitTotal: Float64Array;
    waitCount: Float64Array;
    served: Float64Array;
  };
  /** Items moved from node a to node b at `a * (N + 1) + b`; a = N is arrival, b = N is done. */
  moves: Float64Array;
  series: SeriesRecorder;
  cycleTimes: ThinnedPoints;
}

export class Replication {
  now = 0;
  events = 0;
  finished = false;

  // The topology's tables, held directly so the hot loop reads one field, not two.
  private readonly interarrival: Topology['interarrival'];
  private readonly steps: Topology['steps'];
  private readonly candidates: Int32Array;
  private readonly candidateStart: Int32Array;
  private readonly capacity: Int32Array;
  private readonly meanService: Float64Array;
  private readonly service: Topology['service'];
  private readonly calendar = new Calendar();
  // The outcome's per-node arrays, held directly for the same reason.
  private readonly busyArea: Float64Array;
  private readonly queueArea: Float64Array;
  private readonly queueMax: Int32Array;
  private readonly waitTotal: Float64Array;
  private readonly waitCount: Float64Array;
  private readonly served: Float64Array;
  private readonly items = new Items();
  private readonly queues: ItemQueue[];
  private readonly route: Route;
  private readonly view: RoutingView;
  private readonly busy: Int32Array;
  private readonly queued: Int32Array;
  private readonly queuedWork: Float64Array;
  private readonly busyWork: Float64Array;
  private readonly arrivalStreams: Random[];
  private readonly serviceStreams: Random[];
  private readonly lastChange: Float64Array;
  private readonly entered: Float64Array;
  private readonly sample: Float64Array;
  private readonly warmup: number;
  private readonly duration: number;
  private readonly maxTime: number;
  private readonly nodeCount: number;
  private readonly capCount: number;
  private wip = 0;
  private wipLast = 0;
  private arrivedTotal = 0;
  private doneTotal = 0;
  private readonly out: ReplicationOutcome;

  constructor(
    scenario: Scenario,
    topology: Topology,
    readonly seed: number,
    private readonly options: ReplicationOptions = {},
  ) {
    const n = topology.nodeIds.length;
    const nc = topology.capabilities.length;
    this.nodeCount = n;
    ({
      interarrival: this.interarrival,
      steps: this.steps,
      candidates: this.candidates,
      candidateStart: this.candidateStart,
      capacity: this.capacity,
      meanService: this.meanService,
      service: this.service,
    } = topology);
    this.capCount = nc;
    this.warmup = scenario.run.warmup;
    this.duration = scenario.run.duration;
    this.maxTime = scenario.run.maxTime ?? 10 * scenario.run.duration;
    this.queues = Array.from({ length: n }, () => new ItemQueue());
    this.busy = new Int32Array(n);
    this.queued = new Int32Array(n);
    this.queuedWork = new Float64Array(n);
    this.busyWork = new Float64Array(n);
    this.lastChange = new Float64Array(n);
    this.entered = new Float64Array(nc);
    this.arrivalStreams = topology.classIds.map((id) => randomStream(seed, `arrivals:${id}`));
    this.serviceStreams = topology.nodeIds.map((id) => randomStream(seed, `service:${id}`));
    this.route = ROUTES[scenario.routing];
    this.view = {
      candidates: topology.candidates,
      candidateStart: topology.candidateStart,
      capabilityCount: nc,
      capacity: topology.capacity,
      busy: this.busy,
      queued: this.queued,
      queuedWork: this.queuedWork,
      busyWork: this.busyWork,
      meanService: topology.meanService,
      roundRobin: new Int32Array(nc),
      random: randomStream(seed, 'routing'),
    };
    // Series channels: WIP, each node's queue, then cumulative counts for a cumulative
    // flow diagram: arrived, entered each capability, done.
    const channels = 1 + n + 1 + nc + 1;
    const seriesPoints = options.seriesPoints ?? 1000;
    this.sample = new Float64Array(channels);
    this.out = {
      seed,
      stoppedBy: 'drained',
      endTime: 0,
      events: 0,
      arrived: 0,
      completed: 0,
      inProgressAtEnd: 0,
      completedInWindow: 0,
      window: this.duration - this.warmup,
      leadTime: new RunningSummary(),
      leadTimeHistogram: new QuantileHistogram(),
      cycleTime: new RunningSummary(),
      cycleTimeHistogram: new QuantileHistogram(),
      touchTime: 0,
      leadTimeTotal: 0,
      wipArea: 0,
      wipMax: 0,
      nodes: {
        busyArea: new Float64Array(n),
        queueArea: new Float64Array(n),
        queueMax: new Int32Array(n),
        waitTotal: new Float64Array(n),
        waitCount: new Float64Array(n),
        served: new Float64Array(n),
      },
      moves: new Float64Array((n + 1) * (n + 1)),
      series: new SeriesRecorder(0, this.duration / seriesPoints, channels, seriesPoints),
      cycleTimes: new ThinnedPoints(),
    };
    ({
      busyArea: this.busyArea,
      queueArea: this.queueArea,
      queueMax: this.queueMax,
      waitTotal: this.waitTotal,
      waitCount: this.waitCount,
      served: this.served,
    } = this.out.nodes);
    for (let c = 0; c < topology.classIds.length; c++) this.scheduleArrival(c);
  }

  /** Handles up to `maxEvents` events; returns true once the replication has finished. */
  advance(maxEvents = Number.POSITIVE_INFINITY): boolean {
    const calendar = this.calendar;
    const series = this.out.series;
    for (let budget = maxEvents; budget > 0 && !this.finished; budget--) {
      const t = calendar.peekTime();
      if (t === Number.POSITIVE_INFINITY) return this.finish('drained');
      if (t > this.maxTime) return this.finish('time-cap');
      if (t >= series.nextDue) this.recordSeries(t);
      calendar.pop();
      this.now = t;
      this.events++;
      const subject = calendar.subject;
      if (calendar.kind === ARRIVAL) this.arrive(subject);
      else this.serviceDone(subject);
    }
    return this.finished;
  }

  /** The measurements; call once `advance()` has returned true. */
  outcome(): ReplicationOutcome {
    return this.out;
  }

  /** Fraction of the run done, by simulated time, for progress bars. */
  progress(): number {
    return this.finished ? 1 : Math.min(0.99, this.now / this.duration);
  }

  private scheduleArrival(demandClass: number): void {
    const gap = this.interarrival[demandClass](this.arrivalStreams[demandClass]);
    const at = this.now + gap;
    // Arrivals stop at `duration`; the items already in the system then drain.
    if (at < this.duration) this.calendar.schedule(at, ARRIVAL, demandClass);
  }

  private arrive(demandClass: number): void {
    const slot = this.items.take(demandClass, this.now);
    this.arrivedTotal++;
    if (this.now >= this.warmup) this.out.arrived++;
    this.changeWip(1);
    if (this.options.trace) this.options.trace('arrive', this.now, slot, -1, -1);
    this.scheduleArrival(demandClass);
    this.routeToStep(slot, this.nodeCount);
  }

  /** Chooses the node for the item's current step and starts it there or queues it. */
  private routeToStep(slot: number, from: number): void {
    const items = this.items;
    const cap = this.steps[items.demandClass[slot]][items.step[slot]];
    const start = this.candidateStart[cap];
    const node =
      this.candidateStart[cap + 1] - start === 1 ? this.candidates[start] : this.route(this.view, cap);
    items.node[slot] = node;
    this.entered[cap]++;
    if (items.arrival[slot] >= this.warmup) this.out.moves[from * (this.nodeCount + 1) + node]++;
    if (this.busy[node] < this.capacity[node]) {
      items.enqueued[slot] = this.now;
      this.startService(slot, node, cap);
      return;
    }
    this.accrue(node);
    this.queues[node].push(slot);
    this.queued[node]++;
    this.queuedWork[node] += this.meanService[node * this.capCount + cap];
    items.enqueued[slot] = this.now;
    if (this.queued[node] > this.queueMax[node] && this.inWindow(this.now))
      this.queueMax[node] = this.queued[node];
  }

  private startService(slot: number, node: number, cap: number): void {
    const items = this.items;
    this.accrue(node);
    this.busy[node]++;
    const at = node * this.capCount + cap;
    this.busyWork[node] += this.meanService[at];
    const duration = this.service[at]!(this.serviceStreams[node]);
    items.touch[slot] += duration;
    if (items.firstStart[slot] < 0) items.firstStart[slot] = this.now;
    if (items.arrival[slot] >= this.warmup) {
      this.waitTotal[node] += this.now - items.enqueued[slot];
      this.waitCount[node]++;
    }
    if (this.options.trace) this.options.trace('start', this.now, slot, node, cap);
    this.calendar.schedule(this.now + duration, DONE, slot);
  }

  private serviceDone(slot: number): void {
    const items = this.items;
    const node = items.node[slot];
    const steps = this.steps[items.demandClass[slot]];
    const cap = steps[items.step[slot]];
    this.accrue(node);
    this.busy[node]--;
    this.busyWork[node] -= this.meanService[node * this.capCount + cap];
    if (items.arrival[slot] >= this.warmup) this.served[node]++;
    if (this.options.trace) this.options.trace('finish', this.now, slot, node, cap);

    // The freed server takes the oldest waiting item before this one moves on, so an item
    // that comes back to the same node for its next step joins the back of the queue.
    if (this.queued[node] > 0) {
      const next = this.queues[node].shift();
      this.queued[node]--;
      const nextCap = this.steps[items.demandClass[next]][items.step[next]];
      this.queuedWork[node] -= this.meanService[node * this.capCount + nextCap];
      this.startService(next, node, nextCap);
    }

    const step = ++items.step[slot];
    if (step < steps.length) this.routeToStep(slot, node);
    else this.complete(slot, node);
  }

  private complete(slot: number, node: number): void {
    const items = this.items;
    const out = this.out;
    const now = this.now;
    this.changeWip(-1);
    this.doneTotal++;
    if (this.options.trace) this.options.trace('complete', now, slot, -1, -1);
    if (this.inWindow(now)) out.completedInWindow++;
    const arrival = items.arrival[slot];
    if (arrival >= this.warmup) {
      const lead = now - arrival;
      const cycle = now - items.firstStart[slot];
      out.completed++;
      out.leadTime.add(lead);
      out.leadTimeHistogram.add(lead);
      out.cycleTime.add(cycle);
      out.cycleTimeHistogram.add(cycle);
      out.touchTime += items.touch[slot];
      out.leadTimeTotal += lead;
      out.moves[node * (this.nodeCount + 1) + this.nodeCount]++;
      out.cycleTimes.offer(now, cycle);
    }
    items.release(slot);
  }

  private inWindow(t: number): boolean {
    return t >= this.warmup && t <= this.duration;
  }

  /** Adds the node's queue and busy servers since its last change to the time-weighted areas. */
  private accrue(node: number): void {
    const from = clamp(this.lastChange[node], this.warmup, this.duration);
    const to = clamp(this.now, this.warmup, this.duration);
    if (to > from) {
      this.queueArea[node] += this.queued[node] * (to - from);
      this.busyArea[node] += this.busy[node] * (to - from);
    }
    this.lastChange[node] = this.now;
  }

  /** Adds WIP since its last change to the time-weighted area, then applies the change. */
  private changeWip(delta: number): void {
    const from = clamp(this.wipLast, this.warmup, this.duration);
    const to = clamp(this.now, this.warmup, this.duration);
    if (to > from) this.out.wipArea += this.wip * (to - from);
    this.wipLast = this.now;
    this.wip += delta;
    if (this.wip > this.out.wipMax && this.inWindow(this.now)) this.out.wipMax = this.wip;
  }

  private recordSeries(t: number): void {
    const series = this.out.series;
    const sample = this.sample;
    const n = this.nodeCount;
    const nc = this.capCount;
    sample[0] = this.wip;
    for (let i = 0; i < n; i++) sample[1 + i] = this.queued[i];
    sample[1 + n] = this.arrivedTotal;
    for (let c = 0; c < nc; c++) sample[2 + n + c] = this.entered[c];
    sample[2 + n + nc] = this.doneTotal;
    while (t >= series.nextDue) series.record(sample);
  }

  private finish(reason: StopReason): boolean {
    this.finished = true;
    const out = this.out;
    out.stoppedBy = reason;
    out.endTime = this.now;
    out.events = this.events;
    out.inProgressAtEnd = this.items.inProgress;
    // Close the time-weighted areas at the end of the run.
    for (let node = 0; node < this.nodeCount; node++) this.accrue(node);
    this.changeWip(0);
    return true;
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
