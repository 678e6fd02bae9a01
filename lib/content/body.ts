/**
 * Article bodies, compressed in memory once loaded. A running server holds every story's metadata
 * for listings, feeds and the FAST deck, but reads a body only to render that story's page (then
 * cached) or a feed's newest items. So each body is deflated as its file is read (about 20 µs) and
 * inflated on demand, with the most recently read kept whole.
 * Kept in memory rather than re-read from disk: after a broken save the last good body must stay in
 * service, and the file on disk is then the broken one.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * A small window and memory level: a body is a few kilobytes, and each call sets up a fresh zlib
 * stream, whose size is most of its cost (measured: 16 µs a body instead of 42 µs at the defaults,
 * same ratio).
 */
const ZLIB = { level: 1, memLevel: 2, windowBits: 11 };
/** How a packed body is inflated elsewhere (the search index's writer thread). */
export const PACKED_WINDOW_BITS = ZLIB.windowBits;

/** Whole bodies kept ready, most recently read last. */
const RECENT_LIMIT = 256;
const recent = new Map<Buffer, string>();

/** A body: its text until packed, then only the compressed bytes. */
export type Body = { text?: string; packed?: Buffer };

/** A packed body. */
export function newBody(text: string): Body {
  const body: Body = { text };
  packBody(body);
  return body;
}

/** A body packed earlier (a start-up's snapshot, lib/content/snapshot.ts), in memory of its own. */
export function packedBody(bytes: Uint8Array): Body {
  const own = Buffer.allocUnsafeSlow(bytes.length);
  own.set(bytes);
  return { packed: own };
}

/** The packed bytes of a body, packing it first if it is not yet. */
export function packedBytes(body: Body): Buffer {
  packBody(body);
  return body.packed ?? Buffer.alloc(0);
}

export function readBody(body: Body): string {
  if (body.text !== undefined) return body.text;
  const packed = body.packed;
  if (!packed) return "";
  const hit = recent.get(packed);
  if (hit !== undefined) {
    recent.delete(packed);
    recent.set(packed, hit);
    return hit;
  }
  const text = inflateRawSync(packed, { windowBits: ZLIB.windowBits }).toString("utf8");
  recent.set(packed, text);
  if (recent.size > RECENT_LIMIT) {
    const oldest = recent.keys().next().value;
    if (oldest) recent.delete(oldest);
  }
  return text;
}

function packBody(body: Body): void {
  if (body.text === undefined) return;
  const deflated = deflateRawSync(body.text, ZLIB);
  // A copy in memory of its own. zlib's result is a view onto its 16 KB output chunk, and a small
  // Buffer.from() copy would share Node's 8 KB pool with the text just deflated: either way a few
  // hundred bytes kept whole pages alive (measured at 100k stories: 1.9 GiB, then no saving at all).
  const own = Buffer.allocUnsafeSlow(deflated.length);
  deflated.copy(own);
  body.packed = own;
  body.text = undefined;
}
