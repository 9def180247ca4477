/**
 * Types for seedrandom's Alea generator, imported by path in `random.ts`. @types/seedrandom only
 * describes the package root, which we avoid because it requires node's crypto.
 */
declare module 'seedrandom/lib/alea.js' {
  /**
   * A generator seeded from the string: each call returns a uniform number in [0, 1) (32 random
   * bits). With `{ state: true }` it also tells its state (the three seeds and the carry).
   */
  function alea(
    seed: string,
    options?: { state: true },
  ): {
    (): number;
    state?: () => { s0: number; s1: number; s2: number; c: number };
  };
  export = alea;
}
