import { describe, expect, it } from 'vitest';
import { formatProblems, parseScenario } from '../../src/model/parse.ts';
import { nearestTimeUnit, TIME_UNITS } from '../../src/model/time-unit.ts';

const withUnit = (timeUnit: unknown) => ({
  name: 'small',
  timeUnit,
  run: { duration: 100 },
  demand: [{ id: 'feature', interarrival: 2, steps: ['build'] }],
  nodes: [{ id: 'devs', capacity: 1, serves: { build: 1 } }],
});

function problem(timeUnit: unknown): string {
  const outcome = parseScenario(withUnit(timeUnit));
  if (outcome.ok) throw new Error(`expected "${String(timeUnit)}" to be rejected`);
  return formatProblems(outcome.problems);
}

describe('timeUnit', () => {
  it('accepts minute, hour, day, week, month and sprint, and their plurals, as written', () => {
    expect(TIME_UNITS).toHaveLength(12);
    for (const unit of ['minute', 'hours', 'day', 'days', 'week', 'months', 'sprint', 'sprints']) {
      const outcome = parseScenario(withUnit(unit));
      expect(outcome.ok && outcome.scenario.timeUnit).toBe(unit);
    }
  });

  it('is a day when the file does not say', () => {
    const { timeUnit: _, ...document } = withUnit('day');
    const outcome = parseScenario(document);
    expect(outcome.ok && outcome.scenario.timeUnit).toBe('day');
  });

  it('rejects a typo with the path and the nearest unit, so it never becomes a unit of its own', () => {
    expect(problem('dya')).toBe(
      'timeUnit: "dya" is not a time unit: did you mean "day"? (use minute, hour, day, week, month, sprint, or their plurals)',
    );
    expect(problem('sprnts')).toMatch(/did you mean "sprints"\?/);
    expect(problem('Hours')).toMatch(/did you mean "hours"\?/);
    expect(problem('wek')).toMatch(/did you mean "week"\?/);
  });

  it('suggests nothing when no unit is close, and still lists the units', () => {
    expect(nearestTimeUnit('fortnight')).toBeUndefined();
    expect(problem('fortnight')).toBe(
      'timeUnit: "fortnight" is not a time unit (use minute, hour, day, week, month, sprint, or their plurals)',
    );
    expect(problem('')).toMatch(/^timeUnit: "" is not a time unit \(use minute/);
  });

  it('quotes only the start of a long word', () => {
    expect(problem('x'.repeat(10_000))).toBe(
      `timeUnit: "${'x'.repeat(40)}…" is not a time unit (use minute, hour, day, week, month, sprint, or their plurals)`,
    );
  });

  it('rejects what is not text', () => {
    expect(problem(3)).toBe(
      'timeUnit: timeUnit must be one of minute, hour, day, week, month, sprint, or their plurals',
    );
  });
});
