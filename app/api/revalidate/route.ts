import { env } from "@/lib/config/env";
import { getLiveContent } from "@/lib/site/api";
import { takePageRefresh } from "@/lib/site/refresh";
import { rescanFrontFiles } from "@/lib/site/home";
import { rescan } from "@/lib/content/live";
import { formatProblem } from "@/lib/content/problems";
import { INTERNAL_HEADER, internalToken, refreshPages } from "@/lib/content/publish";
import { bearer, sameSecret } from "@/lib/server/secret";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store" };

/**
 * The publish trigger. Pipelines and CMSs that write content where file events do not reach (network
 * file systems, a push from CI) call it with `Authorization: Bearer $REVALIDATE_SECRET` after the
 * files are in place: the server rescans what changed and refreshes the pages the change touched
 * (lib/content/touched.ts). The server's own watcher calls it too, with its in-memory token. See
 * docs/CONTENT.md.
 */
export async function POST(request: Request) {
  const internal = sameSecret(request.headers.get(INTERNAL_HEADER), internalToken());
  const external = !internal && sameSecret(bearer(request), env.revalidateSecret);
  if (!internal && !external) {
    return Response.json(
      { ok: false, error: env.revalidateSecret ? "wrong or missing secret" : "publishing by request is off" },
      { status: env.revalidateSecret ? 401 : 404, headers: noStore },
    );
  }
  const live = await getLiveContent();
  const report = external ? await rescan(live) : { changed: true, problems: [] };
  // The fronts too: their files are not stories, and the rescan of stories does not look at them.
  const fronts = external ? await rescanFrontFiles() : [];
  const refreshed = refreshPages(await takePageRefresh());
  return Response.json(
    {
      ok: true,
      changed: report.changed || fronts.length > 0,
      refreshed,
      version: live.version,
      stories: live.index.articles.length,
      problems: [...live.broken.values()].flat().map(formatProblem),
    },
    { headers: noStore },
  );
}
