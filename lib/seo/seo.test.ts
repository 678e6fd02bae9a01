import { describe, expect, it } from "vitest";
import { makeArticle } from "@/lib/content/article.fixture";
import { breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd } from "./jsonld";
import { articleMetadata, fastCardMetadata } from "./metadata";

const hostile = makeArticle({
  title: `</script><script>alert("x")</script> & 'quotes' \u2028 🚀`,
  standfirst: "<b>bold</b> & more",
  topics: [{ name: "Q&A", slug: "q-and-a" }],
  updated: "2026-01-16T09:00:00+08:00",
});

describe("serializeJsonLd", () => {
  it("cannot be broken out of by content", () => {
    const json = serializeJsonLd(newsArticleJsonLd(hostile));
    expect(json).not.toMatch(/<\/?script/i);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json).headline).toBe(hostile.title);
  });
});

describe("newsArticleJsonLd", () => {
  it("describes the article for search engines", () => {
    const ld = newsArticleJsonLd(hostile);
    expect(ld).toMatchObject({
      "@type": "NewsArticle",
      headline: hostile.title,
      description: hostile.standfirst,
      datePublished: "2026-01-16T07:41:00+08:00",
      dateModified: "2026-01-16T09:00:00+08:00",
      articleSection: "World",
      keywords: ["Q&A"],
      isAccessibleForFree: true,
      creditText: "Reuters",
      mainEntityOfPage: { "@id": "http://localhost:3000/world/a-story" },
      publisher: { "@type": "NewsMediaOrganization", logo: { url: "http://localhost:3000/logo.png" } },
    });
    expect(Array.isArray(ld.image) && ld.image.length).toBeGreaterThanOrEqual(3);
  });

  it("falls back to the publication time when never updated, and to the source as author", () => {
    const ld = newsArticleJsonLd(makeArticle());
    expect(ld.dateModified).toBe(ld.datePublished);
    expect(ld.author).toEqual([{ "@type": "Organization", name: "Reuters" }]);
    expect(newsArticleJsonLd(makeArticle({ byline: "Jane Doe" })).author).toEqual([
      { "@type": "Person", name: "Jane Doe" },
    ]);
  });

  it("builds the section → article breadcrumb", () => {
    expect(breadcrumbJsonLd(hostile).itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "World", item: "http://localhost:3000/world" },
      { "@type": "ListItem", position: 2, name: hostile.title, item: "http://localhost:3000/world/a-story" },
    ]);
  });
});

describe("metadata builders", () => {
  it("gives an article an absolute canonical URL and a complete link preview", () => {
    const m = articleMetadata(hostile);
    expect(m.alternates?.canonical).toBe("http://localhost:3000/world/a-story");
    expect(m.openGraph).toMatchObject({
      type: "article",
      url: "http://localhost:3000/world/a-story",
      title: hostile.title,
      locale: "en_GB",
      publishedTime: "2026-01-16T07:41:00+08:00",
      modifiedTime: "2026-01-16T09:00:00+08:00",
      section: "World",
      tags: ["Q&A"],
      images: [{ url: "http://localhost:3000/og/article/a-story", width: 1200, height: 630, alt: "Alt" }],
    });
    expect(m.twitter).toMatchObject({ card: "summary_large_image" });
  });

  it("gives a FAST card its own URL and image but the article as canonical", () => {
    const m = fastCardMetadata(hostile);
    expect(m.alternates?.canonical).toBe("http://localhost:3000/world/a-story");
    expect(m.openGraph).toMatchObject({
      url: "http://localhost:3000/fast/a-story",
      description: "One.",
      images: [{ url: "http://localhost:3000/og/fast/a-story" }],
    });
    expect(m.title).toBe(`${hostile.title} | FAST`);
  });
});
