/**
 * Which pages a content change touches, so that a publish refreshes those and nothing else (ADR 0011).
 * Pure: it compares what readers could see before the change with what they see after, and the
 * lists of other stories that pages of this process have shown (lib/content/shown.ts).
 *
 * A changed story touches:
 * - its own pages: the article, its summary view, its FAST card and both OG images (photos are
 *   served per request, never from the page cache);
 * - the listings that hold it: home, its section and the section's feed, its topics, the top of
 *   FAST and the FAST cards whose window holds it, the site feed, the sitemaps and the news sitemap;
 * - the pages that show it in a list of their own ("Also worth reading", a body's "Read also") when
 *   what that list shows of it changed, and the pages whose list it now joins or leaves.
 * Before and after are both counted, so a story that moves section or topic leaves the old ones too.
 */
import { sectionSlugs } from "@/lib/config/site";
import { isLiveNow, type Article } from "./article";
import type { ContentIndex } from "./content-index";
import { livePagePath, updatesPage } from "./live-coverage";
import { changedStories, type StoryChange } from "./index-diff";
import { relatedArticles } from "./related";
import { topicPath } from "@/lib/config/paths";

/** Cards a FAST page shows around the one it opens at (lib/fast/deck.ts windows are 30). */
const DECK_REACH = 30;
/** URLs per sitemap file (lib/feeds/sitemaps.ts). */
const SITEMAP_PAGE = 50_000;
/**
 * Past this many lists to make again, or this many paths, one refresh of every page is cheaper
 * (a list costs ~1 ms to make at 100k stories, and Next.js queues each path's tag with a linear
 * search of those already queued).
 */
const MAX_REMADE_LISTS = 1_000;
const MAX_PATHS = 5_000;

/** A list of other stories a page showed, as recorded when it rendered (lib/content/shown.ts). */
export type ShownList = {
  /** The pages that carry the list. */
  paths: readonly string[];
  /** The stories it showed (or, for "Read also", the stories it names), in order. */
  slugs: readonly string[];
  /**
   * How the list is made, so it can be made again from the new index: the related stories of a
   * story (limit as asked), or fixed by the page's own text ("Read also").
   */
  source: { kind: "related"; slug: string; limit: number } | { kind: "fixed" };
};

type Change = StoryChange;

/**
 * What a list shows of a story: a change elsewhere in it (the body, a correction) leaves lists alone.
 * The standfirst too: a front's lead card shows it (lib/site/home.ts records a section front's list).
 */
function listed(a: Article | undefined): string {
  if (!a) return "";
  return JSON.stringify([
    a.path,
    a.title,
    a.standfirst,
    a.section.slug,
    a.published,
    a.hero.url,
    a.hero.alt,
    isLiveNow(a),
  ]);
}

/** The story's own pages (a live story's older pages of updates too). */
function ownPages(a: Article): string[] {
  const older = a.live ? updatesPage(a, 1).pages : 1;
  const pages = Array.from({ length: older - 1 }, (_, i) => livePagePath(a, i + 2));
  return [
    a.path,
    `${a.path}/summary`,
    `/fast/${a.slug}`,
    `/og/article/${a.slug}`,
    `/og/fast/${a.slug}`,
    ...pages,
  ];
}

/** The listings a story sits in. */
function listings(a: Article): string[] {
  return [`/${a.section.slug}`, `/${a.section.slug}/feed.xml`, ...a.topics.map((t) => topicPath(t.slug))];
}

function hasCard(a: Article): boolean {
  return a.summary !== undefined && a.summary.length > 0;
}

/**
 * The FAST card pages whose window may hold this story's card (none when it has none): the cards
 * around it in the deck (the stories with a card, in the index's order). Found from the story's own
 * place, not by making the deck: a publish at 100k stories must not walk the archive for this.
 */
function deckAround(index: ContentIndex, story: Article): string[] {
  if (!hasCard(story)) return [];
  const at = index.articles.indexOf(story);
  if (at < 0) return [];
  const near = [story];
  for (const step of [-1, 1]) {
    for (let i = at + step, n = 0; n < DECK_REACH; i += step) {
      const a = index.articles[i];
      if (!a) break;
      if (hasCard(a)) {
        near.push(a);
        n++;
      }
    }
  }
  return near.map((a) => `/fast/${a.slug}`);
}

/** What decides whether a story is in another story's related list: a body change moves no list. */
function placement(a: Article | undefined): string {
  if (!a) return "";
  return JSON.stringify([a.section.slug, a.published, a.topics.map((t) => t.slug)]);
}

/**
 * True when a story that moved (came, went, or changed section, time or topics) may join or leave
 * the list: it shares a topic or the section with the list's owner, or the list was short or topped
 * up from the site's newest (any story may then join it).
 */
function mayMove(list: ShownList, owner: Article, moved: readonly Change[], after: ContentIndex): boolean {
  if (moved.length === 0) return false;
  const mine = new Set(owner.topics.map((t) => t.slug));
  const near = (a: Article | undefined) =>
    a !== undefined && (a.section.slug === owner.section.slug || a.topics.some((t) => mine.has(t.slug)));
  if (moved.some((c) => near(c.before) || near(c.after))) return true;
  if (list.source.kind === "related" && list.slugs.length < list.source.limit) return true;
  return list.slugs.some((slug) => {
    const shownStory = after.bySlug.get(slug);
    return !shownStory || !near(shownStory);
  });
}

/**
 * The paths to refresh after a change from `before` to `after` (public indexes), given the lists
 * this process's pages showed. Empty when nothing readers can see changed; "everything" when the
 * change is so wide that one refresh of every page costs less.
 */
export function touchedPaths(
  before: ContentIndex,
  after: ContentIndex,
  shown: Iterable<ShownList> = [],
): string[] | "everything" {
  const changed = changedStories(before, after);
  if (changed.length === 0) return [];
  const paths = new Set<string>(["/", "/fast", "/feed.xml", "/sitemap.xml", "/news-sitemap.xml"]);
  const sitemapFiles = Math.ceil((after.articles.length + after.topics.size + 64) / SITEMAP_PAGE) + 1;
  for (let i = 0; i < sitemapFiles; i += 1) paths.add(`/sitemaps/${i}.xml`);

  for (const c of changed) {
    for (const [a, index] of [
      [c.before, before],
      [c.after, after],
    ] as const) {
      if (!a) continue;
      for (const p of ownPages(a)) paths.add(p);
      for (const p of listings(a)) paths.add(p);
      for (const p of deckAround(index, a)) paths.add(p);
    }
  }

  // A section with no public story shows the site's newest instead.
  // (A walk that stops once every section is seen: within the newest few hundred stories.)
  const empty = new Set<string>(sectionSlugs);
  for (const a of after.articles) {
    if (empty.size === 0) break;
    empty.delete(a.section.slug);
  }
  for (const section of empty) paths.add(`/${section}`);

  const bySlug = new Map(changed.map((c) => [c.slug, c]));
  const moved = changed.filter((c) => placement(c.before) !== placement(c.after));
  const budget = { remade: 0 };
  for (const list of shown) {
    if (list.paths.every((p) => paths.has(p))) continue;
    const touched = listTouched(list, bySlug, moved, after, budget);
    if (touched === "too many") return "everything";
    if (touched) for (const p of list.paths) paths.add(p);
  }
  return paths.size > MAX_PATHS ? "everything" : [...paths];
}

function listTouched(
  list: ShownList,
  bySlug: ReadonlyMap<string, Change>,
  moved: readonly Change[],
  after: ContentIndex,
  budget: { remade: number },
): boolean | "too many" {
  // A story it shows (or names) changed in what a list shows of it, came or went.
  for (const slug of list.slugs) {
    const c = bySlug.get(slug);
    if (c && listed(c.before) !== listed(c.after)) return true;
  }
  if (list.source.kind !== "related") return false;
  const owner = after.bySlug.get(list.source.slug);
  if (!owner || !mayMove(list, owner, moved, after)) return false;
  budget.remade += 1;
  if (budget.remade > MAX_REMADE_LISTS) return "too many";
  // Made again from the new index: a story joined or left it, or the order moved.
  const now = relatedArticles(owner, after, list.source.limit).map((a) => a.slug);
  return now.length !== list.slugs.length || now.some((slug, i) => slug !== list.slugs[i]);
}
