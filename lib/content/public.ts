/**
 * The one answer to "may a reader see this story now?". Every output (pages, summary view, FAST,
 * listings, feeds, sitemaps, OG images, JSON-LD, search, newsletters) reaches stories through the
 * content API (lib/content/api.ts), which asks this gate, so an embargo cannot leak through a side door.
 */
import type { Article } from "./article";

type Gated = Pick<Article, "draft" | "published">;

export function isPublic(article: Gated, now: Date | number): boolean {
  const at = typeof now === "number" ? now : now.getTime();
  return !article.draft && Date.parse(article.published) <= at;
}

/** When the next scheduled (embargoed) story becomes public, or undefined if none is waiting. */
export function nextPublicationTime(articles: readonly Gated[], now: Date | number): number | undefined {
  const at = typeof now === "number" ? now : now.getTime();
  let next: number | undefined;
  for (const a of articles) {
    if (a.draft) continue;
    const t = Date.parse(a.published);
    if (t > at && (next === undefined || t < next)) next = t;
  }
  return next;
}
