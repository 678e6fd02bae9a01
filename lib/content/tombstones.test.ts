import { describe, expect, it } from "vitest";
import { makeArticle } from "./article.fixture";
import { indexArticles } from "./content-index";
import { storyPathSlug, tombstoneFor, updateTombstones, type Tombstones } from "./tombstones";

const NOW = Date.parse("2026-06-01T00:00:00Z");
const index = (...slugs: string[]) => indexArticles(slugs.map((slug) => makeArticle({ slug })));
const none: Tombstones = new Map();

describe("tombstones", () => {
  it("records a public story whose file went, and forgets it when it comes back", () => {
    const gone = updateTombstones(none, index("a", "b"), index("a"), NOW);
    expect([...gone.keys()]).toEqual(["b"]);
    expect(gone.get("b")).toEqual({ section: "world", slug: "b", removedAt: NOW });
    expect(updateTombstones(gone, index("a"), index("a", "b"), NOW).size).toBe(0);
  });

  it("does not record a story that was never public (a draft or a scheduled one deleted)", () => {
    const before = indexArticles([
      makeArticle({ slug: "draft", draft: true }),
      makeArticle({ slug: "later", published: "2027-01-01T00:00:00Z" }),
    ]);
    expect(updateTombstones(none, before, index(), NOW).size).toBe(0);
  });

  it("keeps only the newest removals past its limit", () => {
    let stones = none;
    for (const slug of ["a", "b", "c", "d"]) stones = updateTombstones(stones, index(slug), index(), NOW, 3);
    expect([...stones.keys()]).toEqual(["b", "c", "d"]);
  });

  it("reads story, summary-view and card paths, and nothing else", () => {
    expect(storyPathSlug("/world/a")).toEqual({ kind: "story", section: "world", slug: "a" });
    expect(storyPathSlug("/world/a/summary")).toEqual({ kind: "story", section: "world", slug: "a" });
    expect(storyPathSlug("/fast/a")).toEqual({ kind: "card", slug: "a" });
    expect(storyPathSlug("/world/a/page/2")).toEqual({
      kind: "story",
      section: "world",
      slug: "a",
      page: "2",
    });
    expect(storyPathSlug("/w%6frld/%61")).toEqual({ kind: "story", section: "world", slug: "a" });
    expect(storyPathSlug("/world/%E0%A4%A")).toEqual({ kind: "story", section: "world", slug: "%E0%A4%A" });
    for (const other of [
      "/",
      "/world",
      "/world/feed.xml",
      "/world/a/other",
      "/world/a/summary/x",
      "/world/a/page",
      "/world/a/page/2/x",
      "/world/a/other/2",
      "/fast/a/b",
    ]) {
      expect(storyPathSlug(other), other).toBeUndefined();
    }
  });

  it("names a story, its summary view and its FAST card, and nothing else", () => {
    const stones = updateTombstones(none, index("gone-story"), index(), NOW);
    const at = (path: string) => {
      const named = storyPathSlug(path);
      return named && tombstoneFor(stones, named);
    };
    expect(at("/world/gone-story")?.slug).toBe("gone-story");
    expect(at("/world/gone-story/summary")?.slug).toBe("gone-story");
    expect(at("/fast/gone-story")?.slug).toBe("gone-story");
    expect(at("/world/gone-story/page/2")?.slug).toBe("gone-story");
    for (const other of [
      "/asia/gone-story",
      "/world/gone-story/other",
      "/world/another",
      "/topic/gone-story",
    ]) {
      expect(at(other), other).toBeFalsy();
    }
  });
});
