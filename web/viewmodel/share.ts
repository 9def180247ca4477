/**
 * Links that reproduce a run: the scenario, or a whole comparison, travels in the URL's hash
 * (never sent to a server), as deflated JSON in base64url.
 *
 * A link is input like any other: it is decoded as data (JSON.parse, never evaluated), its
 * size is capped before and after decompression, its nesting depth too (20,000 nested lists
 * fit in 154 characters, and code that walks JSON recursively overflows the stack on them),
 * its shape checked, and each scenario in it then goes through the same validation as typed
 * text. Opening a link never runs anything
 * by itself.
 */
import { z } from 'zod';
import { deeperThan } from '../../src/runner.ts';

const shareSchema = z.union([
  z.strictObject({ v: z.literal(1), scenario: z.unknown() }),
  z.strictObject({
    v: z.literal(1),
    compare: z.strictObject({
      variants: z
        .array(z.strictObject({ name: z.string().min(1).max(200), scenario: z.unknown() }))
        .min(1)
        .max(12),
      seed: z.number().int().min(0).optional(),
      replications: z.number().int().min(1).optional(),
    }),
  }),
]);

export type SharePayload = z.infer<typeof shareSchema>;
export type ShareOutcome = { ok: true; payload: SharePayload } | { ok: false; message: string };

/** Longer hashes are refused unread; a decompressed link may not exceed this many bytes. */
export const MAX_HASH_LENGTH = 400_000;
export const MAX_JSON_BYTES = 2_000_000;
/** Deeper than any scenario (a distribution inside a schedule inside a node is 7 levels). */
export const MAX_JSON_DEPTH = 64;

/** `#scenario=…` or `#compare=…`, so people can tell what a link holds. */
export async function encodeShare(payload: SharePayload): Promise<string> {
  const kind = 'scenario' in payload ? 'scenario' : 'compare';
  return `#${kind}=${await pack(JSON.stringify(payload))}`;
}

/** The payload in a location hash, or why there is none; `null` when the hash holds no link. */
export async function decodeShare(hash: string): Promise<ShareOutcome | null> {
  const m = /^#?(scenario|compare)=(.*)$/s.exec(hash);
  if (!m) return null;
  if (m[2].length > MAX_HASH_LENGTH)
    return { ok: false, message: 'the link is too long to be a flowlab link' };
  let text: string;
  try {
    text = await unpack(m[2]);
  } catch (error) {
    return { ok: false, message: `the link is damaged (${error instanceof Error ? error.message : error})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the link does not hold valid JSON' };
  }
  if (deeperThan(value, MAX_JSON_DEPTH))
    return { ok: false, message: `the link is damaged (it nests deeper than ${MAX_JSON_DEPTH} levels)` };
  const parsed = shareSchema.safeParse(value);
  if (!parsed.success)
    return { ok: false, message: 'the link does not hold a flowlab scenario or comparison' };
  if (('scenario' in parsed.data ? 'scenario' : 'compare') !== m[1])
    return { ok: false, message: 'the link’s label does not match what it holds' };
  return { ok: true, payload: parsed.data };
}

/** "z." + deflate-raw where the platform has CompressionStream, else "j." + plain UTF-8. */
async function pack(json: string): Promise<string> {
  const bytes = new TextEncoder().encode(json);
  if (typeof CompressionStream === 'undefined') return `j.${toBase64Url(bytes)}`;
  const compressed = await collect(
    new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')),
  );
  return `z.${toBase64Url(compressed)}`;
}

async function unpack(packed: string): Promise<string> {
  const [format, data] = [packed.slice(0, 2), packed.slice(2)];
  const bytes = fromBase64Url(data);
  if (format === 'j.') return decodeUtf8(bytes);
  if (format !== 'z.') throw new Error('unknown format');
  if (typeof DecompressionStream === 'undefined') throw new Error('this browser cannot decompress links');
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return decodeUtf8(await collect(stream, MAX_JSON_BYTES));
}

/** Reads a stream to the end, stopping once it exceeds `limit` bytes (a decompression bomb). */
async function collect(stream: ReadableStream<Uint8Array>, limit = Number.POSITIVE_INFINITY) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
