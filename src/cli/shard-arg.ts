/** `--shard k/n`: which slice of a run's or a sweep's replications this command runs. */
import type { Shard } from '../index.ts';

/** "2/5" as a shard, or the reason it is not one. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `--shard must be k/n, e.g. 2/5 (got "${text}")`;
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: k must be between 1 and n`;
  return { index, count };
}
