/**
 * The bench's 7 x M/M/2 tandem written by hand, as `../shared/limit/tandem.mjs` is, but keeping
 * the statistics flowlab keeps at every step of a plain network (plain-loop.ts): each node's
 * queue, busy and capacity areas clipped to the observation window, each node's and each step's
 * wait, each step's work, items served and entered, moves between nodes, each item's touch time,
 * commitment and handoffs, the WIP area, and each item's lead time. It draws from flowlab's own
 * streams (Alea, seeded as flowlab seeds the replication) with flowlab's own logarithm, in the
 * same order, so its mean lead time equals flowlab's to the last digits: the same model, the same
 * numbers.
 *
 * It leaves out what flowlab does beyond that: the lead and cycle time histograms and sketches,
 * per-class statistics, series, windows, the checks between events, the tie order of the
 * calendar, items of any shape. So its speed is a bound for the engine on this model with its
 * statistics: the hand-written program with nothing else to do. bench/limit.ts runs it in a
 * process of its own, beside the C program and the plain JavaScript twin.
 *
 *     node --import tsx bench/limit-statistics.ts ITEMS SEED
 * prints items/s by wall and by CPU time as tandem.mjs does, and the mean lead time.
 */
import { log } from '../src/engine/math.ts';
import { randomStream, replicationSeed, streamState } from '../src/engine/random.ts';

const STAGES = 7;
const SERVERS = 2;
const MEAN_GAP = 1 / 1.6;
const WARMUP = 1000;

/** One Alea stream stepped inline (random.ts `StreamState`) and drawn in blocks, as draws-ahead.ts does. */
class Exponential {
  s0: number;
  s1: number;
  s2: number;
  c: number;
  constructor(
    seed: number,
    name: string,
    readonly negMean: number,
  ) {
    const state = streamState(randomStream(seed, name));
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
    this.c = state.c;
  }
  /** Draws ahead, a block at a time: V8 inlines the logarithm into this small loop, not into the busy handlers. */
  private readonly ahead = new Float64Array(64);
  private next = 64;
  draw(): number {
    if (this.next === 64) this.refill();
    return this.ahead[this.next++];
  }
  private refill(): void {
    let { s0, s1, s2, c } = this;
    for (let k = 0; k < 64; k++) {
      const t = 2091639 * s0 + c * 2.3283064365386963e-10;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      this.ahead[k] = this.negMean * log(1 - s2);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.c = c;
    this.next = 0;
  }
}

/**
 * The tandem to `items` arrivals' worth of time (as bench/systems.ts `tandemScenario`: arrivals
 * stop at items / 1.6, then the system drains), replication 0 of `seed`.
 */
export function simulateTandem(items: number, seed: number) {
  const duration = items / 1.6;
  const replication = replicationSeed(seed, 0);
  const arrivals = new Exponential(replication, 'arrivals:job', -MEAN_GAP);
  const services = Array.from(
    { length: STAGES },
    (_, n) => new Exponential(replication, `service:stage-s${n + 1}`, -1),
  );
  // Calendar: a binary heap of times and packed payloads, (stage + 1) << 20 | item (stage -1: an arrival).
  const times = new Float64Array(64);
  const payloads = new Int32Array(64);
  let pending = 0;
  // Items: recycled slots.
  const SLOTS = 1 << 16;
  const arrival = new Float64Array(SLOTS);
  const enqueued = new Float64Array(SLOTS);
  const touch = new Float64Array(SLOTS);
  const committed = new Float64Array(SLOTS);
  const handoffs = new Int32Array(SLOTS);
  const free = new Int32Array(SLOTS);
  let freeCount = 0;
  let used = 0;
  // Nodes: ring-buffer queues and the statistics.
  const RING = 4096;
  const ring = new Int32Array(STAGES * RING);
  const head = new Int32Array(STAGES);
  const tail = new Int32Array(STAGES);
  const busy = new Int32Array(STAGES);
  const lastChange = new Float64Array(STAGES);
  const queueArea = new Float64Array(STAGES);
  const busyArea = new Float64Array(STAGES);
  const capacityArea = new Float64Array(STAGES);
  const waitTotal = new Float64Array(STAGES);
  const waitCount = new Float64Array(STAGES);
  const stepWait = new Float64Array(STAGES);
  const stepWork = new Float64Array(STAGES);
  const served = new Float64Array(STAGES);
  const entered = new Float64Array(STAGES);
  const moves = new Float64Array((STAGES + 1) * (STAGES + 1));
  let wip = 0;
  let wipLast = 0;
  let wipArea = 0;
  let arrived = 0;
  let completed = 0;
  let leadTotal = 0;
  let events = 0;

  const push = (t: number, p: number) => {
    let k = pending++;
    while (k > 0) {
      const q = (k - 1) >> 1;
      if (times[q] <= t) break;
      times[k] = times[q];
      payloads[k] = payloads[q];
      k = q;
    }
    times[k] = t;
    payloads[k] = p;
  };
  const sink = (t: number, p: number) => {
    let k = 0;
    for (;;) {
      let c = 2 * k + 1;
      if (c >= pending) break;
      if (c + 1 < pending && times[c + 1] < times[c]) c++;
      if (times[c] >= t) break;
      times[k] = times[c];
      payloads[k] = payloads[c];
      k = c;
    }
    times[k] = t;
    payloads[k] = p;
  };
  const clamp = (t: number) => (t < WARMUP ? WARMUP : t > duration ? duration : t);
  const accrue = (n: number, now: number) => {
    const last = lastChange[n];
    if (last === now) return;
    lastChange[n] = now;
    const dt = last >= WARMUP && now <= duration ? now - last : clamp(now) - clamp(last);
    if (!(dt > 0)) return;
    queueArea[n] += (tail[n] - head[n]) * dt;
    busyArea[n] += busy[n] * dt;
    capacityArea[n] += SERVERS * dt;
  };
  const changeWip = (now: number, delta: number) => {
    const from = clamp(wipLast);
    const to = clamp(now);
    if (to > from) wipArea += wip * (to - from);
    wipLast = now;
    wip += delta;
  };
  /** A server of node n starts on the item: its time drawn, its wait and work counted; returns when it ends. */
  const start = (n: number, item: number, now: number): number => {
    const work = services[n].draw();
    touch[item] += work;
    if (committed[item] < 0) committed[item] = now;
    if (arrival[item] >= WARMUP) {
      const wait = now - enqueued[item];
      waitTotal[n] += wait;
      waitCount[n]++;
      stepWait[n] += wait;
      stepWork[n] += work;
    }
    busy[n]++;
    return now + work;
  };

  push(arrivals.draw(), 0);
  while (pending > 0) {
    const t = times[0];
    const p = payloads[0];
    events++;
    // Up to two events follow: the first takes the root's place, the second is pushed.
    let firstTime = -1;
    let firstPayload = 0;
    let secondTime = -1;
    let secondPayload = 0;
    let from = (p >> 20) - 1;
    let item = p & 0xfffff;
    let to: number;
    if (from < 0) {
      item = freeCount > 0 ? free[--freeCount] : used++;
      arrival[item] = t;
      enqueued[item] = t;
      touch[item] = 0;
      committed[item] = -1;
      handoffs[item] = 0;
      if (t >= WARMUP) arrived++;
      changeWip(t, 1);
      const next = t + arrivals.draw();
      if (next < duration) {
        firstTime = next;
        firstPayload = 0;
      }
      from = STAGES;
      to = 0;
    } else {
      accrue(from, t);
      if (arrival[item] >= WARMUP) served[from]++;
      busy[from]--;
      if (head[from] !== tail[from]) {
        const next = ring[from * RING + (head[from]++ & (RING - 1))];
        firstTime = start(from, next, t);
        firstPayload = ((from + 1) << 20) | next;
      }
      to = from + 1;
      if (to === STAGES) {
        changeWip(t, -1);
        if (arrival[item] >= WARMUP) {
          completed++;
          leadTotal += t - arrival[item];
          moves[from * (STAGES + 1) + STAGES]++;
        }
        free[freeCount++] = item;
      } else handoffs[item]++;
    }
    if (to < STAGES) {
      entered[to]++;
      if (arrival[item] >= WARMUP) moves[from * (STAGES + 1) + to]++;
      enqueued[item] = t;
      accrue(to, t);
      if (busy[to] < SERVERS && head[to] === tail[to]) {
        const end = start(to, item, t);
        const payload = ((to + 1) << 20) | item;
        if (firstTime < 0) {
          firstTime = end;
          firstPayload = payload;
        } else {
          secondTime = end;
          secondPayload = payload;
        }
      } else ring[to * RING + (tail[to]++ & (RING - 1))] = item;
    }
    if (firstTime < 0) {
      pending--;
      if (pending > 0) sink(times[pending], payloads[pending]);
    } else {
      sink(firstTime, firstPayload);
      if (secondTime >= 0) push(secondTime, secondPayload);
    }
  }
  const kept = [
    queueArea,
    busyArea,
    capacityArea,
    waitTotal,
    waitCount,
    stepWait,
    stepWork,
    served,
    entered,
    moves,
  ];
  return { arrived, completed, leadMean: leadTotal / completed, events, wipArea, kept };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [items = '1000000', seed = '1'] = process.argv.slice(2);
  const wall0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const s = simulateTandem(Number(items), Number(seed));
  const wall = Number(process.hrtime.bigint() - wall0) / 1e9;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  console.log(
    `js-statistics items=${s.arrived} events=${s.events} wall=${wall.toFixed(3)} s cpu=${cpu.toFixed(3)} s ` +
      `items/s=${Math.round(s.arrived / wall)} (cpu ${Math.round(s.arrived / cpu)}) lead=${s.leadMean}`,
  );
}
