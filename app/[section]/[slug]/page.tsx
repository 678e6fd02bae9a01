import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { JsonLd } from "@/components/seo/JsonLd";
import { getStoryForParams, getStoryPage, recentArticleParams } from "@/lib/site/api";
import { getListen } from "@/lib/site/listen";
import { articleMetadata, previewMetadata } from "@/lib/seo/metadata";
import { breadcrumbJsonLd, newsArticleJsonLd } from "@/lib/seo/jsonld";

type Props = { params: Promise<{ section: string; slug: string }> };

// The newest stories are prerendered; the archive and stories published since the build render on
// first request (then cached). Unknown, removed and not-yet-public slugs answer 404.
export const dynamicParams = true;

export const generateStaticParams = recentArticleParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getStoryForParams(params);
  if (!found) return {};
  return found.preview ? previewMetadata(found.article) : articleMetadata(found.article);
}

export default async function ArticlePage({ params }: Props) {
  const found = await getStoryPage(params);
  if (!found) notFound();
  const { article, preview, related } = found;
  return (
    <>
      {preview ? null : <JsonLd data={[newsArticleJsonLd(article), breadcrumbJsonLd(article)]} />}
      <ArticleView
        article={article}
        preview={preview}
        related={related}
        listen={preview ? undefined : getListen(article)}
      />
    </>
  );
}
