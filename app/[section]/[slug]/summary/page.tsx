import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { getStoryForParams, getStoryPage, recentArticleParams } from "@/lib/site/api";
import { getListen } from "@/lib/site/listen";
import { articleMetadata, previewMetadata } from "@/lib/seo/metadata";

/**
 * The summary view of an article, at /{section}/{slug}/summary (lib/config/paths.ts says why a path and
 * not a query). Both views are prerendered; the canonical stays the article. Every article has this
 * page, and /{section}/{slug}?view=summary redirects here, so a shared summary link never breaks.
 */
type Props = { params: Promise<{ section: string; slug: string }> };

// As the article page: newest prerendered, the rest on first request, 404 for what is not public.
export const dynamicParams = true;

export const generateStaticParams = recentArticleParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getStoryForParams(params);
  if (!found) return {};
  if (found.preview) return previewMetadata(found.article);
  const metadata = articleMetadata(found.article);
  return found.article.summary ? { ...metadata, title: `Summary: ${found.article.title}` } : metadata;
}

export default async function ArticleSummaryPage({ params }: Props) {
  const found = await getStoryPage(params);
  if (!found) notFound();
  const { article, preview, related } = found;
  // A story without a summary has only its full view, even at its summary address.
  return (
    <ArticleView
      article={article}
      view={article.summary ? "summary" : "full"}
      preview={preview}
      related={related}
      listen={preview ? undefined : getListen(article, article.summary ? "summary" : "story")}
    />
  );
}
