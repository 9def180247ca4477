import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deeperThan } from '../../src/model/json-depth.ts';
import { prettyJson } from '../../web/viewmodel/pretty-json.ts';
import {
  decodeShare,
  encodeShare,
  MAX_JSON_DEPTH,
  type SharePayload,
  toBase64Url,
} from '../../web/viewmodel/share.ts';
import { openLink } from '../../web/views/open-link.ts';

const json = fc.jsonValue({ maxDepth: 4 });
const payload: fc.Arbitrary<SharePayload> = fc.oneof(
  fc.record({ v: fc.constant(1 as const), scenario: json }),
  fc.record({
    v: fc.constant(1 as const),
    compare: fc.record(
      {
        variants: fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 30 }), scenario: json }), {
          minLength: 1,
          maxLength: 4,
        }),
        seed: fc.nat(),
        replications: fc.integer({ min: 1, max: 100 }),
      },
      { requiredKeys: ['variants'] },
    ),
  }),
);

describe('share links', () => {
  it('give back exactly the scenario or comparison they were made from', async () => {
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const hash = await encodeShare(p);
        const decoded = await decodeShare(hash);
        // JSON itself cannot tell -0 from 0, so compare with what JSON makes of the payload.
        expect(decoded).toEqual({ ok: true, payload: JSON.parse(JSON.stringify(p)) });
      }),
      { numRuns: 150 },
    );
  });

  it('say what they hold in the hash', async () => {
    expect(await encodeShare({ v: 1, scenario: { name: 'x' } })).toMatch(/^#scenario=z\./);
    expect(await encodeShare({ v: 1, compare: { variants: [{ name: 'a', scenario: {} }] } })).toMatch(
      /^#compare=z\./,
    );
  });

  it('ignore hashes that are not links', async () => {
    expect(await decodeShare('')).toBeNull();
    expect(await decodeShare('#results')).toBeNull();
  });

  it('refuse damaged, foreign or oversized links with a reason, never throwing', async () => {
    for (const hash of ['#scenario=z.!!!', '#scenario=z.AAAA', '#scenario=q.abc', '#compare=j.e30']) {
      const outcome = await decodeShare(hash);
      expect(outcome?.ok).toBe(false);
    }
    const notFlowlab = `#scenario=j.${toBase64Url(new TextEncoder().encode('{"v":2,"code":"alert(1)"}'))}`;
    expect(await decodeShare(notFlowlab)).toEqual({
      ok: false,
      message: 'the link does not hold a flowlab scenario or comparison',
    });
    const huge = `#scenario=j.${'A'.repeat(500_000)}`;
    expect((await decodeShare(huge))?.ok).toBe(false);
  });

  it('refuse a link that inflates beyond the size limit (a decompression bomb)', async () => {
    const big = { v: 1 as const, scenario: { name: 'x'.repeat(3_000_000) } };
    const hash = await encodeShare(big);
    expect(hash.length).toBeLessThan(50_000);
    expect(await decodeShare(hash)).toMatchObject({ ok: false });
  });

  it('refuse a short link holding 20,000 nested lists as damaged, as the page shows other bad links', async () => {
    const deep = `{"v":1,"scenario":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const hash = `#scenario=z.${toBase64Url(deflateRawSync(deep))}`;
    expect(hash.length).toBeLessThan(200);
    // What the page did with it before: pretty-printing it overflows the stack.
    expect(() => prettyJson(JSON.parse(deep))).toThrow(RangeError);
    expect(await decodeShare(hash)).toEqual({
      ok: false,
      message: `the link is damaged (it nests deeper than ${MAX_JSON_DEPTH} levels)`,
    });
    expect(await openLink(hash)).toEqual({
      kind: 'refused',
      message: `This link could not be opened: the link is damaged (it nests deeper than ${MAX_JSON_DEPTH} levels).`,
    });
  });

  it('measure depth without recursion, exactly at the limit', () => {
    const nested = (levels: number) => JSON.parse('['.repeat(levels) + ']'.repeat(levels));
    expect(deeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(deeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(deeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(deeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(deeperThan(nested(100_000), MAX_JSON_DEPTH)).toBe(true);
  });
});
