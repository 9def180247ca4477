/**
 * The outer bounds of what a scenario may say, and why each is where it is.
 *
 * Each bound is far beyond anything a coach could mean, and just inside where the
 * engine's arithmetic stops being sound: a number past it is a typo, a unit mix-up or an
 * attack, and the schema turns it into a message instead of a run that hangs, wraps
 * around or returns nonsense.
 */

/**
 * Times are at most a trillion time units. The lead-time histograms are accurate from
 * MIN_TIME to MAX_TIME (metrics/histogram.ts), and sums and squares of such times (a
 * triangular's (max - min)(mode - min), a variance) stay far from overflowing a double.
 */
export const MAX_TIME = 1e12;

/**
 * Times that must be greater than 0 (a mean, a scale, a gate's period) are at least a
 * billionth of a time unit: below that the number is no duration anyone measured, and
 * its reciprocal, a rate, heads for overflow. A coach who needs finer times picks a
 * smaller time unit, so the numbers grow.
 */
export const MIN_TIME = 1e-9;

/**
 * A gate's opening lasts at least a billionth of the run's duration. The clock is a double,
 * so at time t it moves in steps of about t * 2.2e-16; with the drain up to ten durations
 * long, a billionth of the duration is still hundreds of thousands of such steps.
 */
export const MIN_SHARE_OF_RUN = 1e-9;

/**
 * Variability (cv = sd / mean) of a lognormal or gamma is at most 10. Beyond that almost
 * every draw is near 0 and the mean rests on rare, enormous ones, so a run of any length
 * sees bursts of arrivals the mean does not foretell (a gamma with cv 100 has shape 1e-4:
 * about ten thousand near-zero gaps for each real one).
 */
export const MAX_CV = 10;

/** Weibull shape from 0.25 (cv about 8, as long a tail as MAX_CV allows) to 1000 (cv about 0.001). */
export const MIN_WEIBULL_SHAPE = 0.25;
export const MAX_WEIBULL_SHAPE = 1000;

/** Erlang phases: cv = 1 / sqrt(k), so 10,000 phases is a cv of 0.01. */
export const MAX_ERLANG_K = 10_000;

/** Measured times an empirical distribution may list (each sampler keeps a copy). */
export const MAX_EMPIRICAL_VALUES = 100_000;

/**
 * Servers at a node, and items in a batch: a million is "unlimited" in all but name. The
 * engine keeps these counts in 32-bit integers, where 2^32 + 1 would wrap round to 1.
 */
export const MAX_SERVERS = 1_000_000;

/** A WIP limit (a node's or the whole system's), also held in 32-bit integers: a billion is no limit at all. */
export const MAX_WIP_LIMIT = 1_000_000_000;

/** Steps of one class of work, and changes in one schedule. */
export const MAX_STEPS = 1_000;
/** Branches of one parallel step (each is a part of the item in progress at once). */
export const MAX_BRANCHES = 100;
export const MAX_SCHEDULE_CHANGES = 10_000;

/**
 * The expected number of passes through a node before an item (or, with scope "batch",
 * a whole batch) gets through its failure check, 1 / (1 - p): at most 100, so p at most
 * 0.99. At 1 an item would go round forever; with a service time of 0, without the clock
 * ever moving.
 */
export const MAX_PASSES = 100;

/**
 * JSON nesting: a scenario needs about eight levels (nodes, a node, serves, a
 * distribution, its values); anything deeper is a damaged or hostile file, refused before
 * anything copies it recursively.
 */
export const MAX_NESTING = 32;

/**
 * An amount of money (a cost rate, a penalty, a value): at most a million million in the
 * scenario's currency. Times at most MAX_TIME, so no total over a run comes near the
 * largest double, and a sum of many stays exact to far more digits than a report shows.
 */
export const MAX_MONEY = 1e12;
