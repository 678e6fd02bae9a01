import { NextResponse, type NextRequest } from "next/server";
import type { Article } from "@/lib/content/article";
import type { LiveContent } from "@/lib/content/live";
import { publicCoverage, updatesPage } from "@/lib/content/live-coverage";
import { isPublic, isPublicTopic } from "@/lib/content/public";
import { storyPathSlug, tombstoneFor } from "@/lib/content/tombstones";
import { gonePage } from "@/lib/server/gone-page";
import { isLoadingContent, startupPhase } from "@/lib/server/readiness";
import { startingPage } from "@/lib/server/starting-page";
import { peekProcessSingleton } from "@/lib/runtime/singleton";

/** A path no route matches: the site's not-found page, server-rendered in full. */
const NOT_FOUND_PATH = "/_/not/found";

/**
 * Answers story, summary-view, older-updates and FAST-card URLs that name no public story, and topic
 * URLs that name no topic, before any route renders:
 * - a story taken down for good answers 410 Gone (lib/content/tombstones.ts), which no page can;
 * - one that does not exist (or is not public) is rewritten to the site's own 404 page. A story
 *   route that calls notFound() itself gets Next.js's client-rendered error shell, an empty page
 *   without JavaScript (a known Next.js 16 fault), and a render per unknown URL.
 * It reads the live content store of this server process, which `next start` and the standalone
 * server share with the proxy; where it has none (before the store has loaded) the request goes on
 * to the page, which answers as before. Editors in preview (the draft-mode cookie) always go on.
 */
export async function proxy(request: NextRequest) {
  // Every page while this server is still reading its content folders: a quick 503, not a request
  // held open for a minute (lib/server/readiness.ts).
  if (isLoadingContent()) return startingPage();
  const { pathname } = request.nextUrl;
  if (pathname === "/search" && startupPhase() === "indexing") {
    // Results from part of the archive (lib/search/engine.ts): for this reader, never for a cache's
    // next one (nginx keys on this header; Cache-Control for other caches).
    const response = NextResponse.next();
    response.headers.set("Cache-Control", "no-store");
    response.headers.set("X-Dispatch-Search-Indexing", "1");
    return response;
  }
  if (NO_LOOKUP.test(pathname)) return NextResponse.next();
  const live = peekProcessSingleton<Promise<LiveContent>>("content.live");
  const topic = /^\/topic\/([^/]+)$/.exec(pathname)?.[1];
  if (topic !== undefined) return live ? answerTopic(request, await live, topic) : NextResponse.next();
  const named = storyPathSlug(pathname);
  if (!live || !named || request.cookies.has("__prerender_bypass")) return NextResponse.next();
  const { index, removed } = await live;
  const stone = tombstoneFor(removed, named);
  if (stone) return gonePage(stone);
  const article = index.bySlug.get(named.slug);
  const found =
    article &&
    isPublic(article, Date.now()) &&
    (named.kind === "card" ? Boolean(article.summary?.length) : article.section.slug === named.section);
  if (!found) return notFoundPage(request);
  if (named.kind === "story" && named.page !== undefined && !hasUpdatesPage(article, named.page)) {
    // An older page of updates the story does not have: the story itself. Answered here, not by the
    // route, whose redirect would be cached (and written to disk) once for every number asked for.
    // next/server makes a same-origin Location relative, so it holds behind a proxy too.
    const response = NextResponse.redirect(new URL(article.path, request.nextUrl), 307);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  return NextResponse.next();
}

/**
 * Paths no story or topic lookup applies to: build assets, routes under /api, media and images,
 * link-preview images, newsletter pages, sitemaps and search. They pay for the readiness check only.
 */
const NO_LOOKUP = /^\/(?:_next|_|api|media|og|newsletter|sitemaps|search)(?:\/|$)/;

/** Whether a live story has page `page` of updates now (pages from 2; page 1 is the story). */
function hasUpdatesPage(article: Article, page: string): boolean {
  if (!article.live || !/^[1-9]\d{0,4}$/.test(page)) return false;
  const n = Number(page);
  return n >= 2 && n <= updatesPage(publicCoverage(article, Date.now()), 1).pages;
}

/** /topic/{slug}: on to the page when some public story carries the topic, else the 404 page. */
function answerTopic(request: NextRequest, { index }: LiveContent, segment: string) {
  let slug: string;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    return notFoundPage(request);
  }
  // The index's topic map is an O(1) first look; the scan only runs for a topic that exists.
  const found = index.topics.has(slug) && isPublicTopic(index.articles, slug, Date.now());
  return found || request.cookies.has("__prerender_bypass") ? NextResponse.next() : notFoundPage(request);
}

function notFoundPage(request: NextRequest) {
  return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
}

export const config = {
  // Every path but build assets, images and the health checks: all of them answer "starting" while
  // the content loads; only story, summary-view, older-updates, FAST-card and topic paths are then
  // looked up (NO_LOOKUP above).
  matcher: ["/((?!_next/static/|_next/image|health(?:/|$)).*)"],
};
