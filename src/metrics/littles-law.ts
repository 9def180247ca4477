/**
 * Little's law (L = λW): over a steady window, the time-average WIP equals throughput times
 * mean lead time. A simulation measures the two sides separately, so their gap says whether
 * the window was steady: a short run or a system that cannot keep up leaves them apart.
 */

/** Above this relative gap the law is said not to hold: the window is too short or not steady. */
export const LITTLES_LAW_TOLERANCE = 0.1;

/** Whether WIP and throughput x lead time are further apart than the tolerance. */
export function littlesLawOff(relativeDifference: number): boolean {
  return Math.abs(relativeDifference) > LITTLES_LAW_TOLERANCE;
}
