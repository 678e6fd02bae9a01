import type { Article } from "@/lib/content/article";
import { getArticleBySlug } from "@/lib/content/api";
import { bodyBlocks } from "@/lib/content/blocks";
import { BodyBlocks } from "./body/BodyBlocks";

/**
 * The body as its blocks (lib/content/blocks.ts): plain Markdown as sanitised HTML (raw HTML and
 * scripts never get through), photos, tables and the rest each by its own component.
 */
export async function ArticleBody({ article }: { article: Article }) {
  const blocks = bodyBlocks(article.body, { dateline: article.dateline, photos: article.photos });
  const stories = new Map<string, Article>();
  for (const b of blocks) {
    if (b._type !== "related" || b.slug === article.slug) continue;
    const story = await getArticleBySlug(b.slug);
    if (story) stories.set(story.slug, story);
  }
  return <BodyBlocks blocks={blocks} stories={stories} />;
}
