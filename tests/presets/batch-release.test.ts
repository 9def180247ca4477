import { describe, expect, it } from 'vitest';
import { edited, interval, node, paired, preset, runSeeds } from './paired.ts';

const bigBatch = preset('batch-release.json');
const oneByOne = edited(bigBatch, (d) => {
  node(d, 'release-pipeline').batch.size = 1;
});

describe('batch size 20 against 1 at a release stage with batch-scope failures (batch-release.json)', () => {
  const small = runSeeds(oneByOne, 20);
  const big = runSeeds(bigBatch, 20);

  it('the big batch has the longer lead time', () => {
    const [lo] = interval(paired(small, big, (r) => r.leadTime.mean));
    expect(lo).toBeGreaterThan(0);
  });

  it('the big batch sends more work back per failure, and more work back overall', () => {
    const [lo] = interval(paired(small, big, (r) => r.reworkPerFailure));
    expect(lo).toBeGreaterThan(0);
    // One by one, a failure sends back exactly the change that failed.
    for (const r of small) expect(r.reworkPerFailure === 0 || r.reworkPerFailure === 1).toBe(true);
    const [rlo] = interval(paired(small, big, (r) => r.reworkRate));
    expect(rlo).toBeGreaterThan(0);
  });
});
