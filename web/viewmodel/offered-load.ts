/**
 * Live utilisation for the form: the load each node would carry in the long run, shown while
 * the coach types, before anything is simulated. The numbers are the engine's own
 * (`nodeLoads`, src/network/load.ts), so the form promises what the results will show.
 */
export { type NodeLoad, nodeLoads as offeredLoads } from '../../src/index.ts';

/** How a load reads to a coach. */
export function loadVerdict(load: number): 'idle' | 'comfortable' | 'busy' | 'overloaded' {
  if (load >= 1) return 'overloaded';
  if (load >= 0.85) return 'busy';
  if (load >= 0.3) return 'comfortable';
  return 'idle';
}
