import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('property tests', () => {
  it('draw their cases from one fixed seed unless told to explore', () => {
    const asked = process.env.FLOWLAB_FC_SEED;
    if (asked === 'random') {
      expect(fc.readConfigureGlobal().seed).toBeUndefined();
    } else {
      expect(fc.readConfigureGlobal().seed).toBe(asked ? Number(asked) : 20_261_130);
      // The same seed gives the same cases: a run of npm test tries what the last one tried.
      expect(fc.sample(fc.double(), 5)).toEqual(fc.sample(fc.double(), 5));
    }
  });
});
