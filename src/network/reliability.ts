/**
 * An exponentially weighted record of how reliable each node has been lately: the share
 * of its recent work that failed, and the share of the recent past it was down. Routing
 * strategy `reliability` reads it to steer work around unreliable nodes.
 */
import { exp } from '../engine/math.ts';
export interface Reliability {
  /** Exponentially weighted share of failed services (weight ALPHA per service). */
  failure: Float64Array;
  /** Exponentially time-weighted share of time down, as of `lastUpdate` (see downShare). */
  down: Float64Array;
  lastUpdate: Float64Array;
  isDown: Uint8Array;
  /** Time constant of the downtime record. */
  horizon: number;
  clock: { now: number };
}

/** Weight of the latest service in the failure record: about the last 20 services count. */
const ALPHA = 0.05;

export function createReliability(nodes: number, horizon: number, clock: { now: number }): Reliability {
  return {
    failure: new Float64Array(nodes),
    down: new Float64Array(nodes),
    lastUpdate: new Float64Array(nodes),
    isDown: new Uint8Array(nodes),
    horizon,
    clock,
  };
}

export function recordService(r: Reliability, node: number, failed: boolean): void {
  r.failure[node] += ALPHA * ((failed ? 1 : 0) - r.failure[node]);
}

/** The share of recent time down, decayed to now: d(t) = d(t0) e^-(dt/h) + [down] (1 - e^-(dt/h)). */
export function downShare(r: Reliability, node: number): number {
  const decay = exp(-(r.clock.now - r.lastUpdate[node]) / r.horizon);
  return r.down[node] * decay + (r.isDown[node] ? 1 - decay : 0);
}

export function recordAvailability(r: Reliability, node: number, down: boolean): void {
  r.down[node] = downShare(r, node);
  r.lastUpdate[node] = r.clock.now;
  r.isDown[node] = down ? 1 : 0;
}

/** How much longer than its plain expected time work at this node takes, given its record. */
export function unreliability(r: Reliability, node: number): number {
  return 1 / (Math.max(0.02, 1 - r.failure[node]) * Math.max(0.02, 1 - downShare(r, node)));
}
