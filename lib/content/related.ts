/**
 * "Also worth reading": stories that share the most topics with a story, then stories from its
 * section, then the newest, never the story itself. Lists by topic and by section are made once per
 * index (so once per publish, in one pass over the archive), and each story looks at no more than
 * the newest PER_TOPIC stories of each of its topics: a story's list costs the same at 1k or 100k
 * stories, and a build or a publish stays linear.
 */
import { compareNewest, newestPlace, type Article } from "./article";
import type { ContentIndex } from "./content-index";

const PER_TOPIC = 200;
export const RELATED_COUNT = 4;

type Lists = {
  byTopic: Map<string, Article[]>;
  bySection: Map<string, Article[]>;
};

const listsOf = new WeakMap<ContentIndex, Lists>();

function lists(index: ContentIndex): Lists {
  let found = listsOf.get(index);
  if (found) return found;
  found = { byTopic: new Map(), bySection: new Map() };
  for (const a of index.articles) {
    push(found.bySection, a.section.slug, a);
    for (const t of a.topics) push(found.byTopic, t.slug, a);
  }
  listsOf.set(index, found);
  return found;
}

/**
 * The lists of `to`, an index made from `from` by taking out `gone` and adding `came` (reindex.ts),
 * from `from`'s lists if they were made: only the lists of those stories' topics and sections are
 * copied, not the archive walked again (~0.13 s per publish at 100k stories).
 */
export function carryLists(
  from: ContentIndex,
  to: ContentIndex,
  gone: readonly Article[],
  came: readonly Article[],
): void {
  const known = listsOf.get(from);
  if (!known) return;
  const carried: Lists = { byTopic: new Map(known.byTopic), bySection: new Map(known.bySection) };
  const edit = (a: Article, change: (list: Article[]) => void) => {
    for (const [map, key] of [
      [carried.bySection, a.section.slug],
      ...a.topics.map((t) => [carried.byTopic, t.slug] as const),
    ] as const) {
      const list = [...(map.get(key) ?? [])];
      change(list);
      if (list.length > 0) map.set(key, list);
      else map.delete(key);
    }
  };
  for (const a of gone) {
    edit(a, (list) => {
      const at = list.indexOf(a);
      if (at >= 0) list.splice(at, 1);
    });
  }
  for (const a of came) edit(a, (list) => list.splice(newestPlace(list, a), 0, a));
  listsOf.set(to, carried);
}

function push(map: Map<string, Article[]>, key: string, a: Article): void {
  const list = map.get(key);
  if (list) list.push(a);
  else map.set(key, [a]);
}

export function relatedArticles(article: Article, index: ContentIndex, limit = RELATED_COUNT): Article[] {
  const { byTopic, bySection } = lists(index);
  // Candidates: the newest of each topic. Each is then scored on all its topics, so a story found
  // through a short topic list still counts the topics whose lists were too long to read whole.
  const mine = new Set(article.topics.map((t) => t.slug));
  const shared = new Map<Article, number>();
  for (const t of article.topics) {
    for (const other of (byTopic.get(t.slug) ?? []).slice(0, PER_TOPIC + 1)) {
      if (other.slug !== article.slug && !shared.has(other))
        shared.set(other, other.topics.filter((o) => mine.has(o.slug)).length);
    }
  }
  const sameSection = (a: Article) => (a.section.slug === article.section.slug ? 1 : 0);
  const chosen = [...shared.keys()]
    .sort(
      (a, b) =>
        (shared.get(b) ?? 0) - (shared.get(a) ?? 0) ||
        sameSection(b) - sameSection(a) ||
        // The index's own order (no map of 100k stories' places per publish).
        compareNewest(a, b),
    )
    .slice(0, limit);
  // Too few share a topic: the section's newest, then the site's.
  for (const pool of [bySection.get(article.section.slug) ?? [], index.articles]) {
    for (const other of pool) {
      if (chosen.length >= limit) return chosen;
      if (other.slug !== article.slug && !chosen.includes(other)) chosen.push(other);
    }
  }
  return chosen;
}
