import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { makeArticle } from "@/lib/content/article.fixture";
import { newsSitemap, siteSitemap } from "./sitemaps";

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
