import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FastDeck } from "@/components/fast/FastDeck";
import { getArticleBySlug, getFastArticles, getFastDeck } from "@/lib/content/api";
import { fastCardPath } from "@/lib/fast/paths";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getFastArticles()).map((a) => ({ slug: a.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticleBySlug((await params).slug);
  if (!article?.summary) return {};
  return {
    title: `${article.title} | FAST`,
    description: article.summary[0] ?? article.standfirst,
    // The card is a view of the story: search engines should credit the full article.
    alternates: { canonical: article.path },
    openGraph: { url: fastCardPath(article.slug) },
  };
}

export default async function FastCardPage({ params }: Props) {
  const deck = await getFastDeck((await params).slug);
  if (!deck) notFound();
  return <FastDeck deck={deck} />;
}
