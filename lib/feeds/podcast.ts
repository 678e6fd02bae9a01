/**
 * The audio feed (/audio.xml, issue 24): RSS 2.0 with enclosures and the `itunes:` tags podcast apps
 * require (a square image of at least 1400 px, a category, explicit, each episode's duration), built
 * with the maintained `feed` library as the site's other feeds are.
 */
import { Feed } from "feed";
import { absoluteUrl, siteConfig } from "@/lib/config/site";
import { cdataText, closeCdata, xmlSafe } from "./xml";

/** One narration: its address, bytes and length, and a GUID of its own (its words' hash). */
export type Episode = {
  guid: string;
  title: string;
  description: string;
  /** The page it reads (the story, or FAST for the briefing). */
  link: string;
  audio: { url: string; bytes: number; seconds: number };
  date: Date;
};

/** The cover: 1400 × 1400 px, square, no transparency (Apple's rule; others accept it). */
const PODCAST_IMAGE = "/podcast.png";

export function buildPodcast(episodes: readonly Episode[]): string {
  const newest = episodes.reduce<Date | undefined>((a, e) => (a && a > e.date ? a : e.date), undefined);
  const feed = new Feed({
    title: xmlSafe(siteConfig.podcast.title),
    description: xmlSafe(siteConfig.podcast.description),
    id: absoluteUrl("/fast"),
    link: absoluteUrl("/fast"),
    language: siteConfig.locale,
    image: absoluteUrl(PODCAST_IMAGE),
    copyright: `© ${siteConfig.name}`,
    updated: newest ?? new Date(0),
    generator: siteConfig.name,
    feedLinks: { rss: absoluteUrl("/audio.xml") },
    podcast: true,
    author: { name: siteConfig.name },
  });
  const { category, subcategory } = siteConfig.podcast;
  feed.addExtension({
    name: "itunes:category",
    objects: { _attributes: { text: category }, "itunes:category": { _attributes: { text: subcategory } } },
  });
  feed.addExtension({ name: "itunes:image", objects: { _attributes: { href: absoluteUrl(PODCAST_IMAGE) } } });
  feed.addExtension({ name: "itunes:explicit", objects: { _text: "false" } });
  feed.addExtension({ name: "itunes:type", objects: { _text: "episodic" } });
  for (const e of episodes) {
    feed.addItem({
      title: cdataText(e.title),
      id: e.guid,
      guid: e.guid,
      link: absoluteUrl(e.link),
      description: cdataText(e.description),
      date: e.date,
      audio: {
        url: absoluteUrl(e.audio.url),
        length: e.audio.bytes,
        type: "audio/mpeg",
        duration: Math.max(1, Math.round(e.audio.seconds)),
      },
      extensions: [{ name: "itunes:explicit", objects: { _text: "false" } }],
    });
  }
  return closeCdata(feed.rss2());
}
