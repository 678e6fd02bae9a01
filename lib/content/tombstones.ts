/**
 * Stories taken down for good: their file was deleted while the story was public. Their URLs answer
 * 410 Gone (proxy.ts), which tells a crawler to drop the page at once, where a 404 is retried for
 * weeks. A story that is only set to draft or re-embargoed is not gone (it may come back), so it
 * keeps answering 404. The list is bounded: past TOMBSTONE_LIMIT the oldest removals fall back to 404.
 */
import type { ContentIndex } from "./content-index";
import { changedStories } from "./index-diff";
import { isPublic } from "./public";

const TOMBSTONE_LIMIT = 10_000;

export type Tombstone = { section: string; slug: string; removedAt: number };
/** Slug → tombstone, oldest removal first. */
export type Tombstones = ReadonlyMap<string, Tombstone>;

/**
 * The tombstones after a change from `before` to `after`: stories public in `before` and absent
 * from `after` are added; any slug present again in `after` is forgotten. Never mutates `previous`.
 */
export function updateTombstones(
  previous: Tombstones,
  before: ContentIndex,
  after: ContentIndex,
  now: number,
  limit = TOMBSTONE_LIMIT,
): Tombstones {
  const next = new Map(previous);
  for (const slug of next.keys()) if (after.bySlug.has(slug)) next.delete(slug);
  for (const { before: article, after: still } of changedStories(before, after)) {
    if (!article || still || !isPublic(article, now)) continue;
    next.delete(article.slug); // re-inserted: the newest removal goes last
    next.set(article.slug, { section: article.section.slug, slug: article.slug, removedAt: now });
  }
  for (const slug of next.keys()) {
    if (next.size <= limit) break;
    next.delete(slug);
  }
  return next;
}

/** What a request path names: a story (or its summary view) in a section, or a FAST card. */
export type StoryPath =
  | { kind: "story"; section: string; slug: string; /** /page/{n}: the n as written */ page?: string }
  | { kind: "card"; slug: string };

/**
 * The story a path names, if it is one of /{section}/{slug}, /{section}/{slug}/summary,
 * /{section}/{slug}/page/{n} (a live story's older updates) or /fast/{slug}; undefined for every
 * other path (feeds, images, the summary of nothing).
 */
export function storyPathSlug(pathname: string): StoryPath | undefined {
  const parts = pathname.split("/").filter(Boolean).map(decodeSegment);
  const [first, second, third, fourth] = parts;
  if (!first || !second || parts.length > 4) return undefined;
  if (first === "fast") return parts.length === 2 ? { kind: "card", slug: second } : undefined;
  if (parts.length === 3 && third !== "summary") return undefined;
  if (parts.length === 4)
    return third === "page" && fourth
      ? { kind: "story", section: first, slug: second, page: fourth }
      : undefined;
  if (second.endsWith(".xml")) return undefined; // /{section}/feed.xml
  return { kind: "story", section: first, slug: second };
}

/** The tombstone a story path names, if any. */
export function tombstoneFor(tombstones: Tombstones, named: StoryPath): Tombstone | undefined {
  const found = tombstones.get(named.slug);
  return found && (named.kind === "card" || found.section === named.section) ? found : undefined;
}

/** A path segment as the router reads it (`%72` is `r`); one that does not decode stays as it is. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
