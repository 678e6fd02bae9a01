import { renderMarkdown } from "@/lib/content/markdown";
import type { Article } from "@/lib/content/article";

/** The body as sanitised HTML from the Markdown pipeline (raw HTML and scripts never get through). */
export function ArticleBody({ article }: { article: Article }) {
  const html = renderMarkdown(article.body, { dateline: article.dateline });
  return <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
