import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FastDeck } from "@/components/fast/FastDeck";
import { SignupBlocks } from "@/components/signup/SignupBlocks";
import { getArticleBySlug, getDeckRelated, getRecentFastArticles, getFastDeck } from "@/lib/site/api";
import { getCardListens } from "@/lib/site/listen";
import { fastCardMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ slug: string }> };

// The newest stories are prerendered; the archive renders on first request (then cached).
// Unknown slugs still answer 404: the slug is only a key into the content index.
export const dynamicParams = true;

export async function generateStaticParams() {
  return (await getRecentFastArticles()).map((a) => ({ slug: a.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticleBySlug((await params).slug);
  return article?.summary ? fastCardMetadata(article) : {};
}

export default async function FastCardPage({ params }: Props) {
  const deck = await getFastDeck((await params).slug);
  if (!deck) notFound();
  return (
    <FastDeck
      deck={deck}
      related={await getDeckRelated(deck)}
      endSlot={<SignupBlocks layout="stack" />}
      listens={getCardListens(deck)}
    />
  );
}
