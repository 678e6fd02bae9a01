import { env } from "@/lib/config/env";
import type { Article } from "@/lib/content/article";
import { isLiveNow } from "@/lib/content/article";
import { livePagePath } from "@/lib/content/live-coverage";
import { liveView, pageUpdates } from "@/lib/content/live-view";
import { LiveUpdates } from "./LiveUpdates.island";

/**
 * A live story's coverage on page `page`: the Live mark (or the ended notice), the key events (page
 * 1), the story's own text, then its updates (page 1: the pinned one first), with links to older and newer
 * pages. Everything works without JavaScript; with it, page 1 of live coverage takes new updates as
 * they come (LiveUpdates).
 */
export function LiveCoverage({
  article,
  page,
  intro,
}: {
  article: Article;
  page: number;
  intro: React.ReactNode;
}) {
  const { updates, pages } = pageUpdates(article, page);
  const whole = liveView(article);
  // Key events head page 1 only.
  const view = { ...whole, updates, keyEvents: page === 1 ? whole.keyEvents : [] };
  const live = isLiveNow(article);
  return (
    <>
      <LiveUpdates
        endpoint={`${article.path}/updates.json`}
        initial={view}
        poll={page === 1 && live}
        pollMs={env.livePollMs}
      >
        {page === 1 ? intro : null}
        {page === 1 && live ? (
          <noscript>
            <p className="mt-4 text-sm">
              <a href={article.path} className="underline">
                Refresh for the latest updates
              </a>
            </p>
          </noscript>
        ) : null}
      </LiveUpdates>
      {pages > 1 ? (
        <nav aria-label="Pages of updates" className="mt-6 flex justify-between gap-4 text-sm font-bold">
          {page > 1 ? (
            <a href={livePagePath(article, page - 1)} className="underline">
              ← Newer updates
            </a>
          ) : (
            <span />
          )}
          <span className="text-muted font-normal">
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <a href={livePagePath(article, page + 1)} className="underline">
              Older updates →
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
