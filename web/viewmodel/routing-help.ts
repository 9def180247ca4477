/**
 * What a routing strategy means, in a coach's words, for the form's routing picker: the
 * strategy's own `help` (src/network/strategies), the same text as the README's table.
 */
import type { RoutingStrategy } from '../../src/index.ts';
import { routingStrategies } from '../../src/runner.ts';

/** The help of a strategy the schema knows; '' for any other name (a picker may be mid-edit). */
export function routingHelp(strategy: string): string {
  return Object.hasOwn(routingStrategies, strategy)
    ? routingStrategies[strategy as RoutingStrategy].help
    : '';
}
