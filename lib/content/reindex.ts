/**
 * The index after a few files changed, made from the index before them rather than from every
 * entry. At 100k stories indexEntries is ~0.85 s of the server's one thread (a sort by file, a sort
 * by date, and four maps of every story), paid on every publish before readers see it (issue 26);
 * this is the copy of the list and of two maps, and work in proportion to the change.
 *
 * Only plain changes take this path: stories added, re-read or removed, and live stories' updates
 * added, edited or removed (the story is joined to its updates again), from an index whose last
 * build had no problem, with no slug taken twice. Anything else (a duplicate slug, an update of a
 * story that is not live or of none, two pinned updates, a live story deleted or made not live) is
 * made again in full by indexEntries, whose rules this must always agree with, problems named
 * included (reindex.test.ts compares the two).
 */
import { compareNewest, newestPlace, sortNewest, type Article, type Topic } from "./article";
import { indexEntries, joinedArticle, photosOf, withUpdates, type ContentIndex } from "./content-index";
import type { AnyEntry, ContentEntry, UpdateEntry } from "./entries";
import type { ContentProblem } from "./problems";
import { LayeredMap } from "./layered-map";
import { carryGate } from "./public";
import { carryLists } from "./related";

/** `plain`: made from the previous index (false: made again in full by indexEntries). */
type Built = { index: ContentIndex; problems: ContentProblem[]; plain: boolean };

/**
 * `previous`: the index made from the entries as they were, with no problem. `before`: for each
 * changed key, its entry before the change (undefined: a new file); `entries`: every entry now.
 */
export function reindexEntries(
  previous: ContentIndex,
  entries: ReadonlyMap<string, AnyEntry>,
  before: ReadonlyMap<string, AnyEntry | undefined>,
  now = Date.now(),
): Built {
  return plainChange(previous, entries, before, now) ?? { ...indexEntries(entries.values()), plain: false };
}

/** A story entry and its article as the index holds it (a live story's joined to its updates). */
type Story = { entry: ContentEntry; article: Article };

function plainChange(
  previous: ContentIndex,
  entries: ReadonlyMap<string, AnyEntry>,
  before: ReadonlyMap<string, AnyEntry | undefined>,
  now: number,
): Built | undefined {
  const goneEntries: ContentEntry[] = [];
  const cameEntries = new Map<string, ContentEntry>();
  // Live stories whose updates changed: each leaves and comes back joined to its updates now.
  const rejoined = new Set<string>();
  for (const [key, was] of before) {
    const is = entries.get(key);
    if (was === is) continue;
    for (const e of [was, is]) if (e?.kind === "update") rejoined.add(e.parent);
    if (was?.kind === "story") {
      // A live story ended or deleted may leave updates with no live story: indexEntries names them.
      if (was.article.live && !(is?.kind === "story" && is.article.live)) return undefined;
      goneEntries.push(was);
    }
    if (is?.kind === "story") cameEntries.set(key, is);
  }
  for (const key of rejoined) {
    // An update of a story that is not live (or of none) is for indexEntries to name, even when the
    // story changed in this same batch (a new folder synced whole: index.md and its first update).
    const story = entries.get(key);
    if (story?.kind !== "story" || !story.article.live) return undefined;
    if (cameEntries.has(key)) continue;
    goneEntries.push(story);
    cameEntries.set(key, story);
  }

  // Each story leaving must be the one the index holds for its slug (its last build took it).
  const gone: Story[] = [];
  const leaving = new Set<string>();
  for (const entry of goneEntries) {
    const article = previous.bySlug.get(entry.article.slug);
    if (!article || !isFrom(article, entry)) return undefined;
    gone.push({ entry, article });
    leaving.add(entry.article.slug);
  }
  // A slug taken twice (by another file, or twice in this change) is for indexEntries to name.
  const arriving = new Set<string>();
  for (const e of cameEntries.values()) {
    const slug = e.article.slug;
    if (arriving.has(slug) || (previous.bySlug.has(slug) && !leaving.has(slug))) return undefined;
    arriving.add(slug);
  }
  const came: Story[] = [];
  const updates = updatesOf(entries, [...cameEntries.values()]);
  const problems: ContentProblem[] = [];
  for (const entry of cameEntries.values()) {
    came.push({ entry, article: withUpdates(entry, updates.get(entry.key) ?? [], problems) });
  }
  if (problems.length > 0) return undefined;

  const articles = previous.articles.slice();
  for (const { article } of gone) {
    const at = articles.indexOf(article);
    if (at >= 0) articles.splice(at, 1);
  }
  for (const a of sortNewest(came.map((c) => c.article))) articles.splice(newestPlace(articles, a), 0, a);
  const bySlug = LayeredMap.edit(previous.bySlug);
  for (const slug of leaving) bySlug.delete(slug);
  for (const { article } of came) bySlug.set(article.slug, article);
  const { topics, newest } = topicsAfter(previous, articles, gone, came);
  const index: ContentIndex = {
    articles,
    bySlug: bySlug.done(),
    topics,
    media: mediaAfter(
      previous.media,
      entries,
      gone.map((g) => g.entry),
      came.map((c) => c.entry),
    ),
  };
  newestByTopic.set(index, newest);
  // What is worked out once per index from the whole list, carried over where it was.
  const out = gone.map((g) => g.article);
  const added = came.map((c) => c.article);
  carryGate(previous.articles, articles, out, added, now);
  carryLists(previous, index, out, added);
  return { index, problems: [], plain: true };
}

/** True when the index's `article` is this entry's: its own, or (live) its copy joined to updates. */
function isFrom(article: Article, entry: ContentEntry): boolean {
  return article === entry.article || article === joinedArticle(entry.article);
}

/** The updates of the live stories among `stories`, by story key: one walk of the entries, if any. */
function updatesOf(entries: ReadonlyMap<string, AnyEntry>, stories: readonly ContentEntry[]) {
  const byParent = new Map<string, UpdateEntry[]>();
  const live = new Set(stories.filter((e) => e.article.live).map((e) => e.key));
  if (live.size === 0) return byParent;
  for (const e of entries.values()) {
    if (e.kind !== "update" || !live.has(e.parent)) continue;
    const list = byParent.get(e.parent);
    if (list) list.push(e);
    else byParent.set(e.parent, [e]);
  }
  return byParent;
}

/** For each index made here (or looked at once): topic slug → the newest story carrying it. */
const newestByTopic = new WeakMap<ContentIndex, Map<string, Article>>();

function newestOf(index: ContentIndex): Map<string, Article> {
  let found = newestByTopic.get(index);
  if (found) return found;
  found = new Map();
  for (const a of index.articles) for (const t of a.topics) if (!found.has(t.slug)) found.set(t.slug, a);
  newestByTopic.set(index, found);
  return found;
}

/**
 * Topic slug → the topic as the newest story carrying it names it, in the order of those stories
 * (indexArticles' rule: the search page suggests the first). Only the topics of stories that came
 * or went are looked for again, from the top of the list; the others keep their order.
 */
function topicsAfter(
  previous: ContentIndex,
  articles: readonly Article[],
  gone: readonly Story[],
  came: readonly Story[],
): { topics: Map<string, Topic>; newest: Map<string, Article> } {
  const affected = new Set<string>();
  for (const { article } of [...gone, ...came]) for (const t of article.topics) affected.add(t.slug);
  const newest = new Map(newestOf(previous));
  for (const slug of affected) newest.delete(slug);
  const missing = new Set(affected);
  for (const a of articles) {
    if (missing.size === 0) break;
    for (const t of a.topics) if (missing.delete(t.slug)) newest.set(t.slug, a);
  }
  // Topics whose newest story is the same are in that story's order of topics.
  const before = (x: string, y: string): number => {
    const ax = newest.get(x);
    const ay = newest.get(y);
    if (!ax || !ay) return 0;
    if (ax !== ay) return compareNewest(ax, ay);
    return ax.topics.findIndex((t) => t.slug === x) - ax.topics.findIndex((t) => t.slug === y);
  };
  const kept = [...previous.topics.keys()].filter((slug) => !affected.has(slug));
  const back = [...affected].filter((slug) => newest.has(slug)).sort(before);
  const order: string[] = [];
  let i = 0;
  for (const slug of back) {
    while (i < kept.length && before(kept[i] ?? slug, slug) < 0) order.push(kept[i++] ?? slug);
    order.push(slug);
  }
  order.push(...kept.slice(i));
  const topics = new Map<string, Topic>();
  for (const slug of order) {
    const topic = newest.get(slug)?.topics.find((t) => t.slug === slug);
    if (topic) topics.set(slug, topic);
  }
  return { topics, newest };
}

/**
 * Served URL → file. A URL is a hash of a photo's bytes, so copies of one photo in several files
 * share it, and any file that was read as it is as good as another: each URL maps to the file of
 * some story that shows it now (indexEntries takes the last in file order; the test holds both to
 * that rule). The photos of stories that came are mapped to their files; a URL that a story took
 * away goes, or moves to another story's file if its file was that story's (it may since have
 * changed or gone: a story is re-read when its photo file changes).
 */
function mediaAfter(
  previous: ReadonlyMap<string, string>,
  entries: ReadonlyMap<string, AnyEntry>,
  gone: readonly ContentEntry[],
  came: readonly ContentEntry[],
): ReadonlyMap<string, string> {
  const media = LayeredMap.edit(previous);
  const mapped = new Set<string>();
  for (const e of came) {
    for (const [url, file] of photosOf(e)) {
      media.set(url, file);
      mapped.add(url);
    }
  }
  // URLs whose file was that of a story that left, and that no story that came maps again.
  const orphaned = new Set<string>();
  for (const e of gone) {
    for (const [url, file] of photosOf(e)) if (!mapped.has(url) && media.get(url) === file) orphaned.add(url);
  }
  for (const url of orphaned) media.delete(url);
  // Another story may show one of them from its own file: one walk, only when a photo was orphaned.
  if (orphaned.size > 0) {
    for (const e of entries.values()) {
      if (e.kind !== "story") continue;
      for (const [url, file] of photosOf(e)) {
        if (!orphaned.has(url)) continue;
        orphaned.delete(url);
        media.set(url, file);
      }
      if (orphaned.size === 0) break;
    }
  }
  return media.done();
}
