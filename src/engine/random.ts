/**
 * Seeded, named random streams.
 *
 * Every random draw in a run comes from a stream named after what it is for
 * (`arrivals:feature`, `service:review-team`, `routing`). A stream depends only on the
 * seed and its name, so two variants of a scenario that share a node also share that
 * node's random numbers (common random numbers), and editing one node never changes the
 * samples of another. That makes comparisons between variants far less noisy.
 *
 * The generator is Baagøe's Alea: fast, small state, and good enough statistically for
 * simulation. It is imported by path because seedrandom's package root requires node's
 * crypto, which would not bundle for the browser.
 */
import alea from 'seedrandom/lib/alea.js';

/** A uniform random number in [0, 1) on each call. */
export type Random = () => number;

/** The stream called `name` for `seed`: the same pair always gives the same sequence. */
export function randomStream(seed: number, name: string): Random {
  // A seed never contains "/", so the first "/" separates seed from name unambiguously.
  // (`state: true` only lets `streamState` read where the stream stands; the draws are the same.)
  return alea(`${seed}/${name}`, { state: true });
}

/**
 * Alea's state: three seeds and a carry. From it, each draw is (seedrandom's alea.js):
 *   t = 2091639 s0 + c 2^-32;  s0 = s1;  s1 = s2;  c = t | 0;  s2 = t - c;  the draw is s2.
 */
export interface StreamState {
  s0: number;
  s1: number;
  s2: number;
  c: number;
}

/** Where a stream from `randomStream` stands: its next draw is the one after this state. */
export function streamState(stream: Random): StreamState {
  const state = (stream as ReturnType<typeof alea>).state;
  if (!state) throw new Error('streamState: not a stream from randomStream');
  return state();
}

/**
 * The seed of replication `replication` (0, 1, 2, ...) of a run with seed `seed`: an unsigned
 * 32-bit integer. Replication 0 uses a scrambled seed too, not `seed` itself.
 *
 * For a given seed, distinct replications (below 2^32) always get distinct seeds: adding
 * `replication * 0x9e3779b9` is one-to-one modulo 2^32 (the multiplier is odd), and the
 * MurmurHash3 finaliser applied after it is a bijection on 32-bit integers.
 */
export function replicationSeed(seed: number, replication: number): number {
  const base = mix32((seed >>> 0) ^ mix32(Math.floor(seed / 2 ** 32) >>> 0));
  return mix32((base + Math.imul(replication + 1, 0x9e3779b9)) >>> 0);
}

/** MurmurHash3's 32-bit finaliser (fmix32): every input bit affects every output bit. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
