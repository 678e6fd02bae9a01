import type { Metadata } from "next";
import { FastDeck } from "@/components/fast/FastDeck";
import { getFastDeck } from "@/lib/content/api";

export const metadata: Metadata = {
  title: "FAST: the news in brief",
  description: "Bite-sized news: every story summed up on one card. Swipe or scroll through the day’s news.",
  alternates: { canonical: "/fast" },
};

export default async function FastPage() {
  const deck = await getFastDeck();
  if (!deck) throw new Error("unreachable: the deck without a slug always exists");
  return <FastDeck deck={deck} />;
}
