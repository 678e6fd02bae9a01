import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { getAllArticles, getArticle } from "@/lib/content/api";
import { articleMetadata } from "@/lib/seo/metadata";

/**
 * The summary view of an article. Readers reach it as /{section}/{slug}?view=summary (a rewrite in
 * next.config.ts), so both views stay prerendered and the URL is the one they share.
 * Every article has this page, so a ?view=summary link never breaks.
 */
type Props = { params: Promise<{ section: string; slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getAllArticles()).map((a) => ({ section: a.section.slug, slug: a.slug }));
}

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
  // A story without a summary has only its full view, even at its ?view=summary address.
  return <ArticleView article={article} view={article.summary ? "summary" : "full"} />;
}
