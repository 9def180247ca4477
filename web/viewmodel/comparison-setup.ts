/**
 * Building the variants of a comparison from what the coach picked: several presets (each as
 * currently edited), or one scenario under several routing strategies. The first variant is
 * the baseline every other one is compared with.
 */
import type { NamedScenario } from '../../src/index.ts';

export interface PresetChoice {
  name: string;
  document: unknown;
}

/**
 * One scenario under each routing strategy, named after the strategy ("shortest-queue
 * routing") so the sentences stay short; the scenario's name is in each result.
 */
export function routingVariants(document: unknown, strategies: readonly string[]): NamedScenario[] {
  return strategies.map((routing) => ({
    name: `${routing} routing`,
    scenario: { ...(document as Record<string, unknown>), routing },
  }));
}

/** Several scenarios side by side, with names made unique so sentences can tell them apart. */
export function scenarioVariants(choices: readonly PresetChoice[]): NamedScenario[] {
  const seen = new Map<string, number>();
  return choices.map((c) => {
    const count = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, count);
    return { name: count > 1 ? `${c.name} (${count})` : c.name, scenario: c.document };
  });
}

/** Short variant names for legends: "shortest-queue" when every name ends in " routing". */
export function legendNames(names: readonly string[]): string[] {
  if (names.length > 1 && names.every((n) => n.endsWith(' routing')))
    return names.map((n) => n.slice(0, -' routing'.length));
  return [...names];
}

/** What a comparison is of, for its heading: one scenario's variants, or several scenarios. */
export function comparisonSubject(scenarioNames: readonly string[], variants: number): string {
  const distinct = [...new Set(scenarioNames)];
  return distinct.length === 1 ? `${distinct[0]}: ${variants} variants` : `${variants} scenarios`;
}

export interface ComparisonChoice {
  id: string;
  name: string;
  edited: boolean;
  /** The scenario to run, or null while its draft has problems. */
  document: unknown | null;
}

/**
 * The scenarios a coach can put side by side: every preset as currently edited, and for an
 * edited one also the preset as shipped, so "what did my change do?" is one comparison. An
 * edited preset the coach renamed goes by its new name; otherwise by the preset's, marked
 * "(edited)". Then the coach's own scenarios, each by its own name.
 */
export function presetChoices(
  presets: readonly { id: string; name: string; document: unknown }[],
  draft: (id: string) => { edited: boolean; document: unknown | null; name?: string },
  own: readonly { id: string; name: string; document: unknown | null }[] = [],
): ComparisonChoice[] {
  const shipped = presets.flatMap((p) => {
    const d = draft(p.id);
    if (!d.edited) return [{ id: p.id, name: p.name, edited: false, document: d.document }];
    const name = d.name && d.name !== p.name ? d.name : `${p.name} (edited)`;
    return [
      { id: p.id, name, edited: true, document: d.document },
      { id: `${p.id}@shipped`, name: p.name, edited: false, document: p.document },
    ];
  });
  return [...shipped, ...own.map((o) => ({ ...o, edited: false }))];
}
