import { env } from "@/lib/config/env";
import { answerBeacon, beaconResponse, MAX_BEACON_BYTES } from "@/lib/reads/beacon";
import { getPublicStories } from "@/lib/site/api";

export const dynamic = "force-dynamic";

/**
 * A read of a story (components/reads/ReadBeacon.island.tsx sends it once per page view, after a few
 * seconds on the story or a scroll into it): `story={slug}`, form-encoded. No cookie is read or set,
 * and the client's address is used only as a salted hash, in memory (lib/reads/counter.ts). A serving
 * process answers beacons in front of Next.js (lib/server/beacon-door.ts); this route answers them
 * where that door is not installed (development), the same way (lib/reads/beacon.ts).
 */
export async function POST(request: Request) {
  const body = await readBounded(request, MAX_BEACON_BYTES);
  const { bySlug } = await getPublicStories();
  const answer =
    body === undefined
      ? { status: 413, error: "too large" }
      : answerBeacon(request.headers, body, (slug) => bySlug.has(slug), env);
  const { status, headers, body: text } = beaconResponse(answer);
  return new Response(status === 204 ? null : text, { status, headers });
}

/** The body as text, or undefined past `max` bytes (read no further than that). */
async function readBounded(request: Request, max: number): Promise<string | undefined> {
  if (Number(request.headers.get("content-length") ?? 0) > max) return undefined;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
