import type { Metadata } from "next";
import { FastDeck } from "@/components/fast/FastDeck";
import { SignupBlocks } from "@/components/signup/SignupBlocks";
import { getDeckRelated, getFastDeck } from "@/lib/site/api";
import { getBriefing, getCardListens } from "@/lib/site/listen";
import { listingMetadata } from "@/lib/seo/metadata";

export const metadata: Metadata = listingMetadata({
  title: "FAST: the news in brief",
  description: "Bite-sized news: every story summed up on one card. Swipe or scroll through the day’s news.",
  path: "/fast",
});

export default async function FastPage() {
  const deck = await getFastDeck();
  if (!deck) throw new Error("unreachable: the deck without a slug always exists");
  return (
    <FastDeck
      deck={deck}
      related={await getDeckRelated(deck)}
      endSlot={<SignupBlocks layout="stack" />}
      listens={getCardListens(deck)}
      briefing={await getBriefing()}
    />
  );
}
