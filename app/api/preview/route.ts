import { draftMode } from "next/headers";
import { env } from "@/lib/config/env";
import { sameSecret } from "@/lib/server/secret";
import { localPath } from "@/lib/server/local-path";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

/**
 * Turns preview on for an editor: GET /api/preview?secret=$PREVIEW_SECRET&path=/world/a-story.
 * Preview lets this browser see drafts and scheduled stories; its responses are never cached
 * (Next.js renders them per request with no-store, and deploy/nginx.conf bypasses its cache).
 */
export async function GET(request: Request) {
  if (!env.previewSecret)
    return new Response("Preview is off on this server.", { status: 404, headers: noStore });
  const url = new URL(request.url);
  if (!sameSecret(url.searchParams.get("secret"), env.previewSecret)) {
    return new Response("Wrong or missing preview secret.", { status: 401, headers: noStore });
  }
  (await draftMode()).enable();
  // A relative Location: request.url carries the server's bind address, not the public host.
  return new Response(null, {
    status: 307,
    headers: { ...noStore, Location: localPath(url.searchParams.get("path")) },
  });
}
