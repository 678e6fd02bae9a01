import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FastDeck } from "@/components/fast/FastDeck";
import { SignupBlocks } from "@/components/signup/SignupBlocks";
import { getArticleBySlug, getFastArticles, getFastDeck } from "@/lib/content/api";
import { fastCardMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getFastArticles()).map((a) => ({ slug: a.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticleBySlug((await params).slug);
  return article?.summary ? fastCardMetadata(article) : {};
}

export default async function FastCardPage({ params }: Props) {
  const deck = await getFastDeck((await params).slug);
  if (!deck) notFound();
  return <FastDeck deck={deck} endSlot={<SignupBlocks layout="stack" />} />;
}
