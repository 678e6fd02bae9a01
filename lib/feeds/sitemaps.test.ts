import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { makeArticle } from "@/lib/content/article.fixture";
import {
  newsSitemap,
  rootSitemapXml,
  siteSitemap,
  sitemapPages,
  urlsetXml,
  type SitemapEntry,
} from "./sitemaps";

const now = new Date("2026-01-17T12:00:00+08:00");
const recent = makeArticle({
  slug: "recent",
  title: `Fish & "chips" <b> \u0001 🚀`,
  published: "2026-01-16T12:00:00+08:00",
});
const old = makeArticle({ slug: "old", published: "2026-01-10T12:00:00+08:00" });

describe("newsSitemap", () => {
  it("lists only the last two days' articles, well-formed with hostile titles", () => {
    const xml = newsSitemap([recent, old], now);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser().parse(xml);
    const url = doc.urlset.url;
    expect(url.loc).toBe("http://localhost:3000/world/recent");
    expect(url["news:news"]["news:title"]).toBe(`Fish & "chips" <b>  🚀`);
    expect(url["news:news"]["news:publication"]["news:language"]).toBe("en");
  });

  it("is a valid empty urlset when nothing is recent", () => {
    const xml = newsSitemap([old], now);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain("<url>");
  });
});

describe("siteSitemap", () => {
  it("lists home, FAST, every section, topic and article with lastmod", () => {
    const entries = siteSitemap([recent, old], [{ name: "Mexico", slug: "mexico" }]);
    const urls = entries.map((e) => e.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        "http://localhost:3000/",
        "http://localhost:3000/fast",
        "http://localhost:3000/world",
        "http://localhost:3000/sport",
        "http://localhost:3000/topic/mexico",
        "http://localhost:3000/world/recent",
        "http://localhost:3000/world/old",
      ]),
    );
    expect(entries.find((e) => e.url.endsWith("/world/old"))?.lastModified).toBe("2026-01-10T12:00:00+08:00");
    expect(entries.find((e) => e.url.endsWith("/world"))?.lastModified).toBe("2026-01-16T12:00:00+08:00");
  });
});

describe("sitemap files past 50,000 URLs", () => {
  const entries: SitemapEntry[] = Array.from({ length: 5 }, (_, i) => ({
    url: `http://localhost:3000/world/story-${i}?a=1&b=<2>`,
    lastModified: `2026-01-1${i}T12:00:00+08:00`,
  }));

  it("is one well-formed urlset while the URLs fit, with every URL escaped", () => {
    const xml = rootSitemapXml(entries, 5);
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = new XMLParser().parse(xml).urlset.url;
    expect(urls).toHaveLength(5);
    expect(urls[0]).toEqual({
      loc: "http://localhost:3000/world/story-0?a=1&b=<2>",
      lastmod: "2026-01-10T12:00:00+08:00",
    });
  });

  it("becomes an index of pages of at most the limit, each page's newest lastmod", () => {
    const xml = rootSitemapXml(entries, 2);
    expect(XMLValidator.validate(xml)).toBe(true);
    const index = new XMLParser().parse(xml).sitemapindex.sitemap;
    expect(index).toEqual([
      { loc: "http://localhost:3000/sitemaps/0.xml", lastmod: "2026-01-11T12:00:00+08:00" },
      { loc: "http://localhost:3000/sitemaps/1.xml", lastmod: "2026-01-13T12:00:00+08:00" },
      { loc: "http://localhost:3000/sitemaps/2.xml", lastmod: "2026-01-14T12:00:00+08:00" },
    ]);
    const pages = sitemapPages(entries, 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(entries);
    expect(XMLValidator.validate(urlsetXml(pages[2] ?? []))).toBe(true);
  });

  it("splits at 50,000 by default", () => {
    const many = Array.from({ length: 100_001 }, (_, i) => ({ url: `http://localhost:3000/a/${i}` }));
    expect(sitemapPages(many).map((p) => p.length)).toEqual([50_000, 50_000, 1]);
    expect(rootSitemapXml(many)).toContain("<sitemapindex");
  });
});
