/**
 * Choosing what to compare: several presets side by side (each as currently edited), or the
 * scenario being edited under several routing strategies, or a comparison opened from a link.
 * The first variant listed is the baseline.
 */
import type { NamedScenario } from '../../src/index.ts';
import { ROUTING_STRATEGIES } from '../../src/index.ts';
import { type ComparisonChoice, routingVariants, scenarioVariants } from '../viewmodel/comparison-setup.ts';
import { readInput } from '../viewmodel/document-edit.ts';
import { routingHelp } from '../viewmodel/routing-help.ts';
import { DEFAULT_COMPARISON, DEFAULT_PRESET } from '../viewmodel/workspace.ts';
import { h } from './dom.ts';

export interface CompareSource {
  /** Presets as edited (and as shipped, when edited), then My scenarios; the document is null while a draft has problems. */
  presets: ComparisonChoice[];
  /** The scenario being edited in the first tab. */
  current: { name: string; document: unknown | null; routing: string };
  /** A comparison opened from a link, if any. */
  linked: { variants: NamedScenario[]; seed?: number; replications?: number } | null;
}

export type CompareMode = 'presets' | 'routing' | 'linked';

export interface CompareRequest {
  variants: NamedScenario[];
  seed?: number;
  replications?: number;
}

export class CompareSetup {
  mode: CompareMode = 'presets';
  private chosenPresets: string[] = [];
  private chosenStrategies: string[] = ['fixed', 'shortest-queue', 'round-robin'];
  private seed = '';
  private replications = '';
  readonly root = h('div', { class: 'compare-setup' });

  /** `onChange` when the choices change (re-render); `onValues` when only a typed value did. */
  constructor(
    private readonly onChange: () => void,
    private readonly onValues: () => void,
  ) {}

  render(source: CompareSource) {
    // Start with the flagship pair: the token ring (the "before" picture) as the baseline
    // against the dynamic network; any other two presets if those are missing.
    if (this.chosenPresets.length === 0) {
      const rank = (id: string) => [DEFAULT_PRESET, DEFAULT_COMPARISON].indexOf(id) >>> 0;
      this.chosenPresets = [...source.presets]
        .sort((a, b) => rank(a.id) - rank(b.id))
        .slice(0, 2)
        .map((p) => p.id);
    }
    if (this.mode === 'linked' && !source.linked) this.mode = 'presets';
    const modes: { key: CompareMode; label: string }[] = [
      { key: 'presets', label: 'Scenarios side by side' },
      { key: 'routing', label: `“${source.current.name}” under several routing strategies` },
      ...(source.linked ? [{ key: 'linked' as const, label: 'The comparison from the shared link' }] : []),
    ];
    this.root.replaceChildren(
      h('h2', { class: 'panel-heading' }, 'Compare'),
      h(
        'p',
        { class: 'panel-intro' },
        'Every variant runs with the same seeds, so they see the same arrivals: differences come from the design, not from luck. The first variant is the baseline.',
      ),
      h(
        'fieldset',
        { class: 'form-section' },
        h('legend', {}, 'What to compare'),
        modes.map((m) =>
          h(
            'label',
            { class: 'choice' },
            h('input', {
              type: 'radio',
              name: 'compare-mode',
              value: m.key,
              checked: this.mode === m.key,
              onchange: () => this.setMode(m.key),
            }),
            h('span', { class: 'choice-text' }, m.label),
          ),
        ),
      ),
      this.mode === 'presets'
        ? this.presetChoices(source)
        : this.mode === 'routing'
          ? this.routingChoices(source)
          : this.linkedList(source),
      h(
        'fieldset',
        { class: 'form-section' },
        h('legend', {}, 'Same for every variant'),
        h(
          'div',
          { class: 'field-grid' },
          this.numberField('compare-seed', 'Seed', this.seed, 'the baseline’s if empty', (v) => {
            this.seed = v;
          }),
          this.numberField(
            'compare-replications',
            'Replications',
            this.replications,
            'the baseline’s if empty',
            (v) => {
              this.replications = v;
            },
          ),
        ),
      ),
    );
  }

  private setMode(mode: CompareMode) {
    this.mode = mode;
    this.onChange();
  }

  private presetChoices(source: CompareSource) {
    return h(
      'fieldset',
      { class: 'form-section' },
      h('legend', {}, 'Scenarios (pick two or more; the first ticked is the baseline)'),
      source.presets.map((p) =>
        h(
          'label',
          { class: 'choice' },
          h('input', {
            type: 'checkbox',
            name: 'compare-preset',
            value: p.id,
            checked: this.chosenPresets.includes(p.id),
            disabled: p.document === null,
            onchange: (e: Event) => {
              const on = (e.target as HTMLInputElement).checked;
              this.chosenPresets = on
                ? [...this.chosenPresets, p.id]
                : this.chosenPresets.filter((x) => x !== p.id);
              this.onChange();
            },
          }),
          h(
            'span',
            { class: 'choice-text' },
            p.name,
            p.document === null ? h('span', { class: 'hint' }, ' (has problems; fix it first)') : null,
            this.chosenPresets[0] === p.id ? h('span', { class: 'badge baseline' }, 'baseline') : null,
          ),
        ),
      ),
    );
  }

  private routingChoices(source: CompareSource) {
    return h(
      'fieldset',
      { class: 'form-section' },
      h('legend', {}, 'Routing strategies (the first ticked is the baseline)'),
      ROUTING_STRATEGIES.map((r) =>
        h(
          'label',
          { class: 'choice' },
          h('input', {
            type: 'checkbox',
            name: 'compare-routing',
            value: r,
            checked: this.chosenStrategies.includes(r),
            onchange: (e: Event) => {
              const on = (e.target as HTMLInputElement).checked;
              const next = on ? [...this.chosenStrategies, r] : this.chosenStrategies.filter((x) => x !== r);
              this.chosenStrategies = ROUTING_STRATEGIES.filter((x) => next.includes(x));
              this.onChange();
            },
          }),
          h(
            'span',
            { class: 'choice-text' },
            h('span', { class: 'choice-name' }, r),
            this.chosenStrategies[0] === r ? h('span', { class: 'badge baseline' }, 'baseline') : null,
            r === source.current.routing ? h('span', { class: 'badge' }, 'as in the scenario') : null,
            h('span', { class: 'hint choice-hint' }, routingHelp(r)),
          ),
        ),
      ),
    );
  }

  private linkedList(source: CompareSource) {
    return h(
      'fieldset',
      { class: 'form-section' },
      h('legend', {}, 'Variants from the link'),
      h(
        'ol',
        { class: 'linked-variants' },
        (source.linked?.variants ?? []).map((v) => h('li', {}, v.name)),
      ),
    );
  }

  private numberField(id: string, label: string, value: string, hint: string, set: (v: string) => void) {
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h('input', {
        id,
        type: 'text',
        inputmode: 'numeric',
        value,
        placeholder: 'as baseline',
        oninput: (e: Event) => {
          set((e.target as HTMLInputElement).value);
          this.onValues();
        },
      }),
      h('span', { class: 'hint' }, hint),
    );
  }

  /** The comparison to run, or the reason there is none yet. */
  request(source: CompareSource): CompareRequest | string {
    const seed = readInput(this.seed);
    const replications = readInput(this.replications);
    if (seed !== undefined && !(typeof seed === 'number' && Number.isInteger(seed) && seed >= 0))
      return 'the seed must be a whole number of at least 0';
    if (
      replications !== undefined &&
      !(
        typeof replications === 'number' &&
        Number.isInteger(replications) &&
        replications >= 1 &&
        replications <= 10_000
      )
    )
      return 'replications must be a whole number between 1 and 10000';
    const options = { seed: seed as number | undefined, replications: replications as number | undefined };
    if (this.mode === 'linked') {
      if (!source.linked) return 'no comparison was opened from a link';
      return {
        variants: source.linked.variants,
        seed: options.seed ?? source.linked.seed,
        replications: options.replications ?? source.linked.replications,
      };
    }
    if (this.mode === 'routing') {
      if (source.current.document === null) return 'the scenario has problems; fix them first';
      if (this.chosenStrategies.length < 2) return 'pick at least two routing strategies';
      return { variants: routingVariants(source.current.document, this.chosenStrategies), ...options };
    }
    const chosen = this.chosenPresets
      .map((id) => source.presets.find((p) => p.id === id))
      .filter((p): p is CompareSource['presets'][number] => !!p && p.document !== null);
    if (chosen.length < 2) return 'pick at least two scenarios';
    return {
      variants: scenarioVariants(chosen.map((p) => ({ name: p.name, document: p.document }))),
      ...options,
    };
  }

  /** Puts exactly these scenarios side by side, the first as the baseline ("this and its variant"). */
  choose(ids: readonly string[]) {
    this.mode = 'presets';
    this.chosenPresets = [...ids];
  }

  /** Opens with a comparison from a link selected. */
  useLinked() {
    this.mode = 'linked';
  }
}
