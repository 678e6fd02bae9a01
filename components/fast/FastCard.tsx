import { DateTime } from "@/components/ui/DateTime";
import type { DeckCard } from "@/lib/fast/deck";
import { fastCardPath, storyFromFastPath } from "@/lib/config/paths";
import { absoluteUrl, siteConfig } from "@/lib/config/site";
import { ShareDisclosure } from "@/components/share/ShareDisclosure";
import { DeckNavLink } from "./DeckNavLink";
import { Img } from "@/components/ui/Img";
import { LiveMark } from "@/components/live/LiveMark";
import { isLiveNow } from "@/lib/content/article";
import { CardListen } from "@/components/listen/CardListen";
import { spokenLength } from "@/components/listen/ListenPlayer";

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
  listen,
  briefing,
}: {
  card: DeckCard;
  total: number;
  initial: boolean;
  first: boolean;
  /** The summary's short narration, once made. */
  listen?: { url: string; seconds: number };
  /** On the deck's first card: a link up to the spoken briefing (FastBriefing). */
  briefing?: { seconds: number };
}) {
  const { article, position, previous, next } = card;
  const headingId = `card-title-${article.slug}`;
  const share = { url: absoluteUrl(fastCardPath(article.slug)), title: article.title };
  // A live story's card: its two newest key events under its points.
  const events = isLiveNow(article)
    ? (article.live?.updates ?? []).filter((u) => u.key && u.title).slice(0, 2)
    : [];
  return (
    <li
      className={initial ? "fast-card fast-initial" : "fast-card"}
      data-fast-card
      data-slug={article.slug}
      data-doc-title={`${article.title} | FAST | ${siteConfig.name}`}
      data-label={`${position} of ${total}: ${article.title}`}
    >
      {/* Exactly one screen on every device (svh: with the browser's toolbars shown). Phones: the
          photo and type sized by the screen's height within readable minimums, one row of
          controls. Wider screens: the card centred, no taller than the screen; a landscape screen
          puts the photo beside the text (globals.css, "FAST"). */}
      <article
        aria-labelledby={headingId}
        tabIndex={-1}
        className="fast-card-frame mx-auto flex h-svh max-w-xl flex-col px-2 py-2 focus:outline-none sm:justify-center sm:px-4 sm:py-5"
      >
        <div className="fast-card-box bg-page border-rule flex min-h-0 flex-1 flex-col overflow-hidden rounded-xl border shadow-sm sm:flex-initial">
          <Img
            src={article.hero.url}
            alt={article.hero.alt}
            width={article.hero.width}
            height={article.hero.height}
            sizes="(min-width: 36rem) 36rem, 100vw"
            preload={first}
            className="fast-card-photo bg-panel h-[clamp(4.5rem,13svh,11rem)] w-full shrink-0 object-cover sm:h-[clamp(8rem,30svh,20rem)]"
          />
          <div className="flex min-h-0 min-w-0 flex-1 flex-col p-3 sm:p-6">
            {/* A div: the listen control is a disclosure, which a paragraph cannot hold. */}
            <div className="relative flex items-center justify-between gap-3 text-xs font-bold tracking-wider uppercase">
              <span className="text-accent">
                <LiveMark article={article} />
                {article.section.name}
              </span>
              <span className="text-muted font-normal tracking-normal normal-case">
                <DateTime iso={article.published} />
              </span>
              <span className="text-muted tabular-nums">
                {position} of {total}
              </span>
              {/* In this row, not the controls' (a phone's row has no room for a fifth control). */}
              {listen ? <CardListen {...listen} title={article.title} /> : null}
            </div>
            <h2
              id={headingId}
              className="fast-card-title mt-1.5 line-clamp-4 shrink-0 font-serif leading-tight font-bold text-balance sm:mt-2 sm:text-3xl"
            >
              {article.title}
            </h2>
            {briefing ? (
              <a href="#briefing" className="text-accent mt-1 shrink-0 text-sm font-semibold underline">
                Listen to the briefing ({spokenLength(briefing.seconds)})
              </a>
            ) : null}
            <ul
              aria-label="Summary points"
              className="fast-card-points marker:text-accent mt-2 font-serif sm:mt-4"
            >
              {article.summary.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
            {events.length > 0 ? (
              <ul aria-label="Latest key events" className="mt-2 shrink-0 text-sm sm:mt-3">
                {events.map((u) => (
                  <li key={u.id} className="line-clamp-1">
                    <strong className="text-accent">Key event:</strong> {u.title}
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="relative mt-auto flex shrink-0 items-center gap-2 pt-2 sm:mt-0 sm:flex-wrap sm:pt-4">
              <a
                href={storyFromFastPath(article.path)}
                className="bg-ink text-page inline-flex min-h-11 flex-1 items-center justify-center rounded-full px-4 font-semibold whitespace-nowrap sm:flex-none sm:px-5"
              >
                Read full story<span className="sr-only">: {article.title}</span>
              </a>
              <nav aria-label={`Cards around ${position} of ${total}`} className="flex shrink-0 gap-2">
                {previous ? (
                  <DeckNavLink href={fastCardPath(previous.slug)} slug={previous.slug} rel="prev">
                    <span aria-hidden="true">↑</span>
                    <span className="sr-only sm:not-sr-only sm:ml-1">Previous</span>
                    <span className="sr-only"> card: {previous.title}</span>
                  </DeckNavLink>
                ) : null}
                <DeckNavLink
                  href={next ? fastCardPath(next.slug) : "#caught-up"}
                  slug={next?.slug ?? "caught-up"}
                  rel="next"
                >
                  <span className="sr-only sm:not-sr-only sm:mr-1">Next</span>
                  <span className="sr-only"> card{next ? `: ${next.title}` : ""}</span>
                  <span aria-hidden="true">↓</span>
                </DeckNavLink>
              </nav>
              {/* Last, so the keyboard goes where the eye does: beside the arrows on a phone, its
                  own row below them on wider screens. */}
              <ShareDisclosure target={share} />
            </div>
          </div>
        </div>
      </article>
    </li>
  );
}
