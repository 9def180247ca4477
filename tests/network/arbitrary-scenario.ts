/**
 * A fast-check arbitrary for valid scenarios: small networks (1–5 nodes, 1–4 capabilities,
 * 1–3 demand classes) with every distribution kind and every routing strategy, short
 * enough that a property can run dozens of them in a second or two. Some are overloaded
 * on purpose: an unstable system must still end (drained, or at the time cap).
 */
import fc from 'fast-check';
import { ROUTING_STRATEGIES } from '../../src/model/scenario.ts';

const CAPABILITIES = ['analysis', 'build', 'review', 'release'];

export const arbitraryDistribution = (mean: fc.Arbitrary<number>) =>
  fc.oneof(
    mean,
    mean.map((m) => ({ dist: 'exponential', mean: m })),
    mean.map((m) => ({ dist: 'uniform', min: m / 2, max: (m * 3) / 2 })),
    mean.map((m) => ({ dist: 'triangular', min: 0, mode: m, max: 2 * m })),
    mean.map((m) => ({ dist: 'normal', mean: m, sd: m / 2 })),
    fc
      .tuple(mean, fc.double({ min: 0.1, max: 2, noNaN: true }))
      .map(([m, cv]) => ({ dist: 'lognormal', mean: m, cv })),
    fc
      .tuple(mean, fc.double({ min: 0.1, max: 2, noNaN: true }))
      .map(([m, cv]) => ({ dist: 'gamma', mean: m, cv })),
    fc.tuple(mean, fc.integer({ min: 1, max: 5 })).map(([m, k]) => ({ dist: 'erlang', mean: m, k })),
    fc.tuple(fc.double({ min: 0.5, max: 3, noNaN: true }), mean).map(([shape, scale]) => ({
      dist: 'weibull',
      shape,
      scale,
    })),
    fc.array(mean, { minLength: 1, maxLength: 5 }).map((values) => ({ dist: 'empirical', values })),
  );

export function arbitraryScenario() {
  return fc
    .record({
      capabilities: fc.integer({ min: 1, max: CAPABILITIES.length }),
      nodeCount: fc.integer({ min: 1, max: 5 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      replications: fc.integer({ min: 1, max: 3 }),
      duration: fc.integer({ min: 10, max: 150 }),
      routing: fc.constantFrom(...ROUTING_STRATEGIES),
    })
    .chain((shape) => {
      const caps = CAPABILITIES.slice(0, shape.capabilities);
      const node = (i: number) =>
        fc
          .record({
            capacity: fc.integer({ min: 1, max: 4 }),
            extra: fc.subarray(caps),
            services: fc.array(arbitraryDistribution(fc.double({ min: 0.05, max: 3, noNaN: true })), {
              minLength: caps.length,
              maxLength: caps.length,
            }),
          })
          .map(({ capacity, extra, services }) => {
            // Node i always serves the capabilities j with j mod nodeCount = i, so every
            // capability has at least one server.
            const own = caps.filter((_, j) => j % shape.nodeCount === i);
            if (own.length === 0) own.push(caps[i % caps.length]);
            const served = new Set([...own, ...extra]);
            return {
              id: `node-${i}`,
              kind: 'team',
              capacity,
              serves: Object.fromEntries([...served].map((c) => [c, services[caps.indexOf(c)]])),
            };
          });
      const demand = (i: number) =>
        fc
          .record({
            interarrival: arbitraryDistribution(fc.double({ min: 0.3, max: 3, noNaN: true })),
            steps: fc.array(fc.constantFrom(...caps), { minLength: 1, maxLength: 5 }),
          })
          .map((d) => ({ id: `class-${i}`, ...d }));
      return fc.record({
        name: fc.constant('generated'),
        timeUnit: fc.constant('hour'),
        run: fc.record({
          duration: fc.constant(shape.duration),
          warmup: fc.integer({ min: 0, max: Math.floor(shape.duration / 4) }),
          seed: fc.constant(shape.seed),
          replications: fc.constant(shape.replications),
        }),
        routing: fc.constant(shape.routing),
        nodes: fc.tuple(...Array.from({ length: shape.nodeCount }, (_, i) => node(i))),
        demand: fc
          .integer({ min: 1, max: 3 })
          .chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => demand(i)))),
      });
    });
}
