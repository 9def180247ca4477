import { describe, expect, it } from 'vitest';
import { edited, interval, paired, preset, runSeeds } from './paired.ts';

const reliability = preset('reliability-routing.json');
const shortestQueue = edited(reliability, (d) => {
  d.routing = 'shortest-queue';
});

describe('reliability-aware routing against shortest-queue (reliability-routing.json)', () => {
  const sq = runSeeds(shortestQueue, 20);
  const rel = runSeeds(reliability, 20);

  it('bypasses the unreliable team', () => {
    const [lo] = interval(paired(rel, sq, (r) => r.nodes['team-east'].served));
    expect(lo).toBeGreaterThan(0);
  });

  it('beats shortest-queue on lead time and on rework', () => {
    const [, leadHi] = interval(paired(sq, rel, (r) => r.leadTime.mean));
    expect(leadHi).toBeLessThan(0);
    const [, reworkHi] = interval(paired(sq, rel, (r) => r.reworkRate));
    expect(reworkHi).toBeLessThan(0);
  });
});
