import { absoluteUrl } from "@/lib/config/site";
import { archivedIssue, DatabaseUnavailableError } from "@/lib/newsletter/api";
import { getArticleBySlug } from "@/lib/site/api";

type Context = { params: Promise<{ list: string; issue: string }> };

/**
 * The web version of a sent issue: /newsletter/archive/{list}/{date} (a brief) or
 * /newsletter/archive/breaking-news/{slug} (an alert), as it was mailed, less any story that is no
 * longer public (lib/newsletter/archive.ts), with the per-reader unsubscribe link replaced by the
 * newsletter page.
 */
export async function GET(_request: Request, { params }: Context) {
  const { list, issue } = await params;
  const notFound = () =>
    new Response("No such newsletter issue\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" },
    });
  try {
    const page = await archivedIssue(list, issue, getArticleBySlug, absoluteUrl("/newsletter"));
    if (!page) return notFound();
    return new Response(page.html, {
      status: page.status,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        // Asked again on every view: a story withdrawn after the send must leave the web version at
        // once, so browsers keep nothing and a CDN at most ten seconds (nginx never caches /newsletter/).
        "Cache-Control": "public, max-age=0, s-maxage=10",
      },
    });
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    return new Response("The newsletter archive is unavailable. Try again in a minute.\n", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" },
    });
  }
}
