/**
 * A workshop's life on the page: started from the Compare view's two variants, presented full
 * screen, its comparison run in the worker while the room guesses, kept in session storage after
 * every change, and put back on screen after a reload. The comparison of the same two variants
 * is run once: leaving and coming back (or a second round on them) reuses it.
 */
import type { Comparison, NamedScenario } from '../../src/index.ts';
import { count } from '../../src/report/index.ts';
import {
  readWorkshop,
  type SavedWorkshop,
  SESSION_KEY,
  saveWorkshop,
  startWorkshop,
  type Workshop,
} from '../viewmodel/workshop.ts';
import { present } from './presentation.ts';
import { WorkshopView } from './workshop-view.ts';

export type WorkshopRequest = SavedWorkshop['request'];

export interface WorkshopDeps {
  /** Runs the comparison in the worker, reporting how far it is. */
  compare(request: WorkshopRequest, progress: (fraction: number) => void): Promise<Comparison>;
  /** The room has seen the results: show the comparison (of `request`) where the Compare view shows it. */
  revealed(c: Comparison, request: WorkshopRequest): void;
  /** After the reveal, the whole comparison presented in the workshop's place. */
  whole(): void;
}

/** A comparison of exactly two variants, or null. */
export function workshopRequest(r: {
  variants: NamedScenario[];
  seed?: number;
  replications?: number;
}): WorkshopRequest | null {
  if (r.variants.length !== 2) return null;
  return { variants: [r.variants[0], r.variants[1]], seed: r.seed, replications: r.replications };
}

export class WorkshopSession {
  private runs = new Map<string, Promise<Comparison>>();

  constructor(private readonly deps: WorkshopDeps) {}

  /** Starts a workshop on `request`, or resumes the one kept for it in this tab. */
  open(request: WorkshopRequest, fullscreen: boolean) {
    const kept = readWorkshop(readSession());
    const same = kept !== null && JSON.stringify(kept.saved.request) === JSON.stringify(request);
    const tables = kept?.workshop.entries.map((e) => e.table).filter((t) => t.trim() !== '') ?? [];
    const names: [string, string] = [request.variants[0].name, request.variants[1].name];
    this.show(same && kept ? kept.workshop : startWorkshop(names, tables), request, fullscreen);
  }

  /** After a reload: puts a workshop that was on screen back there. Whether there was one. */
  restore(): boolean {
    const kept = readWorkshop(readSession());
    if (!kept?.saved.open) return false;
    this.show(kept.workshop, kept.saved.request, false);
    return true;
  }

  private show(workshop: Workshop, request: WorkshopRequest, fullscreen: boolean) {
    const keep = (w: Workshop, open: boolean) => writeSession(saveWorkshop(w, request, open));
    const replications = request.replications;
    const about = `The same arrivals in both (common random numbers)${
      replications ? `, ${count(replications, 'replication')} each` : ''
    }. A is the baseline.`;
    const view = new WorkshopView(workshop, about, {
      changed: (w) => keep(w, true),
      revealed: (c) => this.deps.revealed(c, request),
      whole: () => this.deps.whole(),
    });
    keep(workshop, true);
    present(view, { fullscreen, onLeave: () => keep(view.state, false) });
    const key = JSON.stringify(request);
    let run = this.runs.get(key);
    if (!run) {
      run = this.deps.compare(request, (f) => view.progress(f));
      this.runs.set(key, run);
      // A failed run is not kept: the next try runs it again.
      run.catch(() => this.runs.delete(key));
    }
    run.then(
      (c) => view.resultsIn(c),
      (error) => view.failed(error instanceof Error ? error.message : String(error)),
    );
  }
}

function readSession(): string | null {
  try {
    return sessionStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
}

function writeSession(text: string) {
  try {
    sessionStorage.setItem(SESSION_KEY, text);
  } catch {
    // Storage full or disabled: the workshop still runs; a reload just forgets the guesses.
  }
}
