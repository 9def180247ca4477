/**
 * How deeply parsed JSON nests, found without recursion. Deep JSON is cheap to write (20,000
 * nested lists are 40,000 characters, 154 once deflated) and overflows the stack of any code
 * that walks it recursively (structuredClone, JSON.stringify, a pretty-printer), so input
 * from a file or a link is measured before anything walks it.
 */

/** Whether lists and objects nest more than `limit` levels (`[]` is one level). */
export function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [here, depth] = stack.pop() as [unknown, number];
    if (here === null || typeof here !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(here)) stack.push([child, depth + 1]);
  }
  return false;
}
