/** RSS 2.0 feeds built with the maintained `feed` library, never string templates. */
import { Feed } from "feed";
import type { Article } from "@/lib/content/article";
import { bodyHtml } from "@/lib/content/body-html";
import { absoluteUrl, siteConfig } from "@/lib/config/site";
import { cdataText, closeCdata, xmlSafe } from "./xml";

const FEED_ITEMS = 50;

export function buildRss(opts: {
  title: string;
  description: string;
  path: string;
  feedPath: string;
  articles: Article[];
}): string {
  const articles = opts.articles.slice(0, FEED_ITEMS);
  // "Read also" links to stories in this feed's list (all of them public); others are left out.
  // Made on the first "Read also" only: the site feed's list is every story (100k: ~0.15 s a Map).
  let bySlug: Map<string, Article> | undefined;
  const story = (slug: string) => (bySlug ??= new Map(opts.articles.map((a) => [a.slug, a]))).get(slug);
  const links = { absolute: absoluteUrl, story };
  const newest = articles[0];
  const feed = new Feed({
    title: xmlSafe(opts.title),
    description: xmlSafe(opts.description),
    id: absoluteUrl(opts.path),
    link: absoluteUrl(opts.path),
    language: siteConfig.locale,
    image: absoluteUrl("/logo.png"),
    favicon: absoluteUrl("/icon.svg"),
    copyright: `© ${siteConfig.name}`,
    updated: newest ? new Date(newest.updated ?? newest.published) : new Date(0),
    generator: siteConfig.name,
    feedLinks: { rss: absoluteUrl(opts.feedPath) },
  });
  for (const a of articles) {
    const url = absoluteUrl(a.path);
    feed.addItem({
      id: url,
      guid: url,
      link: url,
      title: cdataText(a.title),
      description: cdataText(a.standfirst),
      content: cdataText(bodyHtml(a, links)),
      author: [{ name: xmlSafe(a.byline ?? a.source ?? siteConfig.name) }],
      // RSS has one date per item: the last change, so a correction or update reaches feed readers.
      // (The feed library would prefer `published` for pubDate, so it is not passed.)
      date: new Date(a.updated ?? a.published),
      category: [a.section.name, ...a.topics.map((t) => t.name)].map((name) => ({ name: xmlSafe(name) })),
      image: { url: absoluteUrl(a.hero.url), type: a.hero.type, length: a.hero.bytes },
    });
  }
  return closeCdata(feed.rss2());
}
