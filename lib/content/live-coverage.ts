/**
 * What readers see of a live story: the gate (lib/content/public.ts) applied to each update, so an
 * update dated in the future appears at its time and a draft never does, and the story's Updated
 * time moved to its newest public update. Pure.
 */
import type { Article, LiveUpdate } from "./article";
import { isPublic } from "./public";

/** Updates on the first page of a live story, and on each older page. */
export const UPDATES_PER_PAGE = 20;

/**
 * The same object while the same updates are public and the coverage has (or has not) ended, so a
 * view recomputed is not a change.
 */
const views = new WeakMap<Article, { count: number; ended: boolean; article: Article }>();

/**
 * A live story as readers see it at `now`: its public updates only, and live until its `ended` time
 * (an end dated ahead is when the coverage will end; the gate in public.ts wakes then).
 */
export function publicCoverage(article: Article, now: number): Article {
  const live = article.live;
  if (!live) return article;
  const visible = live.updates.filter((u) => isPublic(u, now));
  const ended = hasEnded(live.ended, now);
  const before = views.get(article);
  if (before?.count === visible.length && before.ended === ended) return before.article;
  const result: Article = {
    ...article,
    live: { ended: ended ? live.ended : undefined, updates: visible },
    updated: latest(article, visible),
  };
  views.set(article, { count: visible.length, ended, article: result });
  return result;
}

/**
 * A live story as an editor previews it at `now`: every update (drafts and scheduled ones too), and
 * live until its `ended` time, as readers will see it.
 */
export function previewCoverage(article: Article, now: number): Article {
  const live = article.live;
  if (!live?.ended || hasEnded(live.ended, now)) return article;
  return { ...article, live: { ...live, ended: undefined } };
}

/** True when coverage with this `ended` has ended by `now` (a time ahead has not; unreadable has). */
function hasEnded(ended: string | undefined, now: number): boolean {
  return ended !== undefined && !(Date.parse(ended) > now);
}

/** The later of the story's own Updated time and its newest update (or that update's correction). */
function latest(article: Article, updates: readonly LiveUpdate[]): string | undefined {
  let best = article.updated;
  const later = (iso: string) => !best || Date.parse(iso) > Date.parse(best);
  for (const u of updates) {
    if (later(u.published)) best = u.published;
    for (const c of u.corrections) if (later(c.date)) best = c.date;
  }
  return best;
}

/** The pinned update, if any. */
export function pinnedUpdate(article: Article): LiveUpdate | undefined {
  return article.live?.updates.find((u) => u.pinned);
}

/** Updates on page `page` (1-based), newest first, the pinned one left out (it leads page 1). */
export function updatesPage(article: Article, page: number): { updates: LiveUpdate[]; pages: number } {
  const all = (article.live?.updates ?? []).filter((u) => !u.pinned);
  const pages = Math.max(1, Math.ceil(all.length / UPDATES_PER_PAGE));
  return { updates: all.slice((page - 1) * UPDATES_PER_PAGE, page * UPDATES_PER_PAGE), pages };
}

/** The page that holds an update (the pinned one is on page 1), or undefined for an unknown id. */
export function pageOfUpdate(article: Article, id: string): number | undefined {
  const updates = article.live?.updates ?? [];
  const found = updates.find((u) => u.id === id);
  if (!found) return undefined;
  if (found.pinned) return 1;
  const index = updates.filter((u) => !u.pinned).indexOf(found);
  return Math.floor(index / UPDATES_PER_PAGE) + 1;
}

/** The path of page `page` of a live story: the story's own path for the first. */
export function livePagePath(article: Pick<Article, "path">, page: number): string {
  return page <= 1 ? article.path : `${article.path}/page/${page}`;
}

/** The anchor (element id) of an update on its page. */
export function updateAnchor(id: string): string {
  return `update-${id}`;
}

/** An update's permalink: answered by a redirect to the page that holds it, at its anchor. */
export function updatePermalink(article: Pick<Article, "path">, id: string): string {
  return `${article.path}/update/${id}`;
}
