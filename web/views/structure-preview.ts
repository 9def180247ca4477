/**
 * The value-stream map as it is being built: the network drawn from the scenario alone (which
 * node serves which step, the routes work can take), redrawn a moment after the edits stop.
 * While the document has problems the last good drawing stays, and says it is out of date.
 */
import type { Scenario } from '../../src/index.ts';
import { drawNetwork } from '../charts/network.ts';
import { structureLayout } from '../viewmodel/chart-data/network-layout.ts';
import { h } from './dom.ts';

/** Long enough that typing a name redraws once, short enough to feel immediate. */
const SETTLE_MS = 200;

export class StructurePreview {
  private readonly chart = h('div', { class: 'structure-chart', id: 'structure-preview-chart' });
  private readonly status = h('p', { class: 'hint', id: 'structure-preview-status', 'aria-live': 'polite' });
  readonly root = h(
    'section',
    { class: 'structure-preview', id: 'structure-preview', 'aria-label': 'The structure as edited' },
    h('h3', {}, 'Value-stream map'),
    this.status,
    this.chart,
  );
  private pending: ReturnType<typeof setTimeout> | undefined;
  private last: Scenario | null = null;

  private drawnWidth = 0;

  constructor(private readonly large: () => boolean) {
    // Drawn again when its width changes (a turned phone, large type, the panel shown again).
    new ResizeObserver(() => {
      if (this.last && this.chart.clientWidth !== this.drawnWidth) this.draw(this.last);
    }).observe(this.chart);
  }

  /** Drawn again as it stands, when the type size changes. */
  redraw() {
    if (this.last) this.draw(this.last);
  }

  /** The scenario as parsed, or null while the document has problems. */
  update(scenario: Scenario | null) {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.draw(scenario), SETTLE_MS);
  }

  private draw(scenario: Scenario | null) {
    this.root.dataset.current = String(scenario !== null);
    if (!scenario) {
      this.status.textContent = this.last
        ? 'The scenario has problems: this map shows it as it was before them.'
        : 'The map appears once the scenario has no problems.';
      return;
    }
    this.status.textContent = '';
    this.last = scenario;
    const width = this.chart.clientWidth;
    this.drawnWidth = width;
    if (width <= 0) return;
    drawNetwork(
      this.chart,
      (columns) => structureLayout(scenario, columns),
      {
        width,
        large: this.large(),
        unit: scenario.timeUnit,
      },
      true,
    );
  }
}
