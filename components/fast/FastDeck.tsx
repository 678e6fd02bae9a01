import type { Deck } from "@/lib/fast/deck";
import type { Article } from "@/lib/content/article";
import { RelatedStories } from "@/components/article/RelatedStories";
import { CaughtUpCard } from "./CaughtUpCard";
import { DeckControls } from "./DeckControls.island";
import { FastCard } from "./FastCard";
import { FastBriefing } from "./FastBriefing";

type Listen = { url: string; seconds: number; made: string };

/** The deck: one card per screen, snapping on touch and scroll, with or without JavaScript. */
export function FastDeck({
  deck,
  related = [],
  endSlot,
  listens,
  briefing,
}: {
  deck: Deck;
  /** Each card's "Listen to this summary", by slug, once made. */
  listens?: ReadonlyMap<string, Listen>;
  /** The spoken briefing of the deck's first cards (the /fast page's only). */
  briefing?: Listen;
  /** "Also worth reading" on the end card. */
  related?: Article[];
  endSlot?: React.ReactNode;
}) {
  const lastNext = deck.cards.at(-1)?.next;
  return (
    <div className="fast-deck bg-panel">
      <h1 className="sr-only">FAST: the news in brief</h1>
      <p className="sr-only">
        Use the arrow keys or Page Up and Page Down to move between cards, or the previous and next links on
        each card.
      </p>
      {briefing ? <FastBriefing {...briefing} /> : null}
      {deck.cards.length === 0 ? (
        <p className="mx-auto max-w-xl px-4 py-16">No stories have FAST summaries yet.</p>
      ) : (
        <ol aria-label="Story cards" className="list-none">
          {deck.cards.map((card) => (
            <FastCard
              key={card.article.slug}
              card={card}
              total={deck.total}
              initial={card.article.slug === deck.current}
              first={card.article.slug === deck.current}
              listen={listens?.get(card.article.slug)}
              briefing={card.position === 1 ? briefing : undefined}
            />
          ))}
          <CaughtUpCard nextSlug={deck.atEnd ? undefined : lastNext?.slug}>
            <RelatedStories articles={related} id="fast-related" />
            {endSlot}
          </CaughtUpCard>
        </ol>
      )}
      <DeckControls />
    </div>
  );
}
