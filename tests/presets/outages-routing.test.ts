import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/index.ts';
import { ratioCi95 } from '../../src/metrics/confidence.ts';
import { type Doc, edited, interval, paired, preset, runSeeds } from './paired.ts';

const network = preset('outages-routing.json');
const ring = edited(network, (d) => {
  d.routing = 'fixed';
});
const withoutOutages = (doc: Doc) =>
  edited(doc, (d) => {
    for (const n of d.nodes) delete n.outages;
  });

const leadTime = (r: SimulationResult) => r.leadTime.mean;
const throughput = (r: SimulationResult) => r.throughput;

describe('node outages with dynamic routing against a token ring (outages-routing.json)', () => {
  const reps = 20;
  const net = runSeeds(network, reps);
  const netCalm = runSeeds(withoutOutages(network), reps);
  const tokenRing = runSeeds(ring, reps);
  const ringCalm = runSeeds(withoutOutages(ring), reps);

  it('the network keeps its throughput through the outages (within 5%)', () => {
    const [lo, hi] = interval(paired(netCalm, net, throughput), true);
    expect(lo).toBeGreaterThan(-0.05);
    expect(hi).toBeLessThan(0.05);
  });

  it('the ring’s lead time jumps: longer than the network’s, and by a bigger factor', () => {
    const [lo] = interval(paired(net, tokenRing, leadTime), true);
    expect(lo).toBeGreaterThan(0);
    // Per seed, lead time with outages over lead time without, in each organisation.
    const netJump = net.map((r, i) => leadTime(r) / leadTime(netCalm[i]));
    const ringJump = tokenRing.map((r, i) => leadTime(r) / leadTime(ringCalm[i]));
    const [jlo] = interval(ratioCi95(netJump, ringJump));
    expect(jlo).toBeGreaterThan(0);
  });
});
