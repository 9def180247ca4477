import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeriesRecorder } from '../../src/metrics/series.ts';

/** Drives a recorder the way the run loop does: sample every due time before each event. */
function drive(
  series: SeriesRecorder,
  eventTimes: readonly number[],
  valueAt: (t: number) => number[],
): void {
  for (const t of eventTimes) {
    while (series.due(t)) series.record(valueAt(series.nextDue));
  }
}

describe('SeriesRecorder', () => {
  it('samples every channel on a regular grid, stamped with the due time rather than the event time', () => {
    const series = new SeriesRecorder(0, 1, 2);
    drive(series, [0.3, 2.7, 3.1], (t) => [t, 10 * t]);
    expect(series.toJSON()).toEqual({
      t: [0, 1, 2, 3],
      channels: [
        [0, 1, 2, 3],
        [0, 10, 20, 30],
      ],
    });
    expect(series.due(3.5)).toBe(false);
    expect(series.due(4)).toBe(true);
  });

  it('when full, keeps every other point and doubles the interval', () => {
    const series = new SeriesRecorder(10, 0.5, 1, 4);
    for (let i = 0; i < 4; i++) series.record([i]);
    // Points were at 10, 10.5, 11, 11.5; the grid is now 1 wide, so 10 and 11 stay.
    expect(series.toJSON()).toEqual({ t: [10, 11], channels: [[0, 2]] });
    expect(series.interval).toBe(1);
    expect(series.nextDue).toBe(12);
  });

  it('with an odd capacity keeps the last point and continues on the doubled grid', () => {
    const series = new SeriesRecorder(0, 1, 1, 5);
    for (let i = 0; i < 5; i++) series.record([i]);
    expect(series.toJSON().t).toEqual([0, 2, 4]);
    expect(series.nextDue).toBe(6);
  });

  it('copies the values it is given, so the caller may reuse one buffer', () => {
    const buffer = new Float64Array(1);
    const series = new SeriesRecorder(0, 1, 1);
    buffer[0] = 1;
    series.record(buffer);
    buffer[0] = 2;
    series.record(buffer);
    expect(series.toJSON().channels[0]).toEqual([1, 2]);
  });

  it('rejects a shapeless configuration', () => {
    expect(() => new SeriesRecorder(0, 0, 1)).toThrow(RangeError);
    expect(() => new SeriesRecorder(0, 1, 0)).toThrow(RangeError);
    expect(() => new SeriesRecorder(0, 1, 1, 1)).toThrow(RangeError);
  });

  it('stays within maxPoints, in strictly increasing time, on the regular grid, spanning the run (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 0.001, max: 10, noNaN: true }),
        fc.integer({ min: 2, max: 50 }),
        fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 200 }),
        (start, interval, maxPoints, gaps) => {
          const series = new SeriesRecorder(start, interval, 1, maxPoints);
          let t = start;
          const events = gaps.map((gap) => (t += gap * interval));
          drive(series, events, (at) => [at]);
          const { t: times, channels } = series.toJSON();
          expect(times.length).toBeLessThanOrEqual(maxPoints);
          expect(channels[0]).toEqual(times);
          for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
          for (const time of times) {
            const step = (time - start) / interval;
            expect(Math.abs(step - Math.round(step))).toBeLessThan(1e-6);
          }
          if (events.length > 0) {
            expect(times[0]).toBe(start);
            // The last point is never more than one current interval behind the last event.
            expect(events[events.length - 1] - times[times.length - 1]).toBeLessThan(series.interval);
          }
        },
      ),
    );
  });

  it('is deterministic: the same samples give the same series', () => {
    const run = () => {
      const series = new SeriesRecorder(0, 0.25, 3, 16);
      drive(
        series,
        Array.from({ length: 500 }, (_, i) => i * 0.37),
        (t) => [t, t * t, Math.sin(t)],
      );
      return series.toJSON();
    };
    expect(run()).toEqual(run());
  });
});
