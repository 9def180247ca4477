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

/** One scenario under each routing strategy, named after the strategy. */
export function routingVariants(
  name: string,
  document: unknown,
  strategies: readonly string[],
): NamedScenario[] {
  return strategies.map((routing) => ({
    name: `${name} · ${routing}`,
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

/** Short variant names for legends: the part after " · " when every name shares the prefix. */
export function legendNames(names: readonly string[]): string[] {
  const prefixes = new Set(names.map((n) => n.split(' · ')[0]));
  if (prefixes.size === 1 && names.every((n) => n.includes(' · ')))
    return names.map((n) => n.split(' · ')[1]);
  return [...names];
}
