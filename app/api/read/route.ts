import { headers } from "next/headers";
import { env } from "@/lib/config/env";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { recordBeacon } from "@/lib/reads/api";
import { clientIp, ipBucket } from "@/lib/runtime/client-ip";
import { isPublicStory } from "@/lib/site/home";

export const dynamic = "force-dynamic";

/** A beacon is one short form field; anything longer is not one. */
const MAX_BODY = 512;

const noStore = { "Cache-Control": "private, no-store" };

/**
 * A read of a story (components/reads/ReadBeacon.island.tsx sends it once per page view, after a few
 * seconds on the story or a scroll into it): `story={slug}`, form-encoded. No cookie is read or set,
 * and the client's address is used only as a salted hash, in memory (lib/reads/counter.ts).
 * Answers 202 when counted, 204 when not counted (a repeat within the hour, a bot), 429 past the
 * per-address limit, 403 for a beacon another site's page sent, 404 for a story readers may not see,
 * 400 for anything else. An IPv6 client counts by its /64, as a signup's limit does.
 */
export async function POST(request: Request) {
  // Another site's page could send beacons from its own readers' browsers (a form-encoded POST needs
  // no preflight): browsers say where a request comes from, and only this site's pages count.
  if (!fromThisSite(request)) return answer(403, "only this site's pages send reads");
  const body = await readBounded(request, MAX_BODY);
  if (body === undefined) return answer(413, "too large");
  const slug = new URLSearchParams(body).get("story") ?? "";
  if (!SLUG_PATTERN.test(slug)) return answer(400, "expected story={slug}");
  const h = await headers();
  const verdict = recordBeacon(
    slug,
    await isPublicStory(slug),
    ipBucket(clientIp(h, env)),
    h.get("user-agent") ?? "",
  );
  switch (verdict) {
    case "counted":
      return answer(202);
    case "repeat":
    case "bot":
      return answer(204);
    case "limited":
      return answer(429, "too many reads from this address");
    case "unknown":
      return answer(404, "no such story");
  }
}

/**
 * False for a browser's request from another site's page: Sec-Fetch-Site (every current browser sends
 * it) other than same-origin, or an Origin whose host is not the one the request was sent to. A client
 * that sends neither is not a browser page, and is held to the per-address limit like any other.
 */
function fromThisSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  try {
    return new URL(origin).host === (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return false;
  }
}

function answer(status: number, error?: string) {
  if (status === 204) return new Response(null, { status, headers: noStore });
  return Response.json(error ? { ok: false, error } : { ok: true }, { status, headers: noStore });
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
