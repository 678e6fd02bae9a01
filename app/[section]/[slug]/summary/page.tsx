import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { getArticle, recentArticleParams } from "@/lib/content/api";
import { articleMetadata } from "@/lib/seo/metadata";

/**
 * The summary view of an article, at /{section}/{slug}/summary (lib/fast/paths.ts says why a path and
 * not a query). Both views are prerendered; the canonical stays the article. Every article has this
 * page, and /{section}/{slug}?view=summary redirects here, so a shared summary link never breaks.
 */
type Props = { params: Promise<{ section: string; slug: string }> };

// The newest stories are prerendered; the archive renders on first request (then cached).
// Unknown slugs still answer 404: the slug is only a key into the content index.
export const dynamicParams = true;

export const generateStaticParams = recentArticleParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const article = await getArticle(section, slug);
  if (!article) return {};
  const metadata = articleMetadata(article);
  return article.summary ? { ...metadata, title: `Summary: ${article.title}` } : metadata;
}

export default async function ArticleSummaryPage({ params }: Props) {
  const { section, slug } = await params;
  const article = await getArticle(section, slug);
  if (!article) notFound();
  // A story without a summary has only its full view, even at its summary address.
  return <ArticleView article={article} view={article.summary ? "summary" : "full"} />;
}
