import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { makeArticle } from "@/lib/content/article.fixture";
import { buildRss } from "./rss";
import { escapeXml } from "./xml";

const hostile = makeArticle({
  slug: "hostile",
  title: `Tom & Jerry <script>alert("x")</script> 'quoted' \u0001\u0008 emoji 🚀 東京`,
  standfirst: "A & B < C > D \u000B",
  body: "Body with <b>raw html</b> & an [evil link](javascript:alert(1)).\u0002",
  topics: [{ name: "Q&A <tag>", slug: "q-and-a-tag" }],
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false }).parse(xml);
}

describe("buildRss", () => {
  it("is well-formed RSS 2.0 with hostile titles and lists every item with its metadata", () => {
    const xml = buildRss({
      title: "Feed & <title>",
      description: "d",
      path: "/",
      feedPath: "/feed.xml",
      articles: [hostile, makeArticle()],
    });
    const doc = parse(xml);
    expect(doc.rss["@_version"]).toBe("2.0");
    const items = doc.rss.channel.item;
    expect(items).toHaveLength(2);
    const first = items[0];
    expect(first.title).toBe(`Tom & Jerry <script>alert("x")</script> 'quoted'  emoji 🚀 東京`);
    expect(first.link).toBe("http://localhost:3000/world/hostile");
    expect(first.enclosure).toMatchObject({
      "@_url": "http://localhost:3000/media/abc/a.jpg",
      "@_type": "image/jpeg",
      "@_length": "1000",
    });
    expect(first.pubDate).toBe("Thu, 15 Jan 2026 23:41:00 GMT");
    expect(first["content:encoded"]).not.toContain("javascript:");
    expect(items[1].pubDate).toBe("Thu, 15 Jan 2026 23:41:00 GMT");
    expect(first.category).toContain("Q&A <tag>");
  });

  it("dates an item by its last update or correction, so feed readers see the change", () => {
    const corrected = makeArticle({ updated: "2026-01-17T09:30:00+08:00" });
    const xml = buildRss({
      title: "t",
      description: "d",
      path: "/",
      feedPath: "/feed.xml",
      articles: [corrected],
    });
    expect(parse(xml).rss.channel.item.pubDate).toBe("Sat, 17 Jan 2026 01:30:00 GMT");
  });

  it("stays well-formed XML with ']]>' twice in every field, and keeps the text as written", () => {
    const twice = "a ]]> b ]]> c";
    const article = makeArticle({
      title: `Title ${twice}`,
      standfirst: `Standfirst ${twice}`,
      body: `Body ${twice}`,
    });
    const xml = buildRss({
      title: "t",
      description: "d",
      path: "/",
      feedPath: "/feed.xml",
      articles: [article],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const item = parse(xml).rss.channel.item;
    expect(item.title).toBe(`Title ${twice}`);
    expect(item.description).toBe(`Standfirst ${twice}`);
    expect(item["content:encoded"]).toContain("Body a ]]> b ]]> c");
  });

  it("caps a feed at 50 items", () => {
    const many = Array.from({ length: 60 }, (_, i) => makeArticle({ slug: `s${i}` }));
    expect(
      parse(buildRss({ title: "t", description: "d", path: "/", feedPath: "/feed.xml", articles: many })).rss
        .channel.item,
    ).toHaveLength(50);
  });
});

describe("escapeXml", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(escapeXml(`<a href="x">&'\u0000\u001F</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;",
    );
  });
});
