/**
 * The charts each results page shows, in the order it draws them. A new chart is its own file
 * (its drawing, and its ChartSpec beside it), its data function, its test, and its place here.
 * A run's page and a comparison's place each chart in the loop of measurement of the section it
 * declares.
 */
import type { Revealed } from '../viewmodel/chart-data/guesses-data.ts';
import { agingWipChart, historyAgingWipChart } from './aging-wip.ts';
import { cfdChart, historyCfdChart } from './cfd.ts';
import type { ChartSpec, ComparisonChart, HistoryShown, RunChart } from './chart-spec.ts';
import { type DateForecastShown, dateForecastChart } from './date-forecast-chart.ts';
import { guessesChart } from './guesses.ts';
import { leadTimeChart } from './histogram.ts';
import { distributionsChart, historyDistributionsChart } from './histogram-overlay.ts';
import { intervalsChart } from './intervals.ts';
import { comparisonDoneChart, comparisonWipChart, wipChart } from './lines.ts';
import { networkChart } from './network.ts';
import { cycleTimeChart, historyCycleTimeChart } from './scatter.ts';
import {
  historyThroughputChart,
  historyThroughputHistogramChart,
  throughputChart,
  throughputHistogramChart,
} from './throughput.ts';
import { historyTimeInStagesChart, timeInStepsChart } from './time-in-stages.ts';
import { utilisationChart } from './utilisation.ts';

export const RUN_CHARTS: readonly RunChart[] = [
  networkChart,
  utilisationChart,
  leadTimeChart,
  cycleTimeChart,
  agingWipChart,
  throughputChart,
  throughputHistogramChart,
  cfdChart,
  timeInStepsChart,
  wipChart,
];

export const COMPARISON_CHARTS: readonly ComparisonChart[] = [
  intervalsChart,
  distributionsChart,
  comparisonWipChart,
  comparisonDoneChart,
];

/** Predict, then reveal: the room's guesses against what was measured. */
export const REVEAL_CHARTS: readonly ChartSpec<Revealed>[] = [guessesChart];

/** A team's history beside the model fitted to it, in the same charts. */
export const HISTORY_CHARTS: readonly ChartSpec<HistoryShown>[] = [
  historyCycleTimeChart,
  historyDistributionsChart,
  historyAgingWipChart,
  historyThroughputChart,
  historyThroughputHistogramChart,
  historyCfdChart,
  historyTimeInStagesChart,
];

/** Below them, once the coach asks: the forecast in dates, from the model and the throughput. */
export const HISTORY_FORECAST_CHARTS: readonly ChartSpec<DateForecastShown>[] = [dateForecastChart];
