import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { JsonLd } from "@/components/seo/JsonLd";
import { getArticle, recentArticleParams } from "@/lib/content/api";
import { articleMetadata } from "@/lib/seo/metadata";
import { breadcrumbJsonLd, newsArticleJsonLd } from "@/lib/seo/jsonld";

type Props = { params: Promise<{ section: string; slug: string }> };

// The newest stories are prerendered; the archive renders on first request (then cached).
// Unknown slugs still answer 404: the slug is only a key into the content index.
export const dynamicParams = true;

export const generateStaticParams = recentArticleParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const article = await getArticle(section, slug);
  return article ? articleMetadata(article) : {};
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const article = await getArticle(section, slug);
  if (!article) notFound();
  return (
    <>
      <JsonLd data={[newsArticleJsonLd(article), breadcrumbJsonLd(article)]} />
      <ArticleView article={article} />
    </>
  );
}
