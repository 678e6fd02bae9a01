/** The search page's address ↔ what it asks for. Unknown or malformed parameters fall back, never fail. */
import { findSection, siteConfig } from "@/lib/config/site";
import { COUNTED_MATCHES, type SearchSort } from "./engine";
import { firstParam, parseQuery, type SearchQuery } from "./query";

export const PER_PAGE = 10;
/** Pages a reader can go through; relevance is ranked among the newest matches (engine.ts), and no
 * one reads search results this deep. */
export const MAX_PAGE = 50;

export type SearchRequest = { query: SearchQuery; section?: string; sort: SearchSort; page: number };

type Params = Record<string, string | string[] | undefined>;

export function readSearchParams(params: Params): SearchRequest {
  const section = firstParam(params.section);
  const page = Number(firstParam(params.page));
  return {
    query: parseQuery(firstParam(params.q)),
    section: findSection(section)?.slug,
    sort: firstParam(params.sort) === "newest" ? "newest" : "relevance",
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The address of a search, with defaults left out so each search has one URL (and one cache entry). */
export function searchHref(request: {
  q: string;
  section?: string;
  sort?: SearchSort;
  page?: number;
}): string {
  const params = new URLSearchParams({ q: request.q });
  if (request.section) params.set("section", request.section);
  if (request.sort === "newest") params.set("sort", "newest");
  if (request.page && request.page > 1) params.set("page", String(request.page));
  return `/search?${params.toString()}`;
}

/** The results heading, which says the count (a screen reader hears it first). */
export function resultsHeading(opts: {
  q: string;
  total: number;
  capped: boolean;
  section?: string;
}): string {
  const count = opts.capped
    ? `More than ${COUNT_FORMAT.format(COUNTED_MATCHES)} results`
    : opts.total === 0
      ? "No results"
      : `${COUNT_FORMAT.format(opts.total)} ${opts.total === 1 ? "result" : "results"}`;
  const where = opts.section ? ` in ${findSection(opts.section)?.name ?? opts.section}` : "";
  return `${count} for “${opts.q}”${where}`;
}

const COUNT_FORMAT = new Intl.NumberFormat(siteConfig.locale);
