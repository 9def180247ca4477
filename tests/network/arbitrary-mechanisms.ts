/**
 * Generated scenarios with the lean mechanisms switched on at random: WIP limits (with
 * blocking or rejection), batches, failures with rework or escalation, outages, gates on a
 * schedule, capacity and demand schedules, multitasking, priorities with or without
 * preemption, CONWIP, handoff delays and affinity. Every one is valid by construction.
 */
import fc from 'fast-check';
import { arbitraryDistribution, arbitraryScenario } from './arbitrary-scenario.ts';

type Plain = fc.Arbitrary<ReturnType<typeof arbitraryScenario> extends fc.Arbitrary<infer T> ? T : never>;

const time = (min: number, max: number) => fc.double({ min, max, noNaN: true });

export function arbitraryLeanScenario() {
  return (arbitraryScenario() as Plain).chain((plain) => {
    const duration = plain.run.duration;
    const node = (n: (typeof plain.nodes)[number]) =>
      fc
        .record({
          style: fc.constantFrom('plain', 'batch', 'gate', 'multitask'),
          extraWip: fc.option(fc.integer({ min: 0, max: 3 })),
          batch: fc.record({ size: fc.integer({ min: 1, max: 4 }), timeout: fc.option(time(0.5, 5)) }),
          gate: fc.record({ every: time(2, 10), openShare: time(0.2, 0.8), batch: fc.boolean() }),
          switchCost: time(0, 0.5),
          failure: fc.option(
            fc.record({
              probability: time(0, 0.4),
              scope: fc.constantFrom('item', 'batch'),
              escalate: fc.boolean(),
            }),
          ),
          outages: fc.option(fc.record({ mtbf: time(5, 50), mttr: time(0.5, 5) })),
          capacityDip: fc.option(fc.integer({ min: 0, max: 5 })),
        })
        .map((m) => {
          const out: Record<string, unknown> = { ...n };
          const dip = m.capacityDip ?? undefined;
          if (dip !== undefined)
            out.capacitySchedule = [
              { from: duration / 3, capacity: dip },
              { from: (2 * duration) / 3, capacity: n.capacity },
            ];
          const most = Math.max(n.capacity, dip ?? 0);
          // A batch without a timeout needs room for a whole batch (the schema says so).
          const fill = m.style === 'batch' && !m.batch.timeout ? m.batch.size : 0;
          if (m.extraWip !== null) out.wipLimit = Math.max(most + m.extraWip, fill);
          if (m.style === 'batch')
            out.batch = { size: m.batch.size, ...(m.batch.timeout ? { timeout: m.batch.timeout } : {}) };
          if (m.style === 'gate')
            out.schedule = {
              every: m.gate.every,
              open: m.gate.every * m.gate.openShare,
              batch: m.gate.batch,
            };
          if (m.style === 'multitask') out.multitasking = { switchCost: m.switchCost };
          if (m.failure) {
            const served = Object.keys(n.serves);
            out.failure = {
              probability: m.failure.probability,
              scope: m.failure.scope,
              // Escalate to a capability some node serves (every generated one is served).
              ...(m.failure.escalate ? { escalateTo: served[0] } : {}),
            };
          }
          if (m.outages)
            out.outages = {
              mtbf: { dist: 'exponential', mean: m.outages.mtbf },
              mttr: { dist: 'exponential', mean: m.outages.mttr },
            };
          return out;
        });
    const demand = (d: (typeof plain.demand)[number]) =>
      fc
        .record({
          priority: fc.integer({ min: 0, max: 2 }),
          surge: fc.option(arbitraryDistribution(fc.double({ min: 0.3, max: 3, noNaN: true }))),
          reject: fc.boolean(),
        })
        .map((m) => ({
          ...d,
          priority: m.priority,
          ...(m.surge !== null ? { schedule: [{ from: duration / 2, interarrival: m.surge }] } : {}),
          whenFull: m.reject ? 'reject' : 'wait',
        }));
    return fc
      .record({
        ...Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, fc.constant(v)])),
        nodes: fc.tuple(...plain.nodes.map(node)),
        demand: fc.tuple(...plain.demand.map(demand)),
        wipLimit: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
        handoff: fc.option(arbitraryDistribution(fc.double({ min: 0.01, max: 1, noNaN: true })), {
          nil: undefined,
        }),
        affinity: fc.boolean(),
        preemption: fc.boolean(),
      })
      .map((s) => {
        // Nor may a system WIP limit be below a batch without a timeout.
        const batches = s.nodes.map((n) => n.batch as { size: number; timeout?: number } | undefined);
        const fill = Math.max(0, ...batches.map((b) => (b && !b.timeout ? b.size : 0)));
        return s.wipLimit === undefined ? s : { ...s, wipLimit: Math.max(s.wipLimit, fill) };
      });
  });
}
