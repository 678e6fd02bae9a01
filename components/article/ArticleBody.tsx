import type { Article } from "@/lib/content/article";
import { getReadAlsoStories } from "@/lib/site/api";
import { bodyBlocks } from "@/lib/content/blocks";
import { BodyBlocks } from "./body/BodyBlocks";

/**
 * The body as its blocks (lib/content/blocks.ts): plain Markdown as sanitised HTML (raw HTML and
 * scripts never get through), photos, tables and the rest each by its own component.
 */
export async function ArticleBody({ article }: { article: Article }) {
  const blocks = bodyBlocks(article.body, { dateline: article.dateline, photos: article.photos });
  const named = blocks.flatMap((b) => (b._type === "related" ? [b.slug] : []));
  const stories = await getReadAlsoStories(article, named);
  return <BodyBlocks blocks={blocks} stories={stories} />;
}
