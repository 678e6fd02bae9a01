/** A complete, valid Article for unit tests; override only what a test is about. */
import type { Article } from "./article";

export function makeArticle(overrides: Partial<Article> = {}): Article {
  const slug = overrides.slug ?? "a-story";
  return {
    slug,
    section: { slug: "world", name: "World", description: "International news." },
    path: `/world/${slug}`,
    title: "A headline",
    standfirst: "A standfirst.",
    topics: [{ name: "Mexico", slug: "mexico" }],
    published: "2026-01-16T07:41:00+08:00",
    source: "Reuters",
    hero: {
      url: "/media/abc/a.jpg",
      width: 1600,
      height: 900,
      bytes: 1000,
      type: "image/jpeg",
      alt: "Alt",
      caption: "Caption.",
      credit: "AP",
    },
    photos: [],
    summary: ["One.", "Two.", "Three."],
    body: "Body.",
    file: `world/${slug}.md`,
    draft: false,
    breaking: false,
    corrections: [],
    ...overrides,
  };
}
