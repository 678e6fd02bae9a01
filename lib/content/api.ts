/**
 * The content API pages call. Loads the content folders once per server process (on every call in
 * development, so an editor sees a saved file on reload) and answers from the in-memory index.
 */
import { env } from "@/lib/config/env";
import type { Article, Topic } from "./article";
import { loadContent, type ContentIndex } from "./load";
import { deckWindow, hasSummary, type Deck, type FastArticle } from "@/lib/fast/deck";

/**
 * One index per server process, kept on globalThis: Next.js bundles each route (and
 * instrumentation.ts) separately, and a module-level variable would be one copy per bundle.
 */
declare global {
  var __dispatchContentIndex: Promise<ContentIndex> | undefined;
}

/** Listings show this many stories, newest first, so a page's size never grows with the archive. */
export const LISTING_LIMIT = 50;

/**
 * How many of the newest stories are prerendered at build time; older ones (the archive) render on
 * their first request and are then cached like the rest. Keeps a 100k-story build short.
 */
export const PRERENDER_RECENT = Number(process.env.PRERENDER_RECENT || 500);

function getIndex(): Promise<ContentIndex> {
  if (process.env.NODE_ENV === "development") return loadContent(env.contentDirs);
  globalThis.__dispatchContentIndex ??= loadContent(env.contentDirs);
  return globalThis.__dispatchContentIndex;
}

/** Loads the content index now (server start-up), so no reader's request waits for it. */
export async function warmContent(): Promise<number> {
  return (await getIndex()).articles.length;
}

export async function getAllArticles(): Promise<Article[]> {
  return (await getIndex()).articles;
}

export async function getArticleBySlug(slug: string): Promise<Article | undefined> {
  return (await getIndex()).bySlug.get(slug);
}

export async function getArticle(section: string, slug: string): Promise<Article | undefined> {
  const article = await getArticleBySlug(slug);
  return article?.section.slug === section ? article : undefined;
}

export async function getSectionArticles(section: string, limit = LISTING_LIMIT): Promise<Article[]> {
  const found: Article[] = [];
  for (const a of await getAllArticles()) {
    if (a.section.slug === section) found.push(a);
    if (found.length >= limit) break;
  }
  return found;
}

/** Route params of the newest stories, for every route keyed by /{section}/{slug}. */
export async function recentArticleParams(): Promise<{ section: string; slug: string }[]> {
  return (await getRecentArticles()).map((a) => ({ section: a.section.slug, slug: a.slug }));
}

/** The newest stories, the ones prerendered at build time. */
export async function getRecentArticles(limit = PRERENDER_RECENT): Promise<Article[]> {
  return (await getAllArticles()).slice(0, limit);
}

export async function getAllTopics(): Promise<Topic[]> {
  return [...(await getIndex()).topics.values()];
}

export async function getTopicArticles(
  slug: string,
): Promise<{ topic: Topic; articles: Article[] } | undefined> {
  const index = await getIndex();
  const topic = index.topics.get(slug);
  if (!topic) return undefined;
  const articles: Article[] = [];
  for (const a of index.articles) {
    if (a.topics.some((t) => t.slug === slug)) articles.push(a);
    if (articles.length >= LISTING_LIMIT) break;
  }
  return { topic, articles };
}

/** Absolute path of a hero image for a served URL, or undefined. The URL is only ever a map key. */
export async function getMediaFile(url: string): Promise<string | undefined> {
  return (await getIndex()).media.get(url);
}

export async function getAllMediaUrls(): Promise<string[]> {
  return [...(await getIndex()).media.keys()];
}

/** The newest stories with FAST summaries, the cards prerendered at build time. */
export async function getRecentFastArticles(limit = PRERENDER_RECENT): Promise<FastArticle[]> {
  return (await getFastArticles()).slice(0, limit);
}

/** Stories with FAST summaries, newest first. */
export async function getFastArticles(): Promise<FastArticle[]> {
  return (await getAllArticles()).filter(hasSummary);
}

/** The FAST deck window opening at `slug` (or at the top); undefined when the slug has no card. */
export async function getFastDeck(slug?: string): Promise<Deck | undefined> {
  return deckWindow(await getFastArticles(), slug);
}
