import Link from "next/link";
import type { Article } from "@/lib/content/article";
import { DateTime } from "@/components/ui/DateTime";
import { Img } from "@/components/ui/Img";
import { LiveMark } from "@/components/live/LiveMark";

/**
 * A story in a list. The headline is the one link (the whole card is clickable through it), so a
 * screen reader hears each story once.
 */
export function StoryCard({
  article,
  lead = false,
  headingLevel = 2,
}: {
  article: Article;
  lead?: boolean;
  /** The card's heading level under its page's outline. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article
      className={
        lead
          ? "relative grid gap-4 md:grid-cols-[3fr_2fr] md:items-center md:gap-8"
          : "relative grid grid-cols-[1fr_7rem] gap-4 sm:grid-cols-[1fr_10rem]"
      }
    >
      <div className={lead ? "md:order-2" : undefined}>
        <p className="text-accent text-xs font-bold tracking-wider uppercase">
          <LiveMark article={article} />
          {article.section.name}
        </p>
        <Heading
          className={
            lead
              ? "mt-1 font-serif text-3xl leading-tight font-bold text-balance sm:text-4xl"
              : "mt-1 font-serif text-lg leading-snug font-bold sm:text-xl"
          }
        >
          <Link href={article.path} className="after:absolute after:inset-0 hover:underline">
            {article.title}
          </Link>
        </Heading>
        {lead ? (
          <p className="text-muted mt-2 font-serif text-lg leading-snug">{article.standfirst}</p>
        ) : null}
        <p className="text-muted mt-2 text-xs">
          <DateTime iso={article.published} />
        </p>
      </div>
      <Img
        src={article.hero.url}
        alt=""
        width={article.hero.width}
        height={article.hero.height}
        sizes={lead ? "(min-width: 768px) 40rem, 100vw" : "10rem"}
        preload={lead}
        className={
          lead ? "bg-panel h-auto w-full md:order-1" : "bg-panel aspect-[4/3] h-auto w-full object-cover"
        }
      />
    </article>
  );
}
