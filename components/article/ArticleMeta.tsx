import type { Article } from "@/lib/content/article";
import { DateTime } from "@/components/ui/DateTime";

/** Byline and times. "Updated" appears only when the editor set a later time. */
export function ArticleMeta({ article }: { article: Article }) {
  const updated = article.updated && article.updated !== article.published ? article.updated : undefined;
  return (
    <div className="text-muted flex flex-col gap-0.5 text-sm">
      {article.byline ? <p className="text-ink font-semibold">By {article.byline}</p> : null}
      <p>
        Published <DateTime iso={article.published} />
        {updated ? (
          <>
            <span aria-hidden="true"> · </span>
            <span className="block sm:inline">
              Updated <DateTime iso={updated} />
            </span>
          </>
        ) : null}
      </p>
    </div>
  );
}
