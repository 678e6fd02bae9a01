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

/** A key event in the coverage's "Key events" box, with the link that reaches its update. */
export type KeyEvent = { id: string; title: string; time: string; href: string };

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
  /** Every key event, newest first (page 1's box; polling keeps it current). */
  keyEvents: KeyEvent[];
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
    keyEvents: keyEvents(article, first.updates),
  };
}

/** By story object: a public copy stays the same object while nothing of it changes (every poll). */
const events = new WeakMap<Article, KeyEvent[]>();

/** Key events, newest first, each with the link that reaches it (an anchor when on page 1). */
function keyEvents(article: Article, firstPage: readonly UpdateView[]): KeyEvent[] {
  const known = events.get(article);
  if (known) return known;
  const onFirstPage = new Set(firstPage.map((u) => u.id));
  const list = (article.live?.updates ?? [])
    .filter((u) => u.key)
    .map((u) => ({
      id: u.id,
      title: updateLabel(u),
      time: formatClock(u.published),
      href: onFirstPage.has(u.id) ? `#${updateAnchor(u.id)}` : updatePermalink(article, u.id),
    }));
  events.set(article, list);
  return list;
}

/** What names an update in a list: its title, or its first words. */
export function updateLabel(u: Pick<LiveUpdate, "title" | "body">): string {
  return u.title ?? firstWords(u.body);
}

function firstWords(markdown: string): string {
  const text = markdown
    .replace(/[#>*_`[\]()!-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text;
}
