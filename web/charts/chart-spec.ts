/**
 * A chart as a results page shows it, declared beside its drawing: the card's id, title and
 * "what am I looking at" note, the name its SVG and PNG are saved under, and how it is drawn
 * from what the page shows. A page lists its charts (pages.ts) and builds every card alike.
 */

import type { Comparison, History, Scenario, SimulationResult } from '../../src/index.ts';
import type { Section, Verdict } from '../../src/report/index.ts';
import type { ChartContext } from './frame.ts';

export interface ChartSpec<T> {
  /** The card's id, which links and tests use. */
  id: string;
  title: string;
  /** Short enough to read out in a workshop. */
  explain: string;
  /** The saved file's name after the page's own (a scenario's name, "comparison"). */
  file: string;
  /** Across the whole page rather than one column. */
  wide?: boolean;
  /** A second way to show the chart, behind a button that toggles it (the whole run, say). */
  toggle?: { id: string; label: string };
  /** The numbers behind the chart, saved as JSON from a button on its card. */
  json?: { id: string; description: string; value: (shown: T) => unknown };
  draw(host: HTMLElement, shown: T, ctx: ChartContext, toggled: boolean): void;
}

/**
 * A chart of a run's page, which says what part of the result it shows, and so in which loop
 * of measurement (src/report/loops.ts) the page places it.
 */
export interface RunChart extends ChartSpec<RunShown> {
  section: Section;
}

/** A chart of a comparison's page, placed in its loop of measurement as a run's chart is. */
export interface ComparisonChart extends ChartSpec<Comparison> {
  section: Section;
}

/** What a run's page shows: the result, the scenario it came from, and what it says. */
export interface RunShown {
  result: SimulationResult;
  scenario: Scenario;
  verdict: Verdict;
}

/**
 * What a team's history page shows: the history as read, and one simulated period of the
 * scenario fitted to it, written as a history (src/history/simulated.ts), so the charts draw
 * the two side by side by the same rules.
 */
export interface HistoryShown {
  history: History;
  model: History;
  /** The stages the fit took as queues (by name, or as the coach named them): waiting, not work. */
  waiting: readonly string[];
}

/** The series' names on a history page's charts. */
export const HISTORY_SERIES = { history: 'history', model: 'model' } as const;
