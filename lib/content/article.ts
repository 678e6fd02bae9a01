/** The typed article model every page and component receives whole. */
import type { SectionConfig } from "@/lib/config/site";

export type Topic = { name: string; slug: string };

export type HeroImage = {
  /** URL path the site serves the image at; changes whenever the file's bytes change. */
  url: string;
  width: number;
  height: number;
  /** File size and MIME type, for feed enclosures. */
  bytes: number;
  type: string;
  alt: string;
  caption: string;
  credit: string;
};

/** A photo in the body (lib/content/body-syntax.ts), found, measured and hashed like the hero. */
export type BodyPhoto = {
  /** As the editor wrote it, e.g. images/lab.jpg: the key the body's blocks look it up by. */
  src: string;
  url: string;
  width: number;
  height: number;
};

export type Article = {
  slug: string;
  section: SectionConfig;
  /** Site path of the full article, e.g. /world/some-story. */
  path: string;
  title: string;
  standfirst: string;
  topics: Topic[];
  /** ISO 8601 with the editor's UTC offset. */
  published: string;
  updated?: string;
  byline?: string;
  source?: string;
  dateline?: string;
  hero: HeroImage;
  /** Photos the body shows, in the order it shows them (lib/content/blocks.ts). */
  photos: readonly BodyPhoto[];
  /** 3 to 5 summary points for FAST, or none: then the article has no card. */
  summary?: string[];
  /** Markdown body as written; rendered by lib/content/markdown. */
  body: string;
  /** Source file relative to its content folder. */
  file: string;
  /** Sent once to the Breaking News list as a single-story alert. */
  breaking: boolean;
  /** A draft is never public (lib/content/public.ts); editors see it in preview. */
  draft: boolean;
  /** Corrections, oldest first, each shown on the article. */
  corrections: Correction[];
  /** Live coverage (docs/CONTENT.md, "Live coverage"): a story that grows by updates. */
  live?: LiveCoverage;
};

export type Correction = { date: string; text: string };

/** One update of a live story: `{section}/{slug}/updates/{id}.md`. */
export type LiveUpdate = {
  /** The file's name without `.md`: stable, and the update's anchor and permalink. */
  id: string;
  /** ISO 8601 with the editor's UTC offset; the update is public from then (lib/content/public.ts). */
  published: string;
  title?: string;
  /** A key event: listed at the top of the page and on the FAST card. */
  key: boolean;
  /** Shown first, above the newest; at most one per story. */
  pinned: boolean;
  byline?: string;
  draft: boolean;
  corrections: Correction[];
  /** Markdown, as written. */
  body: string;
  /** Source file relative to its content folder. */
  file: string;
};

type LiveCoverage = {
  /** Set once coverage has ended: the page becomes an archive and stops asking for updates. */
  ended?: string;
  /** Newest first. In what readers get, only the public ones (lib/content/live-coverage.ts). */
  updates: readonly LiveUpdate[];
};

/** True while a story's coverage is live: it has `live: true` and has not ended. */
export function isLiveNow(a: Pick<Article, "live">): boolean {
  return a.live !== undefined && a.live.ended === undefined;
}

export function topicSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Slugs are lower-case ASCII (the schema says so): plain comparison, no locale rules. */
function compareSlugs(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** sortNewest's order, for two stories: negative when `x` comes first. Parses both dates. */
export function compareNewest(x: Article, y: Article): number {
  return Date.parse(y.published) - Date.parse(x.published) || compareSlugs(x.slug, y.slug);
}

/** Where `a` goes in a list newest first (sortNewest's order): before the first that sorts after it. */
export function newestPlace(list: readonly Article[], a: Article): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const other = list[mid];
    if (other && compareNewest(other, a) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * A new array, newest first; ties broken by slug so the order never depends on the file system. Each
 * date is parsed once, not once per comparison.
 */
export function sortNewest<T extends Article>(articles: readonly T[]): T[] {
  return articles
    .map((a) => ({ a, t: Date.parse(a.published) }))
    .sort((x, y) => y.t - x.t || compareSlugs(x.a.slug, y.a.slug))
    .map((x) => x.a);
}
