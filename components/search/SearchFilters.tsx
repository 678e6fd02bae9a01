import Link from "next/link";
import clsx from "clsx";
import { siteConfig } from "@/lib/config/site";
import type { SearchResults } from "@/lib/search/engine";
import { searchHref, type SearchRequest } from "@/lib/search/params";

const chip = "inline-flex min-h-11 items-center rounded-full border px-4 text-sm";
const on = "bg-ink text-page border-ink font-semibold";
const off = "border-rule hover:border-ink";

/** Sort order and section filter, as links: each choice is a URL, so they work without JavaScript. */
export function SearchFilters({ request, results }: { request: SearchRequest; results: SearchResults }) {
  const q = request.query.text;
  const sections = [
    { slug: undefined, name: "All sections", count: results.capped ? undefined : results.all },
    ...siteConfig.sections.map((s) => ({
      slug: s.slug,
      name: s.name,
      count: results.capped ? undefined : (results.bySection.get(s.slug) ?? 0),
    })),
  ].filter((s) => s.slug === undefined || s.slug === request.section || s.count !== 0);
  return (
    <div className="mt-4 flex flex-col gap-3">
      <nav aria-label="Sort results">
        <ul className="flex flex-wrap gap-2">
          {(["relevance", "newest"] as const).map((sort) => (
            <li key={sort}>
              <Link
                prefetch={false}
                href={searchHref({ q, section: request.section, sort })}
                aria-current={request.sort === sort ? "true" : undefined}
                className={clsx(chip, request.sort === sort ? on : off)}
              >
                {sort === "relevance" ? "Most relevant" : "Newest first"}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="Filter by section">
        <ul className="flex flex-wrap gap-2">
          {sections.map((s) => (
            <li key={s.slug ?? "all"}>
              <Link
                prefetch={false}
                href={searchHref({ q, section: s.slug, sort: request.sort })}
                aria-current={request.section === s.slug ? "true" : undefined}
                className={clsx(chip, request.section === s.slug ? on : off)}
              >
                {s.name}
                {s.count === undefined ? null : <span className="ml-1.5 tabular-nums">({s.count})</span>}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
