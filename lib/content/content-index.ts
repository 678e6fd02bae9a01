/** The index readers are answered from, built from content entries: newest first, by slug, topics. */
import { sortNewest, type Article, type LiveUpdate, type Topic } from "./article";
import type { AnyEntry, ContentEntry, UpdateEntry } from "./entries";
import type { ContentProblem } from "./problems";

export type ContentIndex = {
  /** Newest first. */
  articles: Article[];
  /** Read-only: a change makes a new one, sharing this one's entries (layered-map.ts). */
  bySlug: ReadonlyMap<string, Article>;
  topics: Map<string, Topic>;
  /** Served image URL → absolute file path. Read-only, as bySlug. */
  media: ReadonlyMap<string, string>;
};

/**
 * The index of a set of entries, in folder then file order. A slug already taken by an earlier file
 * is a problem for the later file, which is left out.
 */
export function indexEntries(all: Iterable<AnyEntry>): {
  index: ContentIndex;
  problems: ContentProblem[];
} {
  // Updates of live stories, by the key of their story's file.
  const entries: ContentEntry[] = [];
  const updates = new Map<string, UpdateEntry[]>();
  for (const e of all) {
    if (e.kind === "story") entries.push(e);
    else {
      const list = updates.get(e.parent);
      if (list) list.push(e);
      else updates.set(e.parent, [e]);
    }
  }
  // Sort keys computed once per entry, not once per comparison: at 100k stories a rebuild is a
  // publish's main cost.
  const ordered = entries
    .map((e) => ({ e, dir: Number(e.key.slice(0, e.key.indexOf(":"))), file: e.file }))
    .sort((a, b) => a.dir - b.dir || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const problems: ContentProblem[] = [];
  const seen = new Map<string, string>();
  const articles: Article[] = [];
  const media = new Map<string, string>();
  for (const { e } of ordered) {
    const other = seen.get(e.article.slug);
    if (other) {
      problems.push({ file: e.label, message: `has the same slug "${e.article.slug}" as ${other}` });
      continue;
    }
    seen.set(e.article.slug, e.label);
    articles.push(withUpdates(e, updates.get(e.key) ?? [], problems));
    updates.delete(e.key);
    for (const [url, file] of photosOf(e)) media.set(url, file);
  }
  for (const orphans of updates.values()) {
    for (const u of orphans) {
      problems.push({
        file: u.label,
        message: "is an update with no story: its folder needs a valid index.md with live: true",
      });
    }
  }
  return { index: indexArticles(articles, media), problems };
}

/** A story's photos as served URL → file: its hero, then those in its body. */
export function photosOf(e: ContentEntry): [url: string, file: string][] {
  return [[e.article.hero.url, e.mediaFile], ...e.bodyMedia];
}

/** The story joined to its updates; the same object as long as neither changed (lib/content/touched.ts). */
const joined = new WeakMap<Article, { updates: readonly UpdateEntry[]; article: Article }>();

/** The last copy of this live story joined to its updates, if any. */
export function joinedArticle(article: Article): Article | undefined {
  return joined.get(article)?.article;
}

/** The story as the index holds it: a live story joined to its updates (sorted here), any problems named. */
export function withUpdates(e: ContentEntry, entries: UpdateEntry[], problems: ContentProblem[]): Article {
  const { article } = e;
  if (!article.live) {
    for (const u of entries) {
      problems.push({
        file: u.label,
        message: "is an update of a story that is not live: add live: true to its index.md",
      });
    }
    return article;
  }
  entries.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  // Ids are file names: "a.md" and "a.MD" would be one id (one anchor, one permalink).
  const ids = new Map<string, UpdateEntry>();
  const unique: UpdateEntry[] = [];
  for (const u of entries) {
    const first = ids.get(u.update.id);
    if (first) {
      problems.push({ file: u.label, message: `has the same update id "${u.update.id}" as ${first.label}` });
    } else {
      ids.set(u.update.id, u);
      unique.push(u);
    }
  }
  // Checked on every rebuild, so the problem is named as long as it lasts.
  const pinned = unique.filter((u) => u.update.pinned);
  if (pinned.length > 1) {
    problems.push({
      file: e.label,
      field: "pinned",
      message: `more than one update is pinned (${pinned.map((u) => u.label).join(", ")}); the first stays pinned`,
    });
  }
  const before = joined.get(article);
  if (before && before.updates.length === unique.length && before.updates.every((u, i) => u === unique[i])) {
    return before.article;
  }
  const list: LiveUpdate[] = unique.map((u) =>
    u.update.pinned && u !== pinned[0] ? { ...u.update, pinned: false } : u.update,
  );
  // A copy with its updates (the body getter is read once here: live stories are few).
  const result: Article = { ...article, live: { ended: article.live.ended, updates: newestFirst(list) } };
  joined.set(article, { updates: unique, article: result });
  return result;
}

/** Newest first; ties by id, so the order never depends on the file system. */
function newestFirst(updates: readonly LiveUpdate[]): LiveUpdate[] {
  return updates
    .map((u) => ({ u, t: Date.parse(u.published) }))
    .sort((x, y) => y.t - x.t || (x.u.id < y.u.id ? 1 : x.u.id > y.u.id ? -1 : 0))
    .map((x) => x.u);
}

export function indexArticles(articles: Article[], media = new Map<string, string>()): ContentIndex {
  return indexSorted(sortNewest(articles), media);
}

/** indexArticles for a list already in its order (newest first, ties by slug), as a filtered index is. */
export function indexSorted(sorted: Article[], media: ReadonlyMap<string, string>): ContentIndex {
  const topics = new Map<string, Topic>();
  for (const a of sorted) for (const t of a.topics) if (!topics.has(t.slug)) topics.set(t.slug, t);
  return { articles: sorted, bySlug: new Map(sorted.map((a) => [a.slug, a])), topics, media };
}
