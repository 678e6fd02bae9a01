import Link from "next/link";
import { SectionLinks } from "@/components/layout/SectionLinks";
import type { Topic } from "@/lib/content/article";
import { topicPath } from "@/lib/config/paths";

/** Where to go when a search finds nothing (or before there is one): topics and sections to browse. */
export function SearchSuggestions({ topics }: { topics: Topic[] }) {
  const pill =
    "border-rule hover:border-ink inline-flex min-h-11 items-center rounded-full border px-4 text-sm";
  return (
    <div className="mt-6 flex flex-col gap-6">
      <p>Try fewer or different words, check the spelling, or browse:</p>
      {topics.length > 0 ? (
        <section aria-labelledby="suggest-topics">
          <h2 id="suggest-topics" className="text-muted text-xs font-bold tracking-wider uppercase">
            Topics
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {topics.map((t) => (
              <li key={t.slug}>
                <Link prefetch={false} href={topicPath(t.slug)} className={pill}>
                  {t.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="suggest-sections">
        <h2 id="suggest-sections" className="text-muted text-xs font-bold tracking-wider uppercase">
          Sections
        </h2>
        <SectionLinks listClassName="mt-2 flex flex-wrap gap-2" linkClassName={pill} />
      </section>
    </div>
  );
}
