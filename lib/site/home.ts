/**
 * The door's part for the fronts and Most read (lib/site/api.ts is the rest): the home page's and a
 * section front's stories, as the editors' front files place them over the public stories, and the
 * most read public stories. Routes read these through here only.
 */
import { env } from "@/lib/config/env";
import { sectionSlugs, siteConfig } from "@/lib/config/site";
import type { Article } from "@/lib/content/article";
import { recordShown } from "@/lib/content/shown";
import type { FastArticle } from "@/lib/fast/deck";
import type { Front } from "@/lib/fronts/front";
import { homeStories, sectionFront, type HomeStories } from "@/lib/fronts/home";
import { getFront, rescanFronts, warnSkipped } from "@/lib/fronts/store";
import { mostRead } from "@/lib/reads/api";
import { getArticleBySlug, getPublicStories, getSectionArticles } from "./api";

/** Stories in a Most read list. */
const MOST_READ_COUNT = 10;
/** Cards in the home page's FAST rail. */
const FAST_RAIL = 6;

export type HomePage = HomeStories & { fast: FastArticle[]; mostRead: Article[] };

export async function getHomePage(): Promise<HomePage> {
  const stories = await getPublicStories();
  const sections = siteConfig.sections;
  const [home, ...perSection] = await Promise.all([
    getFront("home", env.contentDirs),
    ...sections.map((s) => getFront(s.slug, env.contentDirs)),
  ]);
  const sectionFronts = new Map<string, Front>();
  for (const f of perSection) if (f) sectionFronts.set(f.name, f);
  const pools = new Map<string, Article[]>(
    await Promise.all(sections.map(async (s) => [s.slug, await getSectionArticles(s.slug, 12)] as const)),
  );
  const page = homeStories({
    stories,
    ...(home ? { home } : {}),
    sectionFronts,
    sections,
    sectionPool: (slug) => pools.get(slug) ?? [],
  });
  warnSkipped(page.skipped);
  const fast: FastArticle[] = [];
  for (const a of stories.articles) {
    if (fast.length >= FAST_RAIL) break;
    if (a.summary && a.summary.length > 0) fast.push({ ...a, summary: a.summary });
  }
  return { ...page, fast, mostRead: await getMostRead() };
}

/** A section front's page: its lead and top stories, then the rest of the section newest first. */
export async function getSectionFront(section: string) {
  const front = await getFront(section, env.contentDirs);
  const page = sectionFront(front, await getPublicStories(), await getSectionArticles(section));
  warnSkipped(page.skipped);
  // A story from another section named here: a change to it refreshes this page too.
  const named = front ? [front.lead, ...front.top].filter((r) => r !== undefined).map((r) => r.slug) : [];
  recordShown(`front:/${section}`, { paths: [`/${section}`], slugs: named, source: { kind: "fixed" } });
  return page;
}

/** The most read public stories of the last 24 hours, most first. */
export async function getMostRead(limit = MOST_READ_COUNT): Promise<Article[]> {
  const found: Article[] = [];
  for (const { story } of await mostRead()) {
    if (found.length >= limit) break;
    const article = await getArticleBySlug(story);
    if (article) found.push(article);
  }
  return found;
}

/** The /most-read page's list; a change to a story on it (or its leaving) refreshes the page. */
export async function getMostReadPage(): Promise<Article[]> {
  const list = await getMostRead();
  recordShown("most-read", {
    paths: ["/most-read"],
    slugs: list.map((a) => a.slug),
    source: { kind: "fixed" },
  });
  return list;
}

/**
 * The publish trigger's look at the fronts (a pipeline may write one where file events do not
 * reach): those changed since the last look are refreshed with the trigger's refresh.
 */
export async function rescanFrontFiles(): Promise<string[]> {
  return rescanFronts(["home", ...sectionSlugs], env.contentDirs);
}
