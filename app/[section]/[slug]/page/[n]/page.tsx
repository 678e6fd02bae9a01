import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { getArticle, getRelatedArticles } from "@/lib/site/api";
import { updatesPage } from "@/lib/content/live-coverage";
import { articleMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ section: string; slug: string; n: string }> };

export const dynamicParams = true;

/**
 * Older pages of a live story's updates: /{section}/{slug}/page/{n}, n from 2. A page the story does
 * not have (it is not live, or updates were deleted since the link was shared) sends the reader to
 * the story; a story that does not exist is answered by proxy.ts with the site's 404 page.
 */
async function livePage(params: Props["params"]) {
  const { section, slug, n } = await params;
  const article = await getArticle(section, slug);
  if (!article) return { article: undefined, page: undefined };
  const page = /^[1-9]\d{0,4}$/.test(n) ? Number(n) : 0;
  const exists = article.live && page >= 2 && page <= updatesPage(article, 1).pages;
  return { article, page: exists ? page : undefined };
}

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article, page } = await livePage(params);
  if (!article || !page) return {};
  const base = articleMetadata(article);
  // The story's first page is the one to index; older pages point at it.
  return { ...base, title: `${article.title}: updates, page ${page}` };
}

export default async function LiveUpdatesPage({ params }: Props) {
  const { article, page } = await livePage(params);
  if (!article) notFound();
  if (!page) redirect(article.path);
  return <ArticleView article={article} livePage={page} related={await getRelatedArticles(article)} />;
}
