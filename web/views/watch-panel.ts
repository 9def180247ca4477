/**
 * The place on a results page where the animation is started: a run's "Watch the flow", or
 * a comparison's "Watch side by side" (any two of its variants, run with the comparison's
 * seed, so they share their arrivals). Nothing runs until it is asked for; the animation
 * cleans up after itself when the page shows other results.
 */
import { parseScenario } from '../../src/index.ts';
import { comparisonPlan } from '../../src/runner.ts';
import { h } from './dom.ts';
import { type AnimatedVariant, type Animation, mountAnimation } from './flow-animation.ts';
import { present } from './presentation.ts';

export interface WatchRequest {
  name: string;
  document: unknown;
}

/** A run's animation: one variant. */
export function watchRun(request: WatchRequest): HTMLElement {
  return panel('watch-run', 'Watch the flow', 'Watch the flow', [request], 1);
}

/** A comparison's: two variants side by side, with the comparison's seed. */
export function watchSideBySide(
  variants: readonly WatchRequest[],
  options: { seed?: number; replications?: number },
): HTMLElement | null {
  if (variants.length < 2) return null;
  const planned = comparisonPlan(
    variants.map((v) => ({ name: v.name, scenario: v.document })),
    options,
  );
  return panel(
    'watch-compare',
    'Watch side by side',
    'Watch side by side',
    variants.map((v, i) => ({ name: v.name, document: planned[i] })),
    2,
  );
}

function panel(
  id: string,
  title: string,
  label: string,
  variants: readonly WatchRequest[],
  shown: 1 | 2,
): HTMLElement {
  const host = h('div', { class: 'watch-host' });
  const pickers =
    shown === 2 && variants.length > 2
      ? [0, 1].map((k) =>
          h(
            'select',
            { 'aria-label': k === 0 ? 'Left variant' : 'Right variant', 'data-side': k },
            variants.map((v, i) => h('option', { value: i, selected: i === k }, v.name)),
          ),
        )
      : [];
  let animation: Animation | undefined;
  const start = h('button', { type: 'button', id, class: 'primary' }, label);
  start.addEventListener('click', () => {
    animation?.destroy();
    const chosen = pickers.length ? pickers.map((p) => variants[Number(p.value)]) : variants.slice(0, shown);
    const animated: AnimatedVariant[] = [];
    for (const v of chosen) {
      const parsed = parseScenario(v.document);
      if (!parsed.ok) return;
      animated.push({ name: v.name, scenario: parsed.scenario, document: v.document });
    }
    animation = mountAnimation(host, { variants: animated, autoplay: true });
    start.textContent = 'Start again';
  });
  // Full screen for a room: the animation itself moves into the presentation layout, and back,
  // so it plays on where it was (its canvas follows its new width and the layout's type size).
  const presentButton = h(
    'button',
    { type: 'button', id: `${id}-present`, class: 'secondary' },
    'Present full screen',
  );
  presentButton.addEventListener('click', () => {
    if (!animation) start.click();
    const names = (
      pickers.length ? pickers.map((p) => variants[Number(p.value)]) : variants.slice(0, shown)
    ).map((v) => v.name);
    present(
      {
        title: `${title}: ${names.join(' and ')}`,
        mount(into) {
          const place = document.createComment(id);
          host.replaceWith(place);
          into.append(host);
          return {
            unmount: () => place.replaceWith(host),
            redraw: () => animation?.redraw(),
            // Space, the right arrow, + and -, f work anywhere on the screen, not only on the canvas.
            key: (e) => animation?.key(e) ?? false,
          };
        },
      },
      { fullscreen: true },
    );
  });
  return h(
    'section',
    { class: 'watch-panel', 'aria-label': title },
    h('h3', {}, title),
    h(
      'p',
      { class: 'watch-lead' },
      shown === 2
        ? 'The same work arrives at the same moments in both (the same seed): watch the same item take very different times.'
        : 'The run’s first replication, item by item: queues in front of each node, busy servers filled, blocked work in red.',
    ),
    h('div', { class: 'watch-start' }, ...pickers, start, presentButton),
    host,
  );
}
