import Link from "next/link";
import type { MostReadItem } from "./most-read-answer";

/** A numbered list of the most read stories (server-rendered on home and /most-read; the island's too). */
export function MostReadList({ stories }: { stories: readonly MostReadItem[] }) {
  if (stories.length === 0) return <p className="text-muted py-3">Nothing yet: check back soon.</p>;
  return (
    <ol className="divide-rule divide-y">
      {stories.map((s, i) => (
        <li key={s.path} className="grid grid-cols-[2rem_1fr] items-baseline gap-2 py-2.5">
          <span aria-hidden="true" className="text-accent font-serif text-2xl font-bold tabular-nums">
            {i + 1}
          </span>
          <span>
            <Link href={s.path} className="leading-snug font-semibold hover:underline">
              {s.title}
            </Link>
            <span className="text-muted block text-xs">{s.section}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
