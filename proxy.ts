import { NextResponse, type NextRequest } from "next/server";
import type { LiveContent } from "@/lib/content/live";
import { tombstoneFor } from "@/lib/content/tombstones";
import { gonePage } from "@/lib/server/gone-page";
import { peekProcessSingleton } from "@/lib/server/singleton";

/**
 * Stories taken down for good answer 410 Gone (lib/content/tombstones.ts), which no page can: the App
 * Router renders a missing story as 404. It reads the live content store of this server process,
 * which `next start` and the standalone server share with the proxy; where it has none (before the
 * store has loaded, or a runtime that runs the proxy elsewhere) it lets the request through to the
 * page, which answers 404 as before.
 */
export async function proxy(request: NextRequest) {
  const live = peekProcessSingleton<Promise<LiveContent>>("content.live");
  if (!live) return NextResponse.next();
  const stone = tombstoneFor((await live).removed, request.nextUrl.pathname);
  return stone ? gonePage(stone) : NextResponse.next();
}

export const config = {
  // Story, summary-view and FAST-card paths only; never build assets, routes under /api, media or
  // images, which must not pay for a lookup.
  matcher: [
    "/fast/:slug",
    "/((?!_next/|api/|media/|og/|newsletter/|topic/|sitemaps/)[^/]+)/:slug",
    "/((?!_next/|api/|media/|og/|newsletter/|topic/|sitemaps/)[^/]+)/:slug/summary",
  ],
};
