import type { Article } from "@/lib/content/article";
import { StoryCard } from "./StoryCard";

export function StoryList({
  articles,
  empty,
  headingLevel = 2,
}: {
  articles: Article[];
  empty: string;
  headingLevel?: 2 | 3;
}) {
  if (articles.length === 0) return <p className="text-muted py-8">{empty}</p>;
  return (
    <ul className="divide-rule divide-y">
      {articles.map((a) => (
        <li key={a.slug} className="py-5">
          <StoryCard article={a} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
