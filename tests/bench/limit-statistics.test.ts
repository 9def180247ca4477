/**
 * The bench's hand-written tandem with statistics (bench/limit-statistics.ts) is a bound for the
 * engine only if it is the same model doing the same work: the same draws, so the same items and
 * lead times, and the same statistics at every node. Here it must agree with flowlab's own run to
 * the last digits (the two sum in slightly different orders, so not always to the last bit).
 */
import { describe, expect, it } from 'vitest';
import { simulateTandem } from '../../bench/limit-statistics.ts';
import { tandemScenario } from '../../bench/systems.ts';
import { simulate } from '../../src/index.ts';

const ITEMS = 20_000;
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.abs(b));

describe('the hand-written tandem with statistics', () => {
  const scenario = tandemScenario(ITEMS);
  const flowlab = simulate(scenario as Parameters<typeof simulate>[0]);
  const hand = simulateTandem(ITEMS, scenario.run.seed);
  const window = scenario.run.duration - scenario.run.warmup;
  const [queueArea, busyArea, capacityArea, waitTotal, waitCount, , , served] = hand.kept;

  it('draws what flowlab draws: the same items and the same lead time', () => {
    expect(hand.completed).toBe(flowlab.completed);
    close(hand.leadMean, flowlab.leadTime.mean);
  });

  it('keeps what flowlab keeps at every node: utilisation, queue, wait and items served', () => {
    const nodes = Object.values(flowlab.nodes);
    expect(nodes).toHaveLength(7);
    nodes.forEach((node, n) => {
      close(busyArea[n] / capacityArea[n], node.utilization);
      close(queueArea[n] / window, node.queue.mean);
      close(waitTotal[n] / waitCount[n], node.wait.mean);
      expect(served[n]).toBe(node.served);
    });
  });
});
