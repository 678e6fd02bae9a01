import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { getAllArticles, getArticle } from "@/lib/content/api";

type Props = { params: Promise<{ section: string; slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getAllArticles()).map((a) => ({ section: a.section.slug, slug: a.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const article = await getArticle(section, slug);
  if (!article) return {};
  return {
    title: article.title,
    description: article.standfirst,
    alternates: { canonical: article.path },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const article = await getArticle(section, slug);
  if (!article) notFound();
  return <ArticleView article={article} />;
}
