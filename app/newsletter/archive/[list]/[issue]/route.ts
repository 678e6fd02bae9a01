import { absoluteUrl, findNewsletter } from "@/lib/config/site";
import { DatabaseUnavailableError, getDb } from "@/lib/db/database";
import { UNSUBSCRIBE_PLACEHOLDER } from "@/lib/newsletter/brief";
import { IssueStore } from "@/lib/newsletter/issues";

type Context = { params: Promise<{ list: string; issue: string }> };

/**
 * The web version of a sent issue: /newsletter/archive/{list}/{date} (a brief) or
 * /newsletter/archive/breaking-news/{slug} (an alert), exactly as it was mailed, with the
 * per-reader unsubscribe link replaced by the newsletter page.
 */
export async function GET(_request: Request, { params }: Context) {
  const { list, issue } = await params;
  const notFound = () =>
    new Response("No such newsletter issue\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" },
    });
  if (!findNewsletter(list) || !/^[a-z0-9-]{1,200}$/.test(issue)) return notFound();
  try {
    const found = await new IssueStore(await getDb()).findIssue(`${list}/${issue}`);
    if (!found) return notFound();
    return new Response(found.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, absoluteUrl("/newsletter")), {
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" },
    });
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    return new Response("The newsletter archive is unavailable. Try again in a minute.\n", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" },
    });
  }
}
