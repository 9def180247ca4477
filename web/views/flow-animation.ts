/**
 * Watch the flow: a run animated on its network diagram, or two variants side by side in
 * lockstep simulated time with the same arrivals. A self-contained component:
 * `mountAnimation(container, options)` builds its controls and canvases in the container,
 * starts a worker per variant (trace-source.ts) and cleans up after itself when the container
 * leaves the page or `destroy()` is called.
 *
 * Each frame moves the clock by the speed times the time since the last frame, applies the
 * trace up to it (playback.ts), and draws each pane on a canvas: per frame the work follows
 * the tokens in view (stage.ts caps what a long queue shows), and text on the page is written
 * only when it changes, a few times a second, so the page never lays itself out per frame.
 * With `prefers-reduced-motion` tokens jump to their places, with no tweening, and the
 * picture is redrawn in steps a quarter of a second apart.
 */
import type { Scenario } from '../../src/index.ts';
import { distributionMean } from '../../src/runner.ts';
import { CATEGORICAL, INK, MUTED, PAPER } from '../charts/theme.ts';
import { type FlowItem, isFull, serversWaiting, serversWorking } from '../viewmodel/animation/flow-state.ts';
import { advanceAll, BATCH_EVENTS, Playback, stepAll } from '../viewmodel/animation/playback.ts';
import {
  blockedRow,
  blockedShown,
  columnsFor,
  type Place,
  placeTokens,
  queueShown,
  type Stage,
  stageOf,
} from '../viewmodel/animation/stage.ts';
import {
  blockedText,
  blockerLegend,
  clockText,
  counterText,
  FarApart,
  farApartText,
  followText,
} from '../viewmodel/animation/words.ts';
import { structureLayout } from '../viewmodel/chart-data/network-layout.ts';
import { formatDuration } from '../viewmodel/format.ts';
import { h } from './dom.ts';
import { exportButton, jsonExport } from './export-button.ts';
import { TraceSource } from './trace-source.ts';

export interface AnimatedVariant {
  name: string;
  /** The scenario as parsed (for its layout) and the document to run (with the seed to share). */
  scenario: Scenario;
  document: unknown;
}

export interface AnimationOptions {
  /** One variant, or two side by side. */
  variants: readonly AnimatedVariant[];
  /** Overrides the page's prefers-reduced-motion (tests). */
  reducedMotion?: boolean;
  /** Start playing at once. */
  autoplay?: boolean;
}

/** What a layout that hosts the animation (the presentation layout, presentation.ts) can ask of it. */
export interface Animation {
  destroy(): void;
  /** Resolves once every variant's worker has started and the first frame is drawn. */
  ready: Promise<void>;
  /** Lays the canvases out again for their host's size and the page's type size. */
  redraw(): void;
  /** A key pressed anywhere in the host's layout: space, the right arrow, + and -, f; true when taken. */
  key(e: KeyboardEvent): boolean;
}

/** Speeds: simulated time per second, as multiples of a base of about four arrivals a second. */
const SPEEDS = [1 / 16, 1 / 8, 1 / 4, 1 / 2, 1, 2, 4, 8, 16, 32, 64];
const DEFAULT_SPEED = 4;
/** Events per batch while jumping ahead. */
const JUMP_EVENTS = 16_384;
const FAILED = '#D55E00';
/** Items done lately that each pane remembers, for following. */
const RECENT = 5000;
const DOWN = '#9aa3b2';

interface Pane {
  variant: AnimatedVariant;
  source: TraceSource;
  play: Playback;
  canvas: HTMLCanvasElement;
  stage: Stage;
  counters: { wip: HTMLElement; done: HTMLElement; lead: HTMLElement; blocked: HTMLElement | null };
  /** Where each token is drawn now (eased toward its place). */
  drawn: Map<number, { x: number; y: number; seen: number }>;
  places: Place[];
  routes: { from: number; to: number; rework: boolean }[];
}

export function mountAnimation(container: HTMLElement, options: AnimationOptions): Animation {
  const reduced =
    options.reducedMotion ?? globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const side = options.variants.length > 1;
  const button = (action: string, label: string, title: string) =>
    h('button', { type: 'button', class: 'quiet', 'data-action': action, title }, label);
  const playButton = button('play', 'Play', 'Play or pause (space)');
  const stepButton = button('step', 'Step', 'Step to the next event (right arrow)');
  const skipButton = button('skip', 'Skip the warm-up', 'Jump ahead to the end of the warm-up');
  const followButton = button('follow', 'Follow the next arrival', 'Follow the next item to arrive (f)');
  const speedInput = h('input', {
    type: 'range',
    min: 0,
    max: SPEEDS.length - 1,
    step: 1,
    value: DEFAULT_SPEED,
    'data-action': 'speed',
    class: 'flow-speed-input',
    'aria-label': 'Speed',
  });
  const speedText = h('output', { class: 'flow-speed' });
  const clock = h('span', { class: 'flow-clock', 'data-role': 'clock' }, '–');
  const status = h('p', { class: 'flow-status', role: 'status' }, 'Starting the run…');
  const following = h('p', { class: 'flow-following', 'data-role': 'following', hidden: true });
  const apart = h('p', { class: 'flow-apart', 'data-role': 'apart', hidden: !side });
  const legend = h('ul', { class: 'flow-legend', 'data-role': 'legend', hidden: true });
  const panesHost = h('div', { class: `flow-panes${side ? ' side-by-side' : ''}` });
  const root = h(
    'div',
    { class: 'flow-animation', 'data-state': 'loading' },
    h(
      'div',
      { class: 'flow-controls', role: 'toolbar', 'aria-label': 'Animation controls' },
      playButton,
      stepButton,
      h('label', { class: 'flow-speed-label' }, 'Speed ', speedInput, ' ', speedText),
      skipButton,
      followButton,
      clock,
    ),
    status,
    panesHost,
    legend,
    following,
    apart,
  );
  container.replaceChildren(root);

  let panes: Pane[] = [];
  let playing = false;
  let destroyed = false;
  let frame = 0;
  let last = 0;
  let lastText = 0;
  let jumpTo = Number.NaN;
  let followed = -1;
  /** The user chose what to follow (side by side otherwise follows the item furthest apart). */
  let chosen = false;
  let nextArrival = false;
  let time = 0;
  let dirty = true;
  let lastDraw = 0;
  /** The page's type size against its default (large type draws larger). */
  let scale = 1;
  const farApart = new FarApart();
  /** Each pane's items done lately, by id (a bounded table), so a followed item can be told about once done. */
  const recent: Map<number, { item: FlowItem; at: number }>[] = options.variants.map(() => new Map());
  const texts = new Map<HTMLElement, string>();
  const write = (el: HTMLElement, text: string) => {
    if (texts.get(el) === text) return;
    texts.set(el, text);
    el.textContent = text;
  };

  const first = options.variants[0];
  const unit = first.scenario.timeUnit;
  const rate = first.scenario.demand.reduce(
    (sum, d) => sum + 1 / Math.max(1e-9, distributionMean(d.interarrival)),
    0,
  );
  const base = 4 / Math.max(1e-9, rate);
  const speed = () => base * SPEEDS[Number(speedInput.value)];
  let warmup = 0;
  let duration = 0;

  const ready = (async () => {
    const sources = await Promise.all(options.variants.map((v) => TraceSource.open(v.document)));
    if (destroyed) {
      for (const s of sources) s.close();
      return;
    }
    warmup = sources[0].start.warmup;
    duration = sources[0].start.duration;
    panes = sources.map((source, i) => paneOf(options.variants[i], source, i));
    panesHost.replaceChildren(...panes.map((p) => p.canvas.parentElement as HTMLElement));
    // Blocked work's marks, named once for every pane (side by side, for either variant's blockers).
    const entries = blockerLegend(sources.flatMap((s) => s.start.blockerPolicy));
    legend.replaceChildren(
      ...entries.map((e) =>
        h('li', {}, h('span', { class: `flow-mark ${e.mark}`, 'aria-hidden': 'true' }), e.label),
      ),
    );
    legend.hidden = entries.length === 0;
    panes.forEach((p, i) => {
      p.play.listen((event, t, id) => {
        if (event === 'arrive' && nextArrival) {
          nextArrival = false;
          followed = id;
          chosen = true;
        }
        if (event !== 'complete') return;
        const last = p.play.state.lastDone;
        if (!last) return;
        const table = recent[i];
        if (table.size >= RECENT) table.delete(table.keys().next().value as number);
        table.set(id, { item: last.item, at: t });
        if (side) farApart.done(i as 0 | 1, id, last.item.arrival, last.lead);
      });
    });
    layout();
    await Promise.all(panes.map((p) => p.play.fill()));
    root.dataset.state = 'paused';
    write(status, side ? 'Ready: the same arrivals in both, one clock.' : 'Ready.');
    draw(performance.now());
    if (options.autoplay) setPlaying(true);
    frame = requestAnimationFrame(tick);
  })().catch((error) => {
    root.dataset.state = 'error';
    write(status, `The animation could not start: ${error instanceof Error ? error.message : String(error)}`);
  });

  function paneOf(variant: AnimatedVariant, source: TraceSource, i: number): Pane {
    const canvas = h('canvas', {
      class: 'flow-canvas',
      tabindex: 0,
      'data-pane': i,
      'aria-label': `${variant.name}: work items moving through the network. Space plays or pauses, the right arrow steps, f follows the next arrival; click an item to follow it.`,
    });
    const counters = {
      wip: h('strong', { class: 'flow-count', 'data-counter': 'wip' }, '0'),
      done: h('strong', { class: 'flow-count', 'data-counter': 'done' }, '0'),
      lead: h('strong', { class: 'flow-count', 'data-counter': 'lead' }, '–'),
      blocked: source.start.blockerPolicy.some((b) => b !== null)
        ? h('strong', { class: 'flow-count', 'data-counter': 'blocked' }, '0')
        : null,
    };
    h(
      'figure',
      { class: 'flow-pane' },
      h(
        'figcaption',
        {},
        side ? h('span', { class: 'flow-name' }, variant.name) : null,
        h('span', {}, 'WIP ', counters.wip),
        h('span', {}, 'done ', counters.done),
        h('span', {}, 'mean lead time so far ', counters.lead),
        counters.blocked ? h('span', {}, 'blocked ', counters.blocked) : null,
      ),
      canvas,
    );
    const nodeIds = source.start.nodeIds;
    const index = (id: string) => (id === 'arrival' ? -1 : id === 'done' ? -2 : nodeIds.indexOf(id));
    const layoutOf = structureLayout(variant.scenario);
    const routes = layoutOf.edges.map((e) => ({
      from: index(e.from),
      to: index(e.to),
      rework: e.kind !== 'step',
    }));
    canvas.addEventListener('click', (e) => pick(i, e));
    canvas.addEventListener('keydown', onKey);
    return {
      variant,
      source,
      play: new Playback(source.start, (max) => source.next(max)),
      canvas,
      stage: stageOf(layoutOf, 600, nodeIds.length),
      counters,
      drawn: new Map(),
      places: [],
      routes,
    };
  }

  /** Sizes each canvas to its pane's width (and the screen's pixels). */
  function layout() {
    for (const p of panes) {
      const width = Math.max(
        280,
        Math.round(p.canvas.parentElement?.clientWidth || panesHost.clientWidth || 600),
      );
      // Tokens and text follow the page's type size (large type, for a projector).
      scale = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) / 15 || 1;
      const token = 8 * scale;
      const layoutOf = structureLayout(p.variant.scenario, columnsFor(width / scale));
      p.stage = stageOf(layoutOf, width, p.source.start.nodeIds.length, token);
      const ratio = globalThis.devicePixelRatio || 1;
      p.canvas.width = Math.round(width * ratio);
      p.canvas.height = Math.round(p.stage.height * ratio);
      p.canvas.style.width = `${width}px`;
      p.canvas.style.height = `${p.stage.height}px`;
      p.drawn.clear();
    }
    dirty = true;
  }
  const resize = new ResizeObserver(() => {
    if (panes.length) layout();
  });
  resize.observe(panesHost);

  function setPlaying(on: boolean) {
    playing = on;
    write(playButton, on ? 'Pause' : 'Play');
    playButton.setAttribute('aria-pressed', String(on));
    root.dataset.state = on ? 'playing' : 'paused';
  }

  function step() {
    setPlaying(false);
    const t = stepAll(panes.map((p) => p.play));
    if (Number.isNaN(t)) {
      void Promise.all(panes.map((p) => p.play.fill())).then(step);
      return;
    }
    if (t < Number.POSITIVE_INFINITY) time = t;
    dirty = true;
  }

  function skip() {
    jumpTo = time < warmup ? warmup : Math.min(time + duration / 10, Number.MAX_VALUE);
    write(status, time < warmup ? 'Skipping the warm-up…' : 'Skipping ahead…');
  }

  function followNext() {
    nextArrival = true;
    followed = -1;
    delete root.dataset.following;
    write(following, 'Following the next item to arrive…');
    following.hidden = false;
    if (!playing) setPlaying(true);
  }

  function stopFollowing() {
    followed = -1;
    delete root.dataset.following;
    chosen = false;
    nextArrival = false;
    following.hidden = true;
    dirty = true;
  }

  function onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') stopFollowing();
    else if (!key(e)) return;
    e.preventDefault();
  }

  /** The animation's keys, wherever they are pressed (Escape stays the host's: it leaves a presentation). */
  function key(e: KeyboardEvent): boolean {
    // Taken already (by the canvas), or a control's own key (space presses a button, arrows move the speed).
    const own =
      e.target instanceof HTMLButtonElement ||
      e.target instanceof HTMLInputElement ||
      e.target instanceof HTMLSelectElement;
    if (panes.length === 0 || e.defaultPrevented || own) return false;
    if (e.key === ' ') setPlaying(!playing);
    else if (e.key === 'ArrowRight') step();
    else if (e.key === '+' || e.key === '=') changeSpeed(1);
    else if (e.key === '-') changeSpeed(-1);
    else if (e.key === 'f') followNext();
    else return false;
    return true;
  }

  function changeSpeed(by: number) {
    speedInput.value = String(Math.max(0, Math.min(SPEEDS.length - 1, Number(speedInput.value) + by)));
    showSpeed();
  }
  function showSpeed() {
    write(speedText, `${formatDuration(speed(), unit)} a second`);
  }

  function pick(i: number, e: MouseEvent) {
    const p = panes[i];
    const box = p.canvas.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    let best = -1;
    let bestDistance = (p.stage.pitch * 1.2) ** 2;
    for (const place of p.places) {
      const at = p.drawn.get(place.id) ?? place;
      const d = (at.x - x) ** 2 + (at.y - y) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = place.id;
      }
    }
    if (best < 0) return;
    followed = best;
    chosen = true;
    following.hidden = false;
    dirty = true;
  }

  playButton.addEventListener('click', () => setPlaying(!playing));
  stepButton.addEventListener('click', step);
  skipButton.addEventListener('click', skip);
  followButton.addEventListener('click', followNext);
  speedInput.addEventListener('input', showSpeed);
  root.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLCanvasElement) return;
    if (e.key === 'Escape') stopFollowing();
  });
  showSpeed();

  function tick(now: number) {
    if (destroyed) return;
    if (!container.isConnected || !root.isConnected) {
      destroy();
      return;
    }
    const dt = Math.min(0.1, (now - (last || now)) / 1000);
    last = now;
    const plays = panes.map((p) => p.play);
    const failed = plays.find((p) => p.error !== undefined);
    if (failed) {
      setPlaying(false);
      root.dataset.state = 'error';
      write(status, `The run stopped: ${String((failed.error as Error)?.message ?? failed.error)}`);
      return;
    }
    if (!Number.isNaN(jumpTo)) {
      const reached = advanceAll(plays, jumpTo);
      time = Math.max(time, reached);
      dirty = true;
      if (reached >= jumpTo) {
        jumpTo = Number.NaN;
        write(status, 'Skipped ahead.');
        for (const p of panes) p.drawn.clear();
      }
      for (const p of plays) void p.fill(JUMP_EVENTS);
    } else {
      if (playing) {
        const reached = advanceAll(plays, time + dt * speed());
        if (reached > time) dirty = true;
        time = Math.max(time, reached);
      }
      for (const p of plays) void p.fill(BATCH_EVENTS);
    }
    const over = plays.every((p) => p.ended && p.waiting === 0);
    if (over && root.dataset.finished !== 'true') {
      root.dataset.finished = 'true';
      setPlaying(false);
      write(status, 'The watched run is over. Running the rest of its replications…');
      void finished();
    }
    if (side && !chosen && farApart.best && farApart.best.id !== followed) {
      followed = farApart.best.id;
      dirty = true;
    }
    // With reduced motion, the picture changes in steps a quarter of a second apart.
    if (dirty && (!reduced || now - lastDraw >= 250)) draw(now, (now - (lastDraw || now)) / 1000);
    if (now - lastText > 250) {
      lastText = now;
      words();
    }
    frame = requestAnimationFrame(tick);
  }

  /**
   * The watched run has ended: the worker runs its other replications, unwatched, and the
   * result is offered for saving: the same bytes as the run's own (the plain run's) result.
   */
  async function finished() {
    const results = await Promise.all(panes.map((p) => p.source.result()));
    if (destroyed) return;
    const saves = results.map((result, i) =>
      exportButton(
        jsonExport(result, {
          label: side ? `${panes[i].variant.name}: result (JSON)` : 'Its result (JSON)',
          file: `${slugOf(panes[i].variant.name)}-watched-result.json`,
        }),
      ),
    );
    saves.forEach((b) => {
      b.dataset.action = 'save-result';
    });
    write(
      status,
      `The watched run is over; with its other replications, its mean lead time is ${results
        .map((r, i) => `${formatDuration(r.leadTime.mean, unit)}${side ? ` (${panes[i].variant.name})` : ''}`)
        .join(', ')}: the run's own numbers. `,
    );
    status.append(...saves);
  }

  function words() {
    write(clock, clockText(time, unit, warmup));
    write(skipButton, time < warmup ? 'Skip the warm-up' : 'Skip ahead');
    root.dataset.time = String(time);
    // How many tokens are in view, and where the first one is: what a test or a measurement reads.
    root.dataset.tokens = String(panes.reduce((n, p) => n + p.places.length, 0));
    for (const p of panes) {
      const first = p.places.find((place) => place.phase === 'queued' || place.phase === 'service');
      const at = first && p.drawn.get(first.id);
      p.canvas.dataset.token = at ? `${first.id} ${at.x.toFixed(1)} ${at.y.toFixed(1)}` : '';
      const c = counterText(p.play.state, unit);
      write(p.counters.wip, c.wip);
      write(p.counters.done, c.done);
      write(p.counters.lead, c.lead);
      if (p.counters.blocked) {
        write(p.counters.blocked, c.blocked);
        // Each node's servers busy and waiting with a blocked item, items blocked, and WIP (what
        // a test reads), and the first blocked token drawn (for following it).
        const nodes = p.play.state.nodes;
        p.canvas.dataset.busy = nodes.map(serversWorking).join(' ');
        p.canvas.dataset.waiting = nodes.map(serversWaiting).join(' ');
        p.canvas.dataset.blocked = nodes.map((n) => n.blocked).join(' ');
        p.canvas.dataset.wip = nodes.map((n) => n.wip).join(' ');
        p.canvas.dataset.blockedDrawn = String(p.places.filter((place) => place.blocker).length);
        const stopped = p.places.find((place) => place.blocker);
        const there = stopped && p.drawn.get(stopped.id);
        p.canvas.dataset.blockedToken = there
          ? `${stopped.id} ${there.x.toFixed(1)} ${there.y.toFixed(1)}`
          : '';
      }
    }
    if (followed >= 0 && !nextArrival) {
      following.hidden = false;
      root.dataset.following = String(followed);
      const lines = panes.map((p, i) => {
        const names = { nodes: p.source.start.nodeIds, classes: p.source.start.classIds, unit };
        const live = p.play.state.items.get(followed);
        const done = recent[i].get(followed);
        const text = live
          ? followText(live, names, null, p.play.state.time)
          : done
            ? followText(done.item, names, done.at)
            : `Item ${followed + 1} has not arrived yet.`;
        return side ? `${p.variant.name}: ${text}` : text;
      });
      write(following, lines.join('\n'));
    }
    if (side) write(apart, farApartText(farApart.best, [panes[0].variant.name, panes[1].variant.name], unit));
  }

  function draw(now: number, dt = 0) {
    dirty = false;
    lastDraw = now;
    for (const p of panes) drawPane(p, now, Math.min(0.1, dt));
  }

  function drawPane(p: Pane, now: number, dt: number) {
    const ctx = p.canvas.getContext('2d');
    if (!ctx) return;
    const ratio = p.canvas.width / Math.max(1, p.stage.width);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const { stage } = p;
    const s = p.play.state;
    ctx.fillStyle = PAPER;
    ctx.fillRect(0, 0, stage.width, stage.height);
    // Routes.
    ctx.lineWidth = 1;
    for (const r of p.routes) {
      const end = { hw: 0 };
      const from =
        r.from === -1 ? { ...stage.arrival, ...end } : r.from >= 0 ? stage.boxes[r.from] : undefined;
      const to = r.to === -2 ? { ...stage.done, ...end } : r.to >= 0 ? stage.boxes[r.to] : undefined;
      if (!from || !to) continue;
      ctx.strokeStyle = r.rework ? '#d9b8a6' : '#d4d9e2';
      ctx.setLineDash(r.rework ? [4, 3] : []);
      ctx.beginPath();
      // Centre to centre: the boxes, drawn over the routes, hide their ends whichever way a row runs.
      ctx.moveTo(from.x, from.y);
      ctx.lineTo(to.x, to.y);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.font = `${11 * scale}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    // Nodes.
    s.nodes.forEach((node, n) => {
      const b = stage.boxes[n];
      const full = isFull(node);
      ctx.fillStyle = node.up ? '#f4f6f9' : '#e3e5ea';
      ctx.fillRect(b.x - b.hw, b.y - b.hh, b.hw * 2, b.hh * 2);
      ctx.lineWidth = full ? 3 : 1;
      ctx.strokeStyle = full ? FAILED : node.up ? '#9aa3b2' : DOWN;
      ctx.strokeRect(b.x - b.hw, b.y - b.hh, b.hw * 2, b.hh * 2);
      ctx.fillStyle = INK;
      ctx.textAlign = 'left';
      ctx.font = `bold ${11 * scale}px system-ui, sans-serif`;
      ctx.fillText(
        clip(ctx, p.source.start.nodeIds[n], b.hw * 2 - 8 * scale),
        b.x - b.hw + 4 * scale,
        b.y - b.hh + 8 * scale,
      );
      ctx.font = `${11 * scale}px system-ui, sans-serif`;
      // Servers: a square each, filled while working (grey while their work is paused by an
      // outage or a closed gate); last of the busy ones, those whose person waits with a blocked
      // item, empty with the blocked mark inside.
      const working = serversWorking(node);
      const waiting = serversWaiting(node);
      const held = node.up && node.open ? INK : DOWN;
      const shownServers = Math.min(node.capacity, Math.floor((b.hw * 2 - 8 * scale) / (9 * scale)));
      for (let k = 0; k < shownServers; k++) {
        const x = b.x - b.hw + (4 + k * 9) * scale;
        const y = b.y - b.hh + 16 * scale;
        ctx.fillStyle = k < working - waiting ? held : PAPER;
        ctx.strokeStyle = INK;
        ctx.lineWidth = 1;
        ctx.fillRect(x, y, 7 * scale, 7 * scale);
        ctx.strokeRect(x, y, 7 * scale, 7 * scale);
        if (k >= working - waiting && k < working)
          diamond(ctx, x + 3.5 * scale, y + 3.5 * scale, 2.5 * scale);
      }
      const notes: string[] = [];
      if (!node.up) notes.push('DOWN');
      if (node.gate) notes.push(node.open ? 'open' : 'closed');
      if (full) notes.push(`full ${node.wip}/${node.wipLimit}`);
      if (node.batchAt >= 0 && node.batchAt >= s.time - speed() * 1.5)
        notes.push(node.gate ? `meeting took ${node.batchSize}` : `batch of ${node.batchSize}`);
      if (notes.length) {
        ctx.fillStyle = !node.up || full ? FAILED : MUTED;
        ctx.textAlign = 'right';
        ctx.fillText(notes.join(' · '), b.x + b.hw, b.y - b.hh - 7 * scale);
      }
      // A gate: a bar across its entrance while closed.
      if (node.gate && !node.open) {
        ctx.fillStyle = INK;
        ctx.fillRect(b.x - b.hw - 4, b.y - b.hh, 4, b.hh * 2);
      }
      // An outage: the box struck through.
      if (!node.up) {
        ctx.strokeStyle = DOWN;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(b.x - b.hw, b.y + b.hh);
        ctx.lineTo(b.x + b.hw, b.y - b.hh);
        ctx.stroke();
      }
      // Blocked work's count under its row, with what the row cannot show.
      const blocked = blockedText(node);
      if (blocked) {
        const more = node.blocked - blockedShown(stage, b);
        ctx.fillStyle = INK;
        ctx.textAlign = 'left';
        ctx.fillText(more > 0 ? `${blocked} (+${more})` : blocked, b.x - b.hw, blockedRow(stage, b).label);
      }
      // The queue's length above its stack, and a count of what the stack cannot show.
      if (node.queue.length > 0) {
        ctx.fillStyle = MUTED;
        ctx.textAlign = 'right';
        const more = node.queue.length - queueShown(stage);
        ctx.fillText(
          more > 0 ? `${node.queue.length} waiting (+${more})` : `${node.queue.length} waiting`,
          b.x - b.hw - 2,
          b.y - b.hh - 7,
        );
      }
    });
    ctx.fillStyle = MUTED;
    ctx.textAlign = 'center';
    ctx.fillText('in', stage.arrival.x, stage.arrival.y + stage.pitch * 4);
    ctx.fillText(`done ${s.counters.done}`, stage.done.x - 16, stage.done.y - stage.pitch * 2);
    // Tokens, eased toward their places (placed at once with reduced motion).
    p.places = placeTokens(s, stage);
    const ease = reduced ? 1 : Math.min(1, dt * 12);
    const r = stage.token / 2;
    let followedAt: { x: number; y: number } | undefined;
    // One path per colour (and one for the red rings), not one per token: a few draw calls a frame.
    const fills = CATEGORICAL.map(() => new Path2D());
    const blocked = new Path2D();
    const rings = new Path2D();
    // Work a blocker stopped: open diamonds in ink, a little larger than a token (as on the aging-WIP chart).
    const stopped = new Path2D();
    const q = r * 1.35;
    for (const place of p.places) {
      let at = p.drawn.get(place.id);
      if (!at) {
        at = { x: reduced ? place.x : stage.arrival.x, y: reduced ? place.y : stage.arrival.y, seen: now };
        p.drawn.set(place.id, at);
      }
      at.x += (place.x - at.x) * ease;
      at.y += (place.y - at.y) * ease;
      at.seen = now;
      if (Math.abs(place.x - at.x) > 0.3 || Math.abs(place.y - at.y) > 0.3) dirty = true;
      if (place.id === followed) followedAt = at;
      if (place.blocker) {
        stopped.moveTo(at.x, at.y - q);
        stopped.lineTo(at.x + q, at.y);
        stopped.lineTo(at.x, at.y + q);
        stopped.lineTo(at.x - q, at.y);
        stopped.closePath();
        continue;
      }
      const path = place.phase === 'blocked' ? blocked : fills[place.demandClass % CATEGORICAL.length];
      path.moveTo(at.x + r, at.y);
      path.arc(at.x, at.y, r, 0, Math.PI * 2);
      if (place.phase === 'blocked' || place.failed) {
        rings.moveTo(at.x + r, at.y);
        rings.arc(at.x, at.y, r, 0, Math.PI * 2);
      }
    }
    fills.forEach((path, k) => {
      ctx.fillStyle = CATEGORICAL[k];
      ctx.fill(path);
    });
    ctx.fillStyle = PAPER;
    ctx.fill(blocked);
    ctx.lineWidth = 2;
    ctx.strokeStyle = FAILED;
    ctx.stroke(rings);
    ctx.fillStyle = PAPER;
    ctx.fill(stopped);
    ctx.strokeStyle = INK;
    ctx.stroke(stopped);
    if (followedAt) {
      ctx.beginPath();
      ctx.arc(followedAt.x, followedAt.y, r + 4, 0, Math.PI * 2);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = INK;
      ctx.stroke();
    }
    // Forget tokens that have left (not placed this frame).
    if (p.drawn.size > p.places.length)
      for (const [id, at] of p.drawn) if (at.seen !== now) p.drawn.delete(id);
  }

  function destroy() {
    if (destroyed) return;
    destroyed = true;
    cancelAnimationFrame(frame);
    resize.disconnect();
    for (const p of panes) p.source.close();
  }

  const redraw = () => {
    if (panes.length) layout();
  };
  return { destroy, ready, redraw, key };
}

/** An open diamond in ink centred at (x, y): the mark of work a blocker stopped. */
function diamond(ctx: CanvasRenderingContext2D, x: number, y: number, q: number): void {
  ctx.beginPath();
  ctx.moveTo(x, y - q);
  ctx.lineTo(x + q, y);
  ctx.lineTo(x, y + q);
  ctx.lineTo(x - q, y);
  ctx.closePath();
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1.2;
  ctx.stroke();
}

/** The text cut with an ellipsis to fit `width` on the canvas. */
function clip(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'scenario'
  );
}
