/**
 * The delivery card's lines: DORA's four measures as the report words them, and in a
 * comparison each variant's with its paired difference from the baseline. The pipeline is
 * deterministic (a change a day, built in 0.5, released in 0.25, every release failing and
 * fixed by on-call), so every number is known: lead time for changes 0.5 + 0.25 + the fix.
 */
import { describe, expect, it } from 'vitest';
import { compare, type SimulationResult } from '../../src/index.ts';
import { deliveryLines } from '../../src/report/index.ts';
import { deliveryComparison, deliveryRows } from '../../web/viewmodel/delivery-card.ts';

const pipeline = (fix: number, more: Record<string, unknown> = { release: 'release' }) => ({
  name: 'by hand',
  run: { duration: 100, warmup: 10, replications: 3 },
  ...more,
  demand: [{ id: 'change', interarrival: 1, steps: ['build', 'release'] }],
  nodes: [
    { id: 'dev', capacity: 1, serves: { build: 0.5 } },
    {
      id: 'pipeline',
      kind: 'service',
      capacity: 1,
      serves: { release: 0.25 },
      failure: { probability: 1, escalateTo: 'fix' },
    },
    { id: 'on-call', capacity: 10, serves: { fix } },
  ],
});

describe('the delivery card', () => {
  it("shows a run's four measures in the report's words, each with its interval", () => {
    const r = {
      timeUnit: 'day',
      delivery: {
        release: 'deploy',
        deploymentFrequency: { perTimeUnit: 0.5, ci95: [0.45, 0.55] },
        deployments: 180,
        leadTimeForChanges: { mean: 12, ci95: [11, 13], count: 170 },
        changeFailureRate: { share: 0.1, ci95: [0.08, 0.12] },
        timeToRestore: { mean: 3, ci95: [2.5, 3.5], count: 18 },
      },
    } as unknown as SimulationResult;
    expect(deliveryRows(deliveryLines(r))).toEqual([
      {
        key: 'deployment-frequency',
        label: 'Deployment frequency',
        text: '0.5 ± 0.05 per day (180 deployments of "deploy" per replication)',
      },
      {
        key: 'lead-time-for-changes',
        label: 'Lead time for changes',
        text: '12 ± 1 days from commitment to released',
      },
      {
        key: 'change-failure-rate',
        label: 'Change failure rate',
        text: '10% of deployments failed (95% interval 8% to 12%)',
      },
      {
        key: 'time-to-restore',
        label: 'Time to restore',
        text: '3 ± 0.5 days over 18 incidents per replication (failed releases and outages)',
      },
    ]);
  });

  it('shows nothing without a release', () => {
    expect(deliveryRows(deliveryLines({ timeUnit: 'day' } as SimulationResult))).toEqual([]);
  });

  it("in a comparison, says under each of a variant's measures how it differs from the baseline's", () => {
    const c = compare([
      { name: 'Quick fix', scenario: pipeline(2) },
      { name: 'Slow fix', scenario: pipeline(3) },
      { name: 'No release', scenario: pipeline(2, {}) },
    ]);
    const variants = deliveryComparison(c);
    // The variant without a release has no measures to show.
    expect(variants.map((v) => [v.variant, v.baseline])).toEqual([
      ['Quick fix', true],
      ['Slow fix', false],
    ]);
    expect(variants[0].rows.map((r) => r.text)).toEqual(
      deliveryLines(c.variants[0].result).map((l) => l.text),
    );
    expect(variants[0].rows.every((r) => r.difference === undefined)).toBe(true);
    expect(variants[1].rows.map((r) => [r.key, r.text, r.difference])).toEqual([
      [
        'deployment-frequency',
        '1 ± 0 per day (90 deployments of "release" per replication)',
        'Slow fix’s deployment frequency is the same as Quick fix’s.',
      ],
      [
        'lead-time-for-changes',
        '3.75 ± 0 days from commitment to released',
        // 3.75 / 2.75 - 1
        'Slow fix’s lead time for changes is 36% longer than Quick fix’s, 95% interval 36% to 36%.',
      ],
      [
        'change-failure-rate',
        '100% of deployments failed (95% interval 100% to 100%)',
        'Slow fix’s change failure rate is the same as Quick fix’s.',
      ],
      [
        'time-to-restore',
        '3 ± 0 days over 90 incidents per replication (failed releases and outages)',
        'Slow fix’s time to restore is 50% longer than Quick fix’s, 95% interval 50% to 50%.',
      ],
    ]);
  });

  it('shows no comparison card when no variant has a release', () => {
    const c = compare([
      { name: 'A', scenario: pipeline(2, {}) },
      { name: 'B', scenario: pipeline(3, {}) },
    ]);
    expect(deliveryComparison(c)).toEqual([]);
  });
});
