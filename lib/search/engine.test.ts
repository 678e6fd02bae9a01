import { describe, expect, it } from "vitest";
import { makeArticle } from "@/lib/content/article.fixture";
import type { Article } from "@/lib/content/article";
import { newBody } from "@/lib/content/body";
import { packedBodyOf, withBody } from "@/lib/content/reshape";
import type { SearchIndex, SearchOptions } from "./engine";
import { testIndexes } from "./index.fixture";
import { parseQuery } from "./query";

const sections = ["world", "asia", "business", "tech", "sport"];
const asia = { slug: "asia", name: "Asia", description: "Asia." };
const indexes = testIndexes(sections);

async function indexOf(articles: Article[]): Promise<SearchIndex> {
  const index = indexes.newIndex();
  await index.sync(articles);
  return index;
}

function find(index: SearchIndex, q: string, options: Partial<SearchOptions> = {}) {
  const match = parseQuery(q).match;
  if (!match) throw new Error(`no match expression for ${q}`);
  return index.search(match, { sort: "relevance", page: 1, perPage: 10, ...options });
}

const slugs = (r: { hits: { article: Article }[] }) => r.hits.map((h) => h.article.slug);
const text = (pieces: { text: string; match: boolean }[]) =>
  pieces.map((p) => (p.match ? `[${p.text}]` : p.text)).join("");

const corpus = [
  makeArticle({
    slug: "body-only",
    title: "Border talks resume",
    body: "Officials said a cartel ran the crossing.",
    published: "2026-01-20T08:00:00+08:00",
  }),
  makeArticle({
    slug: "in-title",
    title: "Cartels run the border towns",
    body: "A long report.",
    published: "2026-01-10T08:00:00+08:00",
  }),
  makeArticle({
    slug: "asia-story",
    section: asia,
    title: "Markets rise in Tokyo",
    standfirst: "Shares in exporters led gains.",
    body: "The cartel of exporters denied it.",
    published: "2026-01-15T08:00:00+08:00",
    topics: [{ name: "Japan", slug: "japan" }],
  }),
];

describe("SearchIndex", () => {
  it("ranks a title match above a body match, and stems (cartel finds cartels)", async () => {
    const r = find(await indexOf(corpus), "cartel");
    expect(r.total).toBe(3);
    expect(slugs(r)[0]).toBe("in-title");
  });

  it("finds a story by the words of its packed body (inflated on the writer's thread), with a snippet", async () => {
    const { slug, section, path, title, standfirst, topics, published, hero, photos, file } = makeArticle({
      slug: "packed",
      title: "Harbour reopens",
    });
    const fields = { slug, section, path, title, standfirst, topics, published, hero, photos, file };
    const packed = withBody(
      { ...fields, draft: false, breaking: false, corrections: [] },
      newBody("Divers found the **lighthouse** keeper's logbook."),
    );
    expect(packedBodyOf(packed)).toBeInstanceOf(Uint8Array);
    const r = find(await indexOf([packed, ...corpus]), "lighthouse");
    expect(slugs(r)).toEqual(["packed"]);
    expect(text(r.hits[0]?.snippet ?? [])).toContain("[lighthouse] keeper");
  });

  it("breaks relevance ties by recency, and sorts by newest on request", async () => {
    const twins = ["2026-01-01", "2026-01-03", "2026-01-02"].map((d, i) =>
      makeArticle({ slug: `twin-${i}`, title: "Same words here", published: `${d}T08:00:00+08:00` }),
    );
    const index = await indexOf(twins);
    expect(slugs(find(index, "words"))).toEqual(["twin-1", "twin-2", "twin-0"]);
    expect(slugs(find(await indexOf(corpus), "cartel", { sort: "newest" }))).toEqual([
      "body-only",
      "asia-story",
      "in-title",
    ]);
  });

  it("highlights the matched words in the title, standfirst and snippet", async () => {
    const [hit] = find(await indexOf(corpus), "exporters").hits;
    expect(text(hit?.standfirst ?? [])).toBe("Shares in [exporters] led gains.");
    expect(text(hit?.snippet ?? [])).toBe("The cartel of [exporters] denied it.");
    expect(text(hit?.title ?? [])).toBe("Markets rise in Tokyo");
  });

  // Rowids are past 2^31: bound as a JS number (a REAL), `rowid = ?` matched every row and each hit
  // showed the first row's highlights.
  it("gives each hit its own story's highlights", async () => {
    const r = find(await indexOf(corpus), "cartel");
    expect(r.hits).toHaveLength(3);
    for (const hit of r.hits) {
      expect(hit.title.map((p) => p.text).join("")).toBe(hit.article.title);
      expect(hit.standfirst.map((p) => p.text).join("")).toBe(hit.article.standfirst);
    }
  });

  it("keeps markup in the text as text: highlights are pieces, never HTML", async () => {
    const index = await indexOf([makeArticle({ slug: "x", title: "<script>alert('cartel')</script> & co" })]);
    const [hit] = find(index, "cartel").hits;
    expect(hit?.title).toEqual([
      { text: "<script>alert('", match: false },
      { text: "cartel", match: true },
      { text: "')</script> & co", match: false },
    ]);
  });

  it("filters by section and counts matches per section", async () => {
    const index = await indexOf(corpus);
    const r = find(index, "cartel", { section: "asia" });
    expect(slugs(r)).toEqual(["asia-story"]);
    expect(r.total).toBe(1);
    expect(Object.fromEntries(r.bySection)).toEqual({ world: 2, asia: 1 });
  });

  it("pages through the results", async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      makeArticle({
        slug: `s-${i}`,
        title: `Flood ${i}`,
        published: `2026-02-${String(i + 1).padStart(2, "0")}T00:00:00Z`,
      }),
    );
    const index = await indexOf(many);
    const page3 = find(index, "flood", { sort: "newest", page: 3 });
    expect(page3.total).toBe(25);
    expect(slugs(page3)).toEqual(["s-4", "s-3", "s-2", "s-1", "s-0"]);
    expect(find(index, "flood", { page: 4 }).hits).toEqual([]);
  });

  it("follows the list it is synced to: added, replaced and removed stories", async () => {
    const index = await indexOf(corpus);
    const corrected = makeArticle({ ...corpus[1], title: "Smugglers run the border towns" });
    const added = makeArticle({
      slug: "new",
      title: "A new cartel story",
      published: "2026-01-25T08:00:00+08:00",
    });
    await index.sync([corpus[0]!, corrected, added]);
    expect(slugs(find(index, "cartel", { sort: "newest" }))).toEqual(["new", "body-only"]);
    expect(slugs(find(index, "smugglers"))).toEqual(["in-title"]);
    expect(index.size).toBe(3);
  });

  it("keeps stories published in the same millisecond apart", async () => {
    const same = Array.from({ length: 5 }, (_, i) => makeArticle({ slug: `same-${i}`, title: "Quake" }));
    const index = await indexOf(same);
    expect(find(index, "quake").total).toBe(5);
    await index.sync(same.slice(1));
    expect(slugs(find(index, "quake")).sort()).toEqual(["same-1", "same-2", "same-3", "same-4"]);
  });

  // Every expression parseQuery makes must run: none of these may throw an FTS5 syntax error.
  it("answers a hostile query corpus without an error", async () => {
    const index = await indexOf(corpus);
    const hostile = [
      '"',
      '""',
      '"""',
      'cartel"',
      '"cartel',
      "cartel*",
      "*",
      "NEAR(cartel border)",
      "NEAR(",
      "-cartel",
      "cartel -border",
      "title:cartel",
      "{title}:cartel",
      "^cartel",
      "cartel AND",
      "OR cartel",
      "NOT",
      "AND OR NOT",
      "(",
      ")",
      "((cartel",
      "cartel)",
      "'",
      "\\",
      ";",
      "--",
      "%",
      "%25",
      "%zz",
      "\u0000cartel",
      "🙂 cartel",
      "مرحبا",
      "שלום cartel",
      "x".repeat(10_240),
      "cartel ".repeat(500),
      "\ue000cartel\ue001",
      "a:b:c",
      "+",
      "cartel + border",
      "NEAR/3",
      "col : x",
      "..",
      "\u202ecartel",
    ];
    for (const q of hostile) {
      const match = parseQuery(q).match;
      if (match) expect(() => index.search(match, { sort: "relevance", page: 1, perPage: 10 })).not.toThrow();
    }
    expect(find(index, 'NEAR(cartel "border').total).toBe(0);
    expect(find(index, "cartel*").total).toBe(3);
  });

  it("finds a live story by its updates' words and names the update that matched, until it is gone", async () => {
    const update = (id: string, title: string | undefined, body: string, minute: number) => ({
      id,
      title,
      body,
      published: `2026-01-20T09:${String(minute).padStart(2, "0")}:00+08:00`,
      key: false,
      pinned: false,
      draft: false,
      corrections: [],
      file: `world/storm-live/updates/${id}.md`,
    });
    const storm = makeArticle({
      slug: "storm-live",
      title: "Storm live: the latest",
      body: "The storm reached the coast.",
      live: {
        updates: [
          update("bridge", "Bridge closed", "The harbour bridge is shut to traffic.", 20),
          update("power", undefined, "Power cuts across the north; ferries wait.", 10),
        ],
      },
    });
    const index = await indexOf([...corpus, storm]);
    const ferry = find(index, "ferries");
    expect(slugs(ferry)).toEqual(["storm-live"]);
    expect(ferry.hits[0]?.update?.id).toBe("power");
    expect(find(index, "harbour bridge").hits[0]?.update?.id).toBe("bridge");
    // Words of the story's own text: found, and no update named.
    const coast = find(index, "coast");
    expect(slugs(coast)).toEqual(["storm-live"]);
    expect(coast.hits[0]?.update).toBeUndefined();
    // Words spread over two updates match the story, not one update.
    expect(find(index, "bridge ferries").hits[0]?.update).toBeUndefined();

    // The update deleted: the story is no longer found by its words, nor is the update named.
    const after = { ...storm, live: { updates: storm.live?.updates.slice(0, 1) ?? [] } };
    await index.sync([...corpus, after]);
    expect(find(index, "ferries").total).toBe(0);
    expect(find(index, "bridge").hits[0]?.update?.id).toBe("bridge");
    // The story gone: nothing of it, nor of its updates, is left.
    await index.sync(corpus);
    expect(find(index, "bridge").total).toBe(0);
  });
});
