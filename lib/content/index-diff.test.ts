import { describe, expect, it } from "vitest";
import type { Article } from "./article";
import { makeArticle } from "./article.fixture";
import { indexArticles, type ContentIndex } from "./content-index";
import { changedStories } from "./index-diff";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, minute)).toISOString();
/** Stories two to a minute, so ties (broken by slug) are part of every walk. */
const base = Array.from({ length: 40 }, (_, i) =>
  makeArticle({ slug: `s-${String(i).padStart(2, "0")}`, published: at(Math.floor(i / 2)) }),
);

const summary = (before: ContentIndex, after: ContentIndex) =>
  changedStories(before, after)
    .map((c) => `${c.slug}:${c.before ? "b" : ""}${c.after ? "a" : ""}`)
    .sort();

describe("changedStories", () => {
  it("is empty for the same stories, even in a new index", () => {
    expect(changedStories(indexArticles(base), indexArticles([...base]))).toEqual([]);
  });

  it("names a story added among stories of its own minute, and nothing else", () => {
    const fresh = makeArticle({ slug: "s-10-b", published: at(5) });
    expect(summary(indexArticles(base), indexArticles([...base, fresh]))).toEqual(["s-10-b:a"]);
  });

  it("names removed stories (first, middle and last), and re-read ones with both versions", () => {
    const first = base[0]!;
    const middle = base[17]!;
    const last = base[39]!;
    const reread = base[22]!;
    const moved = base[30]!;
    const after = [
      ...base.filter((a) => ![first, middle, last, reread, moved].includes(a)),
      { ...reread, title: "Corrected" },
      { ...moved, published: at(90) },
    ];
    const changes = changedStories(indexArticles(base), indexArticles(after));
    expect(changes.map((c) => `${c.slug}:${c.before ? "b" : ""}${c.after ? "a" : ""}`).sort()).toEqual(
      [
        `${first.slug}:b`,
        `${middle.slug}:b`,
        `${last.slug}:b`,
        `${reread.slug}:ba`,
        `${moved.slug}:ba`,
      ].sort(),
    );
    const corrected = changes.find((c) => c.slug === reread.slug);
    expect(corrected?.before).toBe(reread);
    expect(corrected?.after?.title).toBe("Corrected");
  });

  it("gives the same answer for lists out of the index's order", () => {
    const fresh = makeArticle({ slug: "new", published: at(3) });
    const shuffled = (list: Article[]): ContentIndex => ({
      ...indexArticles(list),
      articles: [...list].reverse(),
    });
    expect(summary(shuffled(base), shuffled([...base.slice(1), fresh]))).toEqual(["new:a", "s-00:b"]);
  });
});
