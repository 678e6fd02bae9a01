/**
 * How a narration file is answered, shared by the server's door (lib/server/audio-door.ts, which can
 * send Content-Length: Next.js strips it from a route's response) and the route (development): the
 * whole file, or one byte range for seeking (206), or 416.
 */
import { byteRange } from "./range";

export type AudioAnswer = {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** The bytes to send, inclusive; none for 416. */
  range?: { start: number; end: number };
};

const HEADERS = {
  "Content-Type": "audio/mpeg",
  "Accept-Ranges": "bytes",
  // The address names the words (a hash): a correction makes a new one, so this one never changes.
  "Cache-Control": "public, max-age=31536000, immutable",
  "X-Content-Type-Options": "nosniff",
};

export function audioAnswer(size: number, rangeHeader: string | null): AudioAnswer {
  const range = byteRange(rangeHeader, size);
  if (range === "unsatisfiable")
    return {
      status: 416,
      headers: { ...HEADERS, "Content-Range": `bytes */${size}`, "Content-Length": "0" },
    };
  const { start, end } = range ?? { start: 0, end: size - 1 };
  return {
    status: range ? 206 : 200,
    range: { start, end },
    headers: {
      ...HEADERS,
      "Content-Length": String(end - start + 1),
      ...(range ? { "Content-Range": `bytes ${start}-${end}/${size}` } : {}),
    },
  };
}

/** A narration's address: a story's (whole or its summary), or the FAST briefing's. */
export type AudioAddress = { section: string; slug: string; hash: string } | { briefing: true; hash: string };

/**
 * `/{section}/{slug}/listen/{hash}.mp3`'s or `/fast/listen/{hash}.mp3`'s parts, or undefined for any
 * other path.
 */
export function audioPath(pathname: string): AudioAddress | undefined {
  const briefing = /^\/fast\/listen\/([0-9a-f]{32})\.mp3$/.exec(pathname)?.[1];
  if (briefing) return { briefing: true, hash: briefing };
  const m = /^\/([a-z0-9-]+)\/([a-z0-9-]+)\/listen\/([0-9a-f]{32})\.mp3$/.exec(pathname);
  return m?.[1] && m[2] && m[3] ? { section: m[1], slug: m[2], hash: m[3] } : undefined;
}
