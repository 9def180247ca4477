/**
 * Types for seedrandom's Alea generator, imported by path in `random.ts`. @types/seedrandom only
 * describes the package root, which we avoid because it requires node's crypto.
 */
declare module 'seedrandom/lib/alea.js' {
  /** A generator seeded from the string: each call returns a uniform number in [0, 1) (32 random bits). */
  function alea(seed: string): () => number;
  export = alea;
}
