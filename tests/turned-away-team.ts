/**
 * A team with a WIP limit of 3 whose features, worth 500 to 1,500 each, wait or are turned away
 * when it is full: the scenario the tests of work turned away (report, command line, economics
 * card, Chromium) share, so that they read the same numbers.
 */
const exponential = (mean: number) => ({ dist: 'exponential', mean });

export function turnedAwayTeam(name: string, whenFull: 'wait' | 'reject', money = true) {
  return {
    name,
    timeUnit: 'day',
    run: { duration: 300, warmup: 30, seed: 7, replications: 4 },
    demand: [
      {
        id: 'feature',
        interarrival: exponential(1),
        steps: ['build'],
        whenFull,
        ...(money
          ? {
              costOfDelay: { profile: 'standard', rate: 100 },
              value: { dist: 'uniform', min: 500, max: 1_500 },
            }
          : {}),
      },
    ],
    nodes: [{ id: 'team', capacity: 1, wipLimit: 3, serves: { build: exponential(0.9) } }],
  };
}
