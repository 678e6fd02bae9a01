/**
 * The content API pages call, and the only door to content. It answers from the live index
 * (lib/content/live.ts, kept current by lib/content/watch.ts) and shows readers only what
 * `isPublic` allows at this moment: scheduled, embargoed and draft stories are invisible to every
 * output until their time. Preview (draft mode) alone sees them, one story (and its photo) at a time.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { draftMode } from "next/headers";
import { env, nextRuntime } from "@/lib/config/env";
import { processSingleton } from "@/lib/runtime/singleton";
import type { Article, Topic } from "@/lib/content/article";
import type { ContentIndex } from "@/lib/content/content-index";
import { isInsideContent } from "@/lib/content/inside";
import { loadContent } from "@/lib/content/load";
import { loadLiveContent, type LiveContent } from "@/lib/content/live";
import { previewCoverage } from "@/lib/content/live-coverage";
import { nextPublicationTime } from "@/lib/content/public";
import { publicView } from "@/lib/content/public-view";
import { RELATED_COUNT, relatedArticles } from "@/lib/content/related";
import { takeRefresh, type Refresh } from "@/lib/content/refresh";
import { forgetShown, recordShown } from "@/lib/content/shown";
import { deckWindow, hasSummary, type Deck, type FastArticle } from "@/lib/fast/deck";

/** Listings show this many stories, newest first, so a page's size never grows with the archive. */
const LISTING_LIMIT = 50;

/**
 * How many of the newest stories are prerendered at build time; older ones (the archive) render on
 * their first request and are then cached like the rest. Keeps a 100k-story build short.
 */
const PRERENDER_RECENT = env.prerenderRecent;

/** The live content of this server process (one for every route bundle). */
export function getLiveContent(): Promise<LiveContent> {
  // A build must fail on any bad file; a running server logs it and serves the rest.
  return processSingleton("content.live", () =>
    loadLiveContent(env.contentDirs, { strict: nextRuntime.building, ...snapshotOptions() }),
  );
}

/**
 * The start-up's snapshot (lib/content/snapshot.ts): never in development, whose code changes without
 * a build; and a server does not put one in place once a new build has replaced the one it runs.
 */
function snapshotOptions() {
  if (nextRuntime.development || !env.contentSnapshot) return {};
  const buildId = () => readFileIfAny(path.join(env.distDir, "BUILD_ID"));
  const started = buildId();
  return { snapshot: env.contentSnapshot, stillCurrent: () => !nextRuntime.serving || buildId() === started };
}

function readFileIfAny(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

type PublicView = { version: number; until: number; index: ContentIndex };

/**
 * What readers may see now: the live index less what is not public. Recomputed only when content
 * changes or a scheduled story's time comes, so a request costs a lookup, not a scan of the archive.
 */
async function getIndex(): Promise<ContentIndex> {
  if (nextRuntime.development) return publicView(await loadContent(env.contentDirs), Date.now());
  const live = await getLiveContent();
  const now = Date.now();
  const cache = processSingleton<{ view?: PublicView }>("content.public", () => ({}));
  const view = cache.view;
  if (view && view.version === live.version && now < view.until) return view.index;
  const until = nextPublicationTime(live.index.articles, now) ?? Number.POSITIVE_INFINITY;
  const index = publicView(live.index, now);
  cache.view = { version: live.version, until, index };
  return index;
}

/** True when an editor has turned preview on (Next's draft mode); false outside a request. */
async function previewing(): Promise<boolean> {
  try {
    return (await draftMode()).isEnabled;
  } catch {
    return false;
  }
}

/** Loads the content index now (server start-up), so no reader's request waits for it. */
export async function warmContent(): Promise<number> {
  return (await getIndex()).articles.length;
}

/** The stories readers may see now: newest first, and by slug. */
export async function getPublicStories(): Promise<{
  articles: readonly Article[];
  bySlug: ReadonlyMap<string, Article>;
}> {
  const { articles, bySlug } = await getIndex();
  return { articles, bySlug };
}

export async function getAllArticles(): Promise<Article[]> {
  return (await getIndex()).articles;
}

export async function getArticleBySlug(slug: string): Promise<Article | undefined> {
  return (await getIndex()).bySlug.get(slug);
}

/** The public story at /{section}/{slug}, or undefined. */
export async function getArticle(section: string, slug: string): Promise<Article | undefined> {
  const article = await getArticleBySlug(slug);
  return article?.section.slug === section ? article : undefined;
}

/**
 * The article at /{section}/{slug} for whoever is asking: readers get public stories only; an editor
 * in preview also gets drafts and scheduled stories.
 */
async function getArticleForReader(
  section: string,
  slug: string,
): Promise<{ article: Article; preview: boolean } | undefined> {
  const article = await getArticle(section, slug);
  if (article) {
    // An editor sees a live story's scheduled and draft updates too (draft mode is never cached, and
    // reads as off while a page is rendered for the cache).
    if (article.live && !nextRuntime.development && (await previewing())) {
      const everything = (await getLiveContent()).index.bySlug.get(slug);
      if (everything) return { article: previewCoverage(everything, Date.now()), preview: false };
    }
    return { article, preview: false };
  }
  if (nextRuntime.development || !(await previewing())) return undefined;
  const unpublished = (await getLiveContent()).index.bySlug.get(slug);
  return unpublished?.section.slug === section
    ? { article: previewCoverage(unpublished, Date.now()), preview: true }
    : undefined;
}

/** A story page's route params, as Next.js hands them over. */
type StoryParams = Promise<{ section: string; slug: string }>;

/** The story a page's params name, for this reader (see getArticleForReader): what metadata needs. */
export async function getStoryForParams(params: StoryParams) {
  const { section, slug } = await params;
  return getArticleForReader(section, slug);
}

/** What a story's page shows in either view (full or summary): the story and its related stories. */
export async function getStoryPage(params: StoryParams) {
  const found = await getStoryForParams(params);
  return found && { ...found, related: await getRelatedArticles(found.article) };
}

/** A public story with live coverage at /{section}/{slug}, or undefined. */
export async function getLiveStory(section: string, slug: string): Promise<Article | undefined> {
  const article = await getArticle(section, slug);
  return article?.live ? article : undefined;
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

/**
 * The file behind a media URL, if it is still inside the content folders: a photo indexed while it
 * was a plain file may since have been replaced by a link to elsewhere (lib/content/inside.ts).
 */
export async function getMediaFile(url: string): Promise<string | undefined> {
  const file = (await getIndex()).media.get(url);
  return file !== undefined && (await isInsideContent(file, env.contentDirs)) ? file : undefined;
}

/**
 * A hero image's file for whoever is asking, as getArticleForReader: readers get public stories'
 * photos only; an editor in preview also gets those of drafts and scheduled stories, marked
 * `preview` so the response is kept by no cache (the URL is the same one readers will use later).
 */
export async function getMediaForReader(
  url: string,
): Promise<{ file: string; preview: boolean } | undefined> {
  const file = await getMediaFile(url);
  if (file) return { file, preview: false };
  if (nextRuntime.development || !(await previewing())) return undefined;
  const unpublished = (await getLiveContent()).index.media.get(url);
  return unpublished ? { file: unpublished, preview: true } : undefined;
}

/** The newest stories with FAST summaries, the cards prerendered at build time. */
export async function getRecentFastArticles(limit = PRERENDER_RECENT): Promise<FastArticle[]> {
  return (await getFastArticles()).slice(0, limit);
}

/**
 * Stories with FAST summaries, newest first: worked out once per public index (the deck, each card,
 * and every content refresh's briefing ask), not a walk of the archive each time.
 */
async function getFastArticles(): Promise<readonly FastArticle[]> {
  const index = await getIndex();
  const decks = processSingleton("site.fast", () => new WeakMap<ContentIndex, readonly FastArticle[]>());
  let fast = decks.get(index);
  if (!fast) decks.set(index, (fast = index.articles.filter(hasSummary)));
  return fast;
}

/** The FAST deck window opening at `slug` (or at the top); undefined when the slug has no card. */
export async function getFastDeck(slug?: string): Promise<Deck | undefined> {
  return deckWindow(await getFastArticles(), slug);
}

/** "Also worth reading": stories related to this one (lib/content/related.ts), public ones only. */
export async function getRelatedArticles(article: Article, limit = RELATED_COUNT): Promise<Article[]> {
  const related = relatedArticles(article, await getIndex(), limit);
  recordShown(`related:${article.path}`, {
    paths: [article.path, `${article.path}/summary`],
    slugs: related.map((a) => a.slug),
    source: { kind: "related", slug: article.slug, limit },
  });
  return related;
}

/** The stories a body's "Read also" blocks name, those readers may see, by slug. */
export async function getReadAlsoStories(
  article: Article,
  slugs: readonly string[],
): Promise<Map<string, Article>> {
  const { bySlug } = await getIndex();
  const named = slugs.filter((slug) => slug !== article.slug);
  if (named.length === 0) forgetShown(`read-also:${article.path}`);
  else
    recordShown(`read-also:${article.path}`, {
      paths: [article.path, `${article.path}/summary`],
      slugs: named,
      source: { kind: "fixed" },
    });
  const found = new Map<string, Article>();
  for (const slug of named) {
    const story = bySlug.get(slug);
    if (story) found.set(slug, story);
  }
  return found;
}

/**
 * The pages the content changes since the last call touched (lib/content/refresh.ts), or every page
 * on this process's first call. lib/site/refresh.ts adds the fronts' and Most read's.
 */
export async function takeContentRefresh(): Promise<Refresh> {
  return takeRefresh(await getIndex());
}

/**
 * "Also worth reading" on FAST's end card: stories related to the card the deck opened at, those the
 * reader has not just swiped past first.
 */
export async function getDeckRelated(deck: Deck, limit = RELATED_COUNT): Promise<Article[]> {
  const anchor = deck.cards.find((c) => c.article.slug === deck.current)?.article;
  if (!anchor) return [];
  const seen = new Set(deck.cards.map((c) => c.article.slug));
  const pool = relatedArticles(anchor, await getIndex(), limit * 3);
  recordShown(`deck:${deck.current}`, {
    paths: [`/fast/${deck.current}`],
    slugs: pool.map((a) => a.slug),
    source: { kind: "related", slug: anchor.slug, limit: limit * 3 },
  });
  return [...pool.filter((a) => !seen.has(a.slug)), ...pool.filter((a) => seen.has(a.slug))].slice(0, limit);
}

/**
 * Every story readers may see at `now`, newest first: what a newsletter sent now may carry. Read
 * through the same gate as every page (a script has no running server's live store to ask).
 */
export async function getPublicArticlesAt(now: Date): Promise<Article[]> {
  return publicView((await getLiveContent()).index, now.getTime()).articles;
}
