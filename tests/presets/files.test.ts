import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate } from '../../src/index.ts';
import { preset } from './paired.ts';

const files = readdirSync(join(import.meta.dirname, '../../scenarios')).filter((f) => f.endsWith('.json'));

describe('every preset in scenarios/', () => {
  it.each(files)('%s validates, names the schema and says what to look at', (file) => {
    const doc = preset(file);
    const parsed = parseScenario(doc);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(doc.$schema).toBe('../schema/scenario.schema.json');
    expect(doc.name).toEqual(expect.any(String));
    // A description a coach can act on: what to look at, and the edit that shows the contrast.
    expect(doc.description.length).toBeGreaterThan(200);
  });

  // The sandbox runs each preset at its own size: it must drain, never deadlock or hit the
  // time cap, and no node may be offered more than it can do for the whole run. A surge may
  // overload a node for a stretch of it (demand-surge.json does, on purpose): then the only
  // warnings name that node and the window.
  it.each(files)('%s drains at its own size, with every node keeping up', (file) => {
    const result = simulate(preset(file));
    expect(result.stoppedBy).toBe('drained');
    const overloaded = Object.entries(result.nodes).filter(
      ([, n]) => n.utilization >= 1 || (n.offeredLoad >= 1 && !n.offeredLoadWindow),
    );
    expect(overloaded.map(([id]) => id)).toEqual([]);
    const surges = Object.entries(result.nodes).filter(([, n]) => n.offeredLoad >= 1);
    expect(result.warnings).toEqual(
      surges.map(([id, n]) =>
        expect.stringContaining(
          `node "${id}" is offered ${Math.round(n.offeredLoad * 100)}% of its capacity between day ${n.offeredLoadWindow?.from} and day ${n.offeredLoadWindow?.to}`,
        ),
      ),
    );
  });
});
