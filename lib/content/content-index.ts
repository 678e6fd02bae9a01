/** The index readers are answered from, built from content entries: newest first, by slug, topics. */
import { sortNewest, type Article, type Topic } from "./article";
import type { ContentEntry } from "./load";
import type { ContentProblem } from "./problems";

export type ContentIndex = {
  /** Newest first. */
  articles: Article[];
  bySlug: Map<string, Article>;
  topics: Map<string, Topic>;
  /** Served image URL → absolute file path. */
  media: Map<string, string>;
};

/**
 * The index of a set of entries, in folder then file order. A slug already taken by an earlier file
 * is a problem for the later file, which is left out.
 */
export function indexEntries(entries: Iterable<ContentEntry>): {
  index: ContentIndex;
  problems: ContentProblem[];
} {
  // Sort keys computed once per entry, not once per comparison: at 100k stories a rebuild is a
  // publish's main cost.
  const ordered = [...entries]
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
    articles.push(e.article);
    media.set(e.article.hero.url, e.mediaFile);
    for (const [url, file] of e.bodyMedia) media.set(url, file);
  }
  return { index: indexArticles(articles, media), problems };
}

export function indexArticles(articles: Article[], media = new Map<string, string>()): ContentIndex {
  const sorted = sortNewest(articles);
  const topics = new Map<string, Topic>();
  for (const a of sorted) for (const t of a.topics) if (!topics.has(t.slug)) topics.set(t.slug, t);
  return { articles: sorted, bySlug: new Map(sorted.map((a) => [a.slug, a])), topics, media };
}
