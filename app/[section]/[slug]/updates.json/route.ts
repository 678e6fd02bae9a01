import { getLiveStory } from "@/lib/site/api";
import { liveView } from "@/lib/content/live-view";

type Context = { params: Promise<{ section: string; slug: string }> };

// Answered per request from memory (a few kilobytes); the proxy and browsers keep it a few seconds.
export const dynamic = "force-dynamic";

/** Seconds a poll's answer may be reused: the shipped nginx honours X-Accel-Expires over its 10 s. */
const FRESH_SECONDS = 3;

/**
 * The poll endpoint of a live story's page (components/live/LiveUpdates.island.tsx): the coverage's
 * state and its first page of updates, as JSON. Public stories only; 404 for anything else.
 */
export async function GET(_request: Request, { params }: Context) {
  const { section, slug } = await params;
  const article = await getLiveStory(section, slug);
  if (!article) {
    return Response.json(
      { error: "no such live story" },
      { status: 404, headers: { "Cache-Control": "public, max-age=5" } },
    );
  }
  return Response.json(liveView(article), {
    headers: {
      "Cache-Control": `public, max-age=${FRESH_SECONDS}, s-maxage=${FRESH_SECONDS}`,
      "X-Accel-Expires": String(FRESH_SECONDS),
    },
  });
}
