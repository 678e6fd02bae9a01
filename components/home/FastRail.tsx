import Link from "next/link";
import { fastCardPath } from "@/lib/config/paths";
import type { FastArticle } from "@/lib/fast/deck";

/**
 * The first cards of the FAST deck, side by side; on a phone the row scrolls sideways (snapping to a
 * card), and "Open FAST" stays in view above it. Each card opens the deck at itself.
 */
export function FastRail({ cards }: { cards: readonly FastArticle[] }) {
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="fast-rail-heading" className="bg-panel -mx-4 px-4 py-5 sm:mx-0 sm:rounded">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="fast-rail-heading" className="font-serif text-xl font-bold">
          FAST: the news in brief
        </h2>
        <Link
          href="/fast"
          className="text-accent shrink-0 font-semibold underline underline-offset-2 hover:no-underline"
        >
          Open FAST
        </Link>
      </div>
      <ul className="mt-3 flex snap-x snap-mandatory gap-3 overflow-x-auto pb-2 motion-safe:scroll-smooth">
        {cards.map((a) => (
          <li
            key={a.slug}
            className="bg-page relative w-64 shrink-0 snap-start rounded border border-rule p-3 sm:w-72"
          >
            <p className="text-accent text-xs font-bold tracking-wider uppercase">{a.section.name}</p>
            <h3 className="mt-1 font-serif leading-snug font-bold">
              <Link href={fastCardPath(a.slug)} className="after:absolute after:inset-0 hover:underline">
                {a.title}
              </Link>
            </h3>
            <p className="text-muted mt-1 line-clamp-3 text-sm">{a.summary[0]}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
