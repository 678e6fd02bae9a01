import { describe, expect, it } from "vitest";
import type { Article, LiveUpdate } from "./article";
import { makeArticle } from "./article.fixture";
import { indexArticles } from "./content-index";
import { publicView } from "./public-view";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const hour = (h: number) => new Date(NOW + h * 3_600_000).toISOString();
const hero = (url: string) => ({ ...makeArticle().hero, url });

function update(id: string, published: string): LiveUpdate {
  return {
    id,
    published,
    key: false,
    pinned: false,
    draft: false,
    corrections: [],
    body: "Text.",
    file: `u/${id}.md`,
  };
}

const older = makeArticle({ slug: "older", published: hour(-5), hero: hero("/media/1/shared.jpg") });
const newer = makeArticle({ slug: "newer", published: hour(-1), hero: hero("/media/2/newer.jpg") });
const media = (list: Article[]) => new Map(list.map((a) => [a.hero.url, `/files${a.hero.url}`]));

describe("publicView", () => {
  it("is the index itself when nothing is hidden and nothing is live", () => {
    const index = indexArticles([older, newer], media([older, newer]));
    expect(publicView(index, NOW)).toBe(index);
  });

  it("leaves out drafts and scheduled stories, keeps the order, and shows a story from its time on", () => {
    const draft = makeArticle({
      slug: "draft",
      published: hour(-3),
      draft: true,
      hero: hero("/media/3/d.jpg"),
    });
    // Shares its photo with "older": the photo stays served.
    const scheduled = makeArticle({
      slug: "scheduled",
      published: hour(2),
      hero: hero("/media/1/shared.jpg"),
    });
    const index = indexArticles([older, draft, newer, scheduled], media([older, draft, newer]));
    const now = publicView(index, NOW);
    expect(now.articles.map((a) => a.slug)).toEqual(["newer", "older"]);
    expect([...now.bySlug.keys()].sort()).toEqual(["newer", "older"]);
    expect([...now.media.keys()].sort()).toEqual(["/media/1/shared.jpg", "/media/2/newer.jpg"]);
    // Asked again later, past the scheduled time (the gate worked out at NOW must not be reused).
    const later = publicView(index, Date.parse(hour(2)));
    expect(later.articles.map((a) => a.slug)).toEqual(["scheduled", "newer", "older"]);
    expect(publicView(index, Date.parse(hour(1))).articles.map((a) => a.slug)).toEqual(["newer", "older"]);
  });

  it("shows a live story's updates once they are out, with nothing hidden among the stories", () => {
    const live = makeArticle({
      slug: "live",
      published: hour(-4),
      live: { updates: [update("b", hour(1)), update("a", hour(-2))] },
    });
    const index = indexArticles([older, live, newer], media([older, newer]));
    const now = publicView(index, NOW);
    expect(now.articles.map((a) => a.slug)).toEqual(["newer", "live", "older"]);
    expect(now.bySlug.get("live")?.live?.updates.map((u) => u.id)).toEqual(["a"]);
    expect(now.media).toBe(index.media);
    const later = publicView(index, Date.parse(hour(1)));
    expect(later.bySlug.get("live")?.live?.updates.map((u) => u.id)).toEqual(["b", "a"]);
  });
});
