/**
 * What the sandbox (web/) needs beyond the public API (src/index.ts) and the report model
 * (src/report/): the messages a job travels in to a worker and back, the scheduler that
 * shares jobs out over workers, the parts of a comparison it runs in slices for its progress
 * bar, the watched run its animation streams from a worker, the routing strategies' help texts,
 * a team's history studied for its history page (read, fitted, backtested, charted and forecast
 * in dates), and a few helpers of its form, its exports and its share links. It imports these from
 * here rather than from the modules inside, so this list is what it depends on; they are not
 * for library users and may change in any release.
 */

export { makeSampler } from './engine/distributions.ts';
export { randomStream } from './engine/random.ts';
export { comparisonOf, comparisonPlan } from './experiment/compare.ts';
export { toCsv } from './experiment/csv.ts';
export {
  type JobReply,
  type JobRequest,
  jobAnswerer,
  jobRequests,
  outcomeOfReply,
} from './experiment/jobs.ts';
export { type RunOnLane, shareOut } from './experiment/share-out.ts';
export {
  TRACE_FIELDS,
  type TraceBatch,
  type WatchedRun,
  type WatchStart,
  watchRun,
} from './experiment/watch.ts';
export {
  dayText,
  isWorkingDay,
  readDaysOff,
  readHolidays,
  WEEKDAY_NAMES,
} from './history/calendar.ts';
export { CSV_LIMITS } from './history/csv.ts';
export { dayOf, isoDate, weekday } from './history/dates.ts';
export {
  agingWip,
  cumulativeFlow,
  cycleTimeScatter,
  leadTimeHistogram,
  type Percentiles,
  percentiles,
  timeInStages,
  weeklyThroughput,
} from './history/flow-charts.ts';
export { type HistoryForecastOptions, historyForecast, LIKELIHOODS } from './history/forecast-dates.ts';
export { daysOffLine, forecastTable, questionLine, spreadLine } from './history/forecast-report.ts';
export type { StageInfo } from './history/stages.ts';
export {
  type Study,
  type StudyOptions,
  type StudyOutcome,
  type StudyProblem,
  studyHistory,
} from './history/study.ts';
export {
  BACKTEST_CAVEAT,
  backtestTable,
  backtestTitle,
  CLASSES_TITLE,
  classesTable,
  derivations,
  distanceLine,
  queuesTable,
  REPRODUCED,
  type ReportTable,
  readingLines,
  rowNotes,
  stagesTable,
  stepsTable,
} from './history/study-report.ts';
export { distributionMean, distributionVariance } from './model/distribution.ts';
export { deeperThan } from './model/json-depth.ts';
export { TRACE_EVENTS, type TraceEvent } from './network/events.ts';
export { stability } from './network/stability.ts';
export { STRATEGIES as routingStrategies } from './network/strategies/index.ts';
