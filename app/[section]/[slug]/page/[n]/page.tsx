import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { getLiveStory, getRelatedArticles } from "@/lib/content/api";
import { updatesPage } from "@/lib/content/live-coverage";
import { articleMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ section: string; slug: string; n: string }> };

export const dynamicParams = true;

/** Older pages of a live story's updates: /{section}/{slug}/page/{n}, n from 2. */
async function livePage(params: Props["params"]) {
  const { section, slug, n } = await params;
  if (!/^[1-9]\d{0,4}$/.test(n)) return undefined;
  const page = Number(n);
  const article = await getLiveStory(section, slug);
  if (!article || page < 2 || page > updatesPage(article, 1).pages) return undefined;
  return { article, page };
}

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await livePage(params);
  if (!found) return {};
  const base = articleMetadata(found.article);
  // The story's first page is the one to index; older pages point at it.
  return { ...base, title: `${found.article.title}: updates, page ${found.page}` };
}

export default async function LiveUpdatesPage({ params }: Props) {
  const found = await livePage(params);
  if (!found) notFound();
  const { article, page } = found;
  return <ArticleView article={article} livePage={page} related={await getRelatedArticles(article)} />;
}
