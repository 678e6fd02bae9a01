import Link from "next/link";
import type { Article } from "@/lib/content/article";
import { Img } from "@/components/ui/Img";
import { LiveMark } from "@/components/live/LiveMark";

/**
 * A story in a grid of the home page: its photo, then (with `kicker`) its section, and its headline,
 * the one link (the whole card is clickable through it).
 */
export function PhotoCard({
  article: a,
  sizes,
  kicker = false,
}: {
  article: Article;
  sizes: string;
  kicker?: boolean;
}) {
  return (
    <article className="relative">
      <Img
        src={a.hero.url}
        alt=""
        width={a.hero.width}
        height={a.hero.height}
        sizes={sizes}
        className="bg-panel aspect-[3/2] h-auto w-full object-cover"
      />
      {kicker ? (
        <p className="text-accent mt-2 text-xs font-bold tracking-wider uppercase">
          <LiveMark article={a} />
          {a.section.name}
        </p>
      ) : null}
      <h3
        className={`${kicker ? "mt-1" : "mt-2"} font-serif leading-snug font-bold ${kicker ? "text-base sm:text-lg" : ""}`}
      >
        <Link href={a.path} className="after:absolute after:inset-0 hover:underline">
          {kicker ? null : <LiveMark article={a} />}
          {a.title}
        </Link>
      </h3>
    </article>
  );
}
