import { DateTime } from "@/components/ui/DateTime";
import type { DeckCard } from "@/lib/fast/deck";
import { fastCardPath, fromFastPath } from "@/lib/fast/paths";
import { absoluteUrl, siteConfig } from "@/lib/config/site";
import { ShareBar } from "@/components/share/ShareBar";
import { DeckNavLink } from "./DeckNavLink";
import { Img } from "@/components/ui/Img";

/** One FAST card: a whole story on one screen, with its own URL. */
/**
 * `initial`: the card a deep link opens at (scrolled to by CSS). `first`: the card on screen at load,
 * whose image is preloaded as the likely largest paint.
 */
export function FastCard({
  card,
  total,
  initial,
  first,
}: {
  card: DeckCard;
  total: number;
  initial: boolean;
  first: boolean;
}) {
  const { article, position, previous, next } = card;
  const headingId = `card-title-${article.slug}`;
  return (
    <li
      className={initial ? "fast-card fast-initial" : "fast-card"}
      data-fast-card
      data-slug={article.slug}
      data-doc-title={`${article.title} | FAST | ${siteConfig.name}`}
      data-label={`${position} of ${total}: ${article.title}`}
    >
      <article
        aria-labelledby={headingId}
        tabIndex={-1}
        className="mx-auto flex min-h-svh max-w-xl flex-col justify-center px-4 py-5 focus:outline-none"
      >
        <div className="bg-page border-rule overflow-hidden rounded-xl border shadow-sm">
          <Img
            src={article.hero.url}
            alt={article.hero.alt}
            width={article.hero.width}
            height={article.hero.height}
            sizes="(min-width: 36rem) 36rem, 100vw"
            preload={first}
            className="bg-panel aspect-[16/9] h-auto w-full object-cover"
          />
          <div className="p-4 sm:p-6">
            <p className="flex items-baseline justify-between gap-4 text-xs font-bold tracking-wider uppercase">
              <span className="text-accent">{article.section.name}</span>
              <span className="text-muted tabular-nums">
                {position} of {total}
              </span>
            </p>
            <h2
              id={headingId}
              className="mt-2 font-serif text-2xl leading-tight font-bold text-balance sm:text-3xl"
            >
              {article.title}
            </h2>
            <ul
              aria-label="Summary points"
              className="marker:text-accent mt-4 list-disc space-y-2.5 pl-5 font-serif text-[1.0625rem] leading-snug"
            >
              {article.summary.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
            <p className="text-muted mt-4 text-xs">
              <DateTime iso={article.published} />
            </p>
            <a
              href={fromFastPath(article.path)}
              className="bg-ink text-page mt-4 inline-flex min-h-11 items-center rounded-full px-5 font-semibold"
            >
              Read full story<span className="sr-only">: {article.title}</span>
            </a>
            <div className="border-rule mt-4 border-t pt-4">
              <ShareBar target={{ url: absoluteUrl(fastCardPath(article.slug)), title: article.title }} />
            </div>
          </div>
        </div>
        <nav
          aria-label={`Cards around ${position} of ${total}`}
          className="mt-3 flex justify-between gap-2 text-sm"
        >
          {previous ? (
            <DeckNavLink href={fastCardPath(previous.slug)} slug={previous.slug} rel="prev">
              <span aria-hidden="true">↑</span> Previous
              <span className="sr-only"> card: {previous.title}</span>
            </DeckNavLink>
          ) : (
            <span />
          )}
          <DeckNavLink
            href={next ? fastCardPath(next.slug) : "#caught-up"}
            slug={next?.slug ?? "caught-up"}
            rel="next"
          >
            Next<span className="sr-only"> card{next ? `: ${next.title}` : ""}</span>
            <span aria-hidden="true">&nbsp;↓</span>
          </DeckNavLink>
        </nav>
      </article>
    </li>
  );
}
