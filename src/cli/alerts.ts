/**
 * A result's alerts (src/report/verdict.ts) for the terminal: in capitals, first, so a
 * run that stopped early or cannot keep up never reads as a healthy one.
 */
import type { Verdict } from '../report/verdict.ts';

export function alertLines(v: Verdict, prefix = ''): string[] {
  return v.alerts.map((a) => `${prefix}${a.title.toUpperCase()}: ${a.text}`);
}
