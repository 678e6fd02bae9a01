import Link from "next/link";
import { DateTime } from "@/components/ui/DateTime";
import type { SearchHit } from "@/lib/search/engine";
import { Highlight } from "./Highlight";
import { LiveMark } from "@/components/live/LiveMark";
import { updatePermalink } from "@/lib/content/live-coverage";
import { updateLabel } from "@/lib/content/live-view";
import { formatClock } from "@/lib/format/time";

/**
 * One result: section, headline (the link), standfirst, the live update that matched (its own
 * link), a snippet of the body, time; matches marked.
 */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const { article } = hit;
  return (
    <article className="relative">
      <p className="text-accent text-xs font-bold tracking-wider uppercase">
        <LiveMark article={article} />
        {article.section.name}
      </p>
      <h2 className="mt-1 font-serif text-xl leading-snug font-bold">
        <Link href={article.path} prefetch={false} className="after:absolute after:inset-0 hover:underline">
          <Highlight pieces={hit.title} />
        </Link>
      </h2>
      <p className="mt-1 font-serif text-lg leading-snug">
        <Highlight pieces={hit.standfirst} />
      </p>
      {hit.update ? (
        // Above the headline's link, which covers the card: this one goes to the update itself. A
        // plain link: the permalink redirects to the page that holds the update, at its anchor,
        // which a full load follows to the update (the client router's redirect drops the anchor).
        <p className="relative z-10 mt-1 text-sm">
          <a href={updatePermalink(article, hit.update.id)} className="underline">
            In the update “{updateLabel(hit.update)}”, {formatClock(hit.update.published)}
          </a>
        </p>
      ) : null}
      {hit.snippet.some((p) => p.match) ? (
        <p className="text-muted mt-1 text-sm">
          <Highlight pieces={hit.snippet} />
        </p>
      ) : null}
      <p className="text-muted mt-2 text-xs">
        <DateTime iso={article.published} />
      </p>
    </article>
  );
}
