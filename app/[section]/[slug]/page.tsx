import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { JsonLd } from "@/components/seo/JsonLd";
import { getArticleForReader, getRelatedArticles, recentArticleParams } from "@/lib/content/api";
import { articleMetadata, previewMetadata } from "@/lib/seo/metadata";
import { breadcrumbJsonLd, newsArticleJsonLd } from "@/lib/seo/jsonld";

type Props = { params: Promise<{ section: string; slug: string }> };

// The newest stories are prerendered; the archive and stories published since the build render on
// first request (then cached). Unknown, removed and not-yet-public slugs answer 404.
export const dynamicParams = true;

export const generateStaticParams = recentArticleParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const found = await getArticleForReader(section, slug);
  if (!found) return {};
  return found.preview ? previewMetadata(found.article) : articleMetadata(found.article);
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const found = await getArticleForReader(section, slug);
  if (!found) notFound();
  const { article, preview } = found;
  return (
    <>
      {preview ? null : <JsonLd data={[newsArticleJsonLd(article), breadcrumbJsonLd(article)]} />}
      <ArticleView article={article} preview={preview} related={await getRelatedArticles(article)} />
    </>
  );
}
