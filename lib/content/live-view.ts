/**
 * A live story's updates as the page and its poll endpoint send them: plain, serialisable views with
 * their text already rendered to sanitised HTML and their times already formatted in the newsroom's
 * zone, so the browser renders exactly what the server would.
 */
import { createHash } from "node:crypto";
import { absoluteUrl } from "@/lib/config/site";
import { formatClock, formatDateTime } from "@/lib/format/time";
import { isLiveNow, type Article, type LiveUpdate } from "./article";
import { pinnedUpdate, updateAnchor, updatePermalink, updatesPage } from "./live-coverage";
import { renderMarkdown } from "./markdown";

export type UpdateView = {
  id: string;
  /** Changes whenever anything shown of the update changes: an edit replaces it in place. */
  version: string;
  published: string;
  /** "9:15 am GMT+8" */
  time: string;
  /** "16 Jan 2026, 9:15 am GMT+8", for the time's title. */
  fullTime: string;
  title?: string;
  key: boolean;
  pinned: boolean;
  byline?: string;
  html: string;
  corrections: { date: string; text: string }[];
  /** Where the update's own link goes (the page that holds it, at its anchor). */
  permalink: string;
  /** The absolute permalink, for sharing. */
  shareUrl: string;
};

export type LiveView = {
  live: boolean;
  ended?: string;
  endedLabel?: string;
  updated?: string;
  updatedLabel?: string;
  /** Page 1's updates: the pinned one first, then the newest. */
  updates: UpdateView[];
  /** True when older updates exist beyond these (on later pages). */
  more: boolean;
};

const views = new WeakMap<LiveUpdate, UpdateView>();

function updateView(article: Article, u: LiveUpdate): UpdateView {
  const known = views.get(u);
  if (known && known.permalink.startsWith(article.path)) return known;
  const html = renderMarkdown(u.body);
  const version = createHash("sha256")
    .update(JSON.stringify([u.published, u.title, u.key, u.pinned, u.byline, u.corrections, html]))
    .digest("hex")
    .slice(0, 16);
  const view: UpdateView = {
    id: u.id,
    version,
    published: u.published,
    time: formatClock(u.published),
    fullTime: formatDateTime(u.published),
    title: u.title,
    key: u.key,
    pinned: u.pinned,
    byline: u.byline,
    html,
    corrections: u.corrections.map((c) => ({ date: c.date, text: c.text })),
    permalink: updatePermalink(article, u.id),
    shareUrl: absoluteUrl(updatePermalink(article, u.id)),
  };
  views.set(u, view);
  return view;
}

/** The updates a page shows: page 1 leads with the pinned update. */
export function pageUpdates(article: Article, page: number): { updates: UpdateView[]; pages: number } {
  const { updates, pages } = updatesPage(article, page);
  const pinned = page === 1 ? pinnedUpdate(article) : undefined;
  return { updates: [...(pinned ? [pinned] : []), ...updates].map((u) => updateView(article, u)), pages };
}

/** What the poll endpoint answers: the coverage's state and page 1's updates. */
export function liveView(article: Article): LiveView {
  const ended = article.live?.ended;
  const updated = article.updated;
  const first = pageUpdates(article, 1);
  return {
    live: isLiveNow(article),
    ended,
    endedLabel: ended ? formatDateTime(ended) : undefined,
    updated,
    updatedLabel: updated ? formatClock(updated) : undefined,
    updates: first.updates,
    more: first.pages > 1,
  };
}

/** Key events, newest first, each with the link that reaches it. */
export function keyEvents(article: Article): { id: string; title: string; time: string; href: string }[] {
  const onFirstPage = new Set(pageUpdates(article, 1).updates.map((u) => u.id));
  return (article.live?.updates ?? [])
    .filter((u) => u.key)
    .map((u) => ({
      id: u.id,
      title: u.title ?? firstWords(u.body),
      time: formatClock(u.published),
      href: onFirstPage.has(u.id) ? `#${updateAnchor(u.id)}` : updatePermalink(article, u.id),
    }));
}

function firstWords(markdown: string): string {
  const text = markdown
    .replace(/[#>*_`[\]()!-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text;
}
