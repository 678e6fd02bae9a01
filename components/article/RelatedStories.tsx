import Link from "next/link";
import type { Article } from "@/lib/content/article";
import { DateTime } from "@/components/ui/DateTime";
import { LiveMark } from "@/components/live/LiveMark";

/**
 * "Also worth reading": a few related stories (lib/content/related.ts), as text links so the list
 * adds no image bytes to the page. Rendered (and prerendered) with the page it sits on.
 */
export function RelatedStories({ articles, id = "related" }: { articles: Article[]; id?: string }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="border-ink mt-4 border-t-4 pt-3">
      <h2 id={`${id}-heading`} className="font-serif text-2xl font-bold">
        Also worth reading
      </h2>
      <ul className="divide-rule mt-2 divide-y">
        {articles.map((a) => (
          <li key={a.slug} className="relative py-3">
            <p className="text-accent text-xs font-bold tracking-wider uppercase">
              <LiveMark article={a} />
              {a.section.name}
            </p>
            <Link
              href={a.path}
              prefetch={false}
              className="mt-1 block font-serif text-lg leading-snug font-bold after:absolute after:inset-0 hover:underline"
            >
              {a.title}
            </Link>
            <p className="text-muted mt-1 text-xs">
              <DateTime iso={a.published} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
