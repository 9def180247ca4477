/**
 * flowlab's library API: parse a scenario, simulate it, compare variants, sweep and forecast,
 * and the job pipeline that spreads any of them over an executor. Pure: runs the same in
 * Node, a Web Worker and tests. The README's "Library API" lists every name exported here,
 * and a test keeps the two equal.
 */

export { parseAxis, type SweepAxis } from './experiment/axes.ts';
export {
  type ComparedVariant,
  type CompareOptions,
  type Comparison,
  compare,
  type Difference,
  type NamedScenario,
  planComparison,
} from './experiment/compare.ts';
export {
  chanceDoneBy,
  type ForecastBin,
  type ForecastOptions,
  type ForecastQuestion,
  type ForecastResult,
  forecast,
} from './experiment/forecast.ts';
export type { Job, JobOutcome } from './experiment/jobs.ts';
export {
  type ExecuteOptions,
  type Execution,
  type Executor,
  execute,
  executeUntil,
  type Plan,
} from './experiment/pipeline.ts';
export type {
  Interval,
  JoinResult,
  NodeResult,
  SimulationResult,
  TimeStatistics,
} from './experiment/result.ts';
export { mergePartials, type PartialResult, planShard, type Shard } from './experiment/shard.ts';
export {
  createRun,
  planRun,
  type Run,
  type RunProgress,
  ScenarioError,
  simulate,
} from './experiment/simulate.ts';
export {
  planSweep,
  type SweepOptions,
  type SweepPoint,
  type SweepResult,
  sweep,
} from './experiment/sweep.ts';
export { type ThisThreadOptions, thisThread } from './experiment/this-thread.ts';
export { type Backtest, type BacktestRow, backtest, historyMeasures } from './history/backtest.ts';
export { WEEKENDS_OFF, type WorkCalendar, workingDaysBetween, workingDaysFrom } from './history/calendar.ts';
export { type Fit, type FitOptions, type FitOutcome, type FitReport, fitHistory } from './history/fit.ts';
export {
  type DateForecast,
  type DateQuestion,
  dailyThroughput,
  modelForecast,
  throughputForecast,
  workingShareOf,
} from './history/forecast-dates.ts';
export type {
  History,
  HistoryItem,
  HistoryOutcome,
  HistoryProblem,
  RowNote,
  Visit,
} from './history/history.ts';
export { type ReadOptions, readHistory } from './history/read.ts';
export type { Distribution } from './model/distribution.ts';
export {
  formatProblems,
  type ParseOutcome,
  parseScenario,
  parseScenarioText,
  type ScenarioProblem,
} from './model/parse.ts';
export {
  ROUTING_STRATEGIES,
  type RoutingStrategy,
  type Scenario,
  type ScenarioInput,
  scenarioSchema,
} from './model/scenario.ts';
export { type Step, stepCapabilities } from './model/step.ts';
export { type NodeLoad, nodeLoads } from './network/load.ts';
export type { Stability } from './network/stability.ts';
