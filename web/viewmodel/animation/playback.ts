/**
 * Playing a watched run's trace against a clock: batches are pulled from the worker while
 * fewer than two are waiting (back-pressure: the page never holds more, however long the run),
 * and the events up to the clock are applied to the flow's state. The clock never runs past
 * what has arrived, so a slow worker makes the animation wait rather than skip.
 *
 * Several playbacks advance in lockstep (side by side): one clock, held to the earliest
 * point any of them has reached, and a step goes to the earliest next event among them.
 */
import { TRACE_EVENTS, TRACE_FIELDS, type TraceBatch, type TraceEvent } from '../../../src/runner.ts';
import { applyEvent, type FlowStart, type FlowState, land, newFlowState } from './flow-state.ts';

/** Events per batch pulled from the worker while playing. */
export const BATCH_EVENTS = 2048;

export type Feed = (maxEvents: number) => Promise<TraceBatch>;
export type EventListener = (
  event: TraceEvent,
  time: number,
  item: number,
  node: number,
  detail: number,
) => void;

export class Playback {
  readonly state: FlowState;
  /** The trace is over: every event has been applied or is buffered. */
  ended = false;
  private readonly batches: TraceBatch[] = [];
  /** The next event to apply, in batches[0]. */
  private cursor = 0;
  private buffered = 0;
  private pending = false;
  private failure: unknown;
  private readonly listeners: EventListener[] = [];

  constructor(
    start: FlowStart,
    private readonly feed: Feed,
  ) {
    this.state = newFlowState(start);
  }

  /** Called with each event as it is applied. */
  listen(listener: EventListener): void {
    this.listeners.push(listener);
  }

  /** Events buffered and not applied. */
  get waiting(): number {
    return this.buffered;
  }

  /** The worker failed: the error it gave (the animation stops and says so). */
  get error(): unknown {
    return this.failure;
  }

  /**
   * Asks for the next batch if fewer than two are waiting and none is on its way; `size`
   * larger when jumping ahead. Resolves when that batch (if any) has arrived.
   */
  fill(size = BATCH_EVENTS): Promise<void> {
    if (this.ended || this.pending || this.failure !== undefined || this.buffered >= 2 * size)
      return Promise.resolve();
    this.pending = true;
    return this.feed(size).then(
      (batch) => {
        this.pending = false;
        this.push(batch);
      },
      (error) => {
        this.pending = false;
        this.failure = error ?? new Error('the watched run failed');
      },
    );
  }

  /** Adds a batch (fill does; tests call it directly). */
  push(batch: TraceBatch): void {
    if (batch.count > 0) {
      this.batches.push(batch);
      this.buffered += batch.count;
    }
    if (batch.done) this.ended = true;
  }

  /** The time of the next event to apply: Infinity once the trace is over, NaN while it has not arrived. */
  nextTime(): number {
    const batch = this.batches[0];
    if (batch) return batch.events[this.cursor * TRACE_FIELDS + 1];
    return this.ended ? Number.POSITIVE_INFINITY : Number.NaN;
  }

  /** How far the clock may go: to the last event buffered (every earlier one is known), or anywhere once the trace is over. */
  horizon(): number {
    if (this.ended) return Number.POSITIVE_INFINITY;
    const last = this.batches[this.batches.length - 1];
    return last ? last.events[(last.count - 1) * TRACE_FIELDS + 1] : this.state.time;
  }

  /** Applies every buffered event up to time t, and moves the clock to t (or as far as the trace is known). */
  advanceTo(t: number): void {
    const until = Math.min(t, this.horizon());
    while (this.batches.length > 0) {
      const batch = this.batches[0];
      const e = batch.events;
      const at = this.cursor * TRACE_FIELDS;
      const time = e[at + 1];
      if (time > until) break;
      const event = TRACE_EVENTS[e[at]];
      applyEvent(this.state, event, time, e[at + 2], e[at + 3], e[at + 5]);
      for (const listen of this.listeners) listen(event, time, e[at + 2], e[at + 3], e[at + 5]);
      this.buffered--;
      if (++this.cursor === batch.count) {
        this.batches.shift();
        this.cursor = 0;
      }
    }
    if (until > this.state.time && until < Number.POSITIVE_INFINITY) {
      land(this.state, until);
      this.state.time = until;
    }
  }
}

/** The earliest point every playback has reached: where a shared clock may go. */
export function sharedHorizon(plays: readonly Playback[]): number {
  return Math.min(...plays.map((p) => p.horizon()));
}

/** Moves every playback to time t, or to the shared horizon if that is earlier; returns the time reached. */
export function advanceAll(plays: readonly Playback[], t: number): number {
  const until = Math.min(t, sharedHorizon(plays));
  for (const p of plays) p.advanceTo(until);
  return until;
}

/**
 * Steps every playback to the earliest next event among them (both variants' events at that
 * time applied, in each one's order). Returns that time, or NaN if a playback's next event has
 * not arrived yet (fill, then step again), or Infinity when every trace is over.
 */
export function stepAll(plays: readonly Playback[]): number {
  const times = plays.map((p) => p.nextTime());
  if (times.some((t) => Number.isNaN(t))) return Number.NaN;
  const t = Math.min(...times);
  if (t === Number.POSITIVE_INFINITY) return t;
  for (const p of plays) p.advanceTo(t);
  return t;
}
