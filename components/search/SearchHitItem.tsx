import Link from "next/link";
import { DateTime } from "@/components/ui/DateTime";
import type { SearchHit } from "@/lib/search/engine";
import { Highlight } from "./Highlight";
import { LiveMark } from "@/components/live/LiveMark";

/** One result: section, headline (the link), standfirst, a snippet of the body, time; matches marked. */
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
