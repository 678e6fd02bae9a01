import Link from "next/link";
import type { Article } from "@/lib/content/article";
import { formatDateTime, formatShortTime } from "@/lib/format/time";
import { LiveMark } from "@/components/live/LiveMark";

/** "Latest": the newest stories, with their times, in the right-hand rail on a desktop. */
export function LatestRail({ articles }: { articles: readonly Article[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="latest-heading">
      <h2 id="latest-heading" className="border-ink border-b-2 pb-1 font-serif text-xl font-bold">
        Latest
      </h2>
      <ol className="divide-rule divide-y">
        {articles.map((a) => (
          <li key={a.slug} className="grid grid-cols-[4.5rem_1fr] gap-2 py-2.5">
            <time
              dateTime={a.published}
              title={formatDateTime(a.published)}
              className="text-muted text-sm tabular-nums"
            >
              {formatShortTime(a.published)}
            </time>
            <Link href={a.path} className="leading-snug font-semibold hover:underline">
              <LiveMark article={a} />
              {a.title}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
