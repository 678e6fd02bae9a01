import { getLiveStory } from "@/lib/site/api";
import { livePagePath, pageOfUpdate, updateAnchor } from "@/lib/content/live-coverage";

type Context = { params: Promise<{ section: string; slug: string; id: string }> };

export const dynamic = "force-dynamic";

/**
 * An update's permalink. Updates move to older pages as new ones arrive, so the link names the update
 * and this answers with the page that holds it now, at its anchor (a plain redirect: it works with
 * JavaScript off). An update not (or no longer) public goes to the story's first page.
 */
export async function GET(_request: Request, { params }: Context) {
  const { section, slug, id } = await params;
  const article = await getLiveStory(section, slug);
  if (!article)
    return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain" } });
  const page = pageOfUpdate(article, id);
  const target = page ? `${livePagePath(article, page)}#${updateAnchor(id)}` : article.path;
  // A path, not an absolute URL: the address the reader used (through the proxy) is kept.
  return new Response(null, {
    status: 307,
    headers: { Location: target, "Cache-Control": "public, max-age=10" },
  });
}
