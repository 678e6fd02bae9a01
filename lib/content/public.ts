/**
 * The one answer to "may a reader see this story now?". Every output (pages, summary view, FAST,
 * listings, feeds, sitemaps, OG images, JSON-LD, search, newsletters) reaches stories through the
 * content API (lib/site/api.ts), which asks this gate, so an embargo cannot leak through a side door.
 */
import type { Article } from "./article";

type Gated = Pick<Article, "draft" | "published">;

export function isPublic(article: Gated, now: Date | number): boolean {
  const at = typeof now === "number" ? now : now.getTime();
  return !article.draft && Date.parse(article.published) <= at;
}

/**
 * When the next scheduled (embargoed) story, or update of a live story, becomes public; undefined
 * if none is waiting.
 */
export function nextPublicationTime(
  articles: readonly (Gated & { live?: { updates: readonly Gated[] } })[],
  now: Date | number,
): number | undefined {
  const at = typeof now === "number" ? now : now.getTime();
  let next: number | undefined;
  const consider = (g: Gated) => {
    if (g.draft) return;
    const t = Date.parse(g.published);
    if (t > at && (next === undefined || t < next)) next = t;
  };
  for (const a of articles) {
    consider(a);
    if (a.live) for (const u of a.live.updates) consider(u);
  }
  return next;
}

/** Whether a reader may see any story on a topic now (a topic only drafts carry is not one yet). */
export function isPublicTopic(
  articles: readonly (Gated & { topics: readonly { slug: string }[] })[],
  topic: string,
  now: Date | number,
): boolean {
  return articles.some((a) => a.topics.some((t) => t.slug === topic) && isPublic(a, now));
}
