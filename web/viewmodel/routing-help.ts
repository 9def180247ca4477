/**
 * What each routing strategy means, in a coach's words (from the README's table), for the
 * form's routing picker. A strategy the engine adds later still shows, with its name only.
 */
const HELP: Record<string, string> = {
  fixed: 'the first node in the file that serves the step (the token ring)',
  random: 'any node that serves the step, at random',
  'round-robin': 'each capable node in turn',
  'shortest-queue': 'the node with the fewest items waiting or in service per server',
  'least-work': 'the node with the least expected work waiting or in service per server',
  'power-of-two': 'the less busy of two capable nodes picked at random',
  fastest: 'the node with the earliest expected completion, given its queue and speed',
  reliability: 'the node least likely to fail the work',
};

export function routingHelp(strategy: string): string {
  return HELP[strategy] ?? '';
}
