/**
 * One beacon (`POST /api/read`, `story={slug}` form-encoded) from its headers and body to an answer:
 * shared by the route (app/api/read/route.ts) and the server's door in front of Next.js
 * (lib/server/beacon-door.ts), which answers them without the framework's pipeline.
 *
 * Answers 202 when counted, 204 when not counted (a repeat within the hour, a bot), 429 past the
 * per-address limit, 403 for a beacon another site's page sent, 404 for a story readers may not see,
 * 400 for anything else. An IPv6 client counts by its /64, as a signup's limit does.
 */
import { SLUG_PATTERN } from "@/lib/content/schema";
import { clientIp, ipBucket, type ProxyTrust } from "@/lib/runtime/client-ip";
import { recordBeacon } from "./api";

/** A beacon is one short form field; anything longer is not one. */
export const MAX_BEACON_BYTES = 512;

type Headers = { get(name: string): string | null };

export type BeaconAnswer = { status: number; error?: string };

export function answerBeacon(
  headers: Headers,
  body: string,
  isPublicStory: (slug: string) => boolean,
  trust: ProxyTrust,
  now = Date.now(),
): BeaconAnswer {
  // Another site's page could send beacons from its own readers' browsers (a form-encoded POST needs
  // no preflight): browsers say where a request comes from, and only this site's pages count.
  if (!fromThisSite(headers)) return { status: 403, error: "only this site's pages send reads" };
  const slug = new URLSearchParams(body).get("story") ?? "";
  if (!SLUG_PATTERN.test(slug)) return { status: 400, error: "expected story={slug}" };
  const verdict = recordBeacon(
    slug,
    isPublicStory(slug),
    ipBucket(clientIp(headers, trust)),
    headers.get("user-agent") ?? "",
    now,
  );
  switch (verdict) {
    case "counted":
      return { status: 202 };
    case "repeat":
    case "bot":
      return { status: 204 };
    case "limited":
      return { status: 429, error: "too many reads from this address" };
    case "unknown":
      return { status: 404, error: "no such story" };
  }
}

/**
 * False for a browser's request from another site's page: Sec-Fetch-Site (every current browser sends
 * it) other than same-origin, or an Origin whose host is not the one the request was sent to. A client
 * that sends neither is not a browser page, and is held to the per-address limit like any other.
 */
function fromThisSite(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  try {
    return new URL(origin).host === (headers.get("x-forwarded-host") ?? headers.get("host"));
  } catch {
    return false;
  }
}

/** The answer's headers and body as sent: never cached, JSON but for the empty 204. */
export function beaconResponse({ status, error }: BeaconAnswer): {
  status: number;
  headers: Record<string, string>;
  body: string;
} {
  const headers: Record<string, string> = { "Cache-Control": "private, no-store" };
  if (status === 204) return { status, headers, body: "" };
  headers["Content-Type"] = "application/json";
  return { status, headers, body: JSON.stringify(error ? { ok: false, error } : { ok: true }) };
}
