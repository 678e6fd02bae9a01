/**
 * Which cards a FAST page shows. Pure, so the windowing is tested without a server.
 *
 * Every page renders a window of the deck, not the whole archive: a deep link to an old card gets
 * that card with its neighbours, and the page stays small however many stories there are.
 */
import type { Article } from "@/lib/content/article";

const DECK_WINDOW = 30;
/** Cards kept before the requested one, so "previous" still has somewhere to go. */
const LEAD_IN = 5;

export type FastArticle = Article & { summary: string[] };

export type DeckCard = {
  article: FastArticle;
  /** 1-based position in the whole deck. */
  position: number;
  previous?: FastArticle;
  next?: FastArticle;
};

export type Deck = {
  cards: DeckCard[];
  total: number;
  /** Slug of the card the page opens at. */
  current: string;
  /** True when the window reaches the newest card / the last card. */
  atStart: boolean;
  atEnd: boolean;
};

export function hasSummary(a: Article): a is FastArticle {
  return a.summary !== undefined && a.summary.length > 0;
}

/** The window of `fast` (newest first) around `slug`, or from the top. Undefined for an unknown slug. */
export function deckWindow(
  fast: readonly FastArticle[],
  slug?: string,
  size = DECK_WINDOW,
): Deck | undefined {
  const index = slug === undefined ? 0 : fast.findIndex((a) => a.slug === slug);
  if (index < 0) return undefined;
  const start = Math.max(0, Math.min(index - LEAD_IN, fast.length - size));
  const end = Math.min(fast.length, start + size);
  const cards = fast.slice(start, end).map((article, i) => ({
    article,
    position: start + i + 1,
    previous: fast[start + i - 1],
    next: fast[start + i + 1],
  }));
  return {
    cards,
    total: fast.length,
    current: fast[index]?.slug ?? "",
    atStart: start === 0,
    atEnd: end === fast.length,
  };
}
