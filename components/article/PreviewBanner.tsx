import { DateTime } from "@/components/ui/DateTime";
import type { Article } from "@/lib/content/article";

/** Tells an editor in preview that readers cannot see this story yet, and why. */
export function PreviewBanner({ article }: { article: Article }) {
  return (
    <div role="status" className="bg-ink text-page px-4 py-3 text-sm sm:px-6">
      <strong>Preview.</strong>{" "}
      {article.draft ? (
        "This story is a draft: readers cannot see it."
      ) : (
        <>
          Readers see this story from <DateTime iso={article.published} />.
        </>
      )}{" "}
      {/* A plain link: the exit route turns preview off and comes back here. */}
      <a className="underline" href={`/api/preview/exit?path=${encodeURIComponent(article.path)}`}>
        Leave preview
      </a>
    </div>
  );
}
