import type { Article } from "@/lib/content/article";
import { PhotoCard } from "./PhotoCard";

/** The top stories under the lead: a photo, the section and the headline each, in a grid. */
export function TopStories({ articles }: { articles: readonly Article[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="top-heading">
      <h2 id="top-heading" className="sr-only">
        Top stories
      </h2>
      <ul className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3">
        {articles.map((a) => (
          <li key={a.slug}>
            <PhotoCard
              article={a}
              kicker
              sizes="(min-width: 1024px) 14rem, (min-width: 640px) 30vw, calc(50vw - 1.5rem)"
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
