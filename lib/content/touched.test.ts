import { describe, expect, it } from "vitest";
import type { Article } from "./article";
import { makeArticle } from "./article.fixture";
import { indexArticles } from "./content-index";
import { relatedArticles } from "./related";
import { changedStories } from "./index-diff";
import { touchedPaths, type ShownList } from "./touched";

const t = (slug: string) => ({ name: slug, slug });
const sections = {
  world: { slug: "world", name: "World", description: "World." },
  asia: { slug: "asia", name: "Asia", description: "Asia." },
  sport: { slug: "sport", name: "Sport", description: "Sport." },
};
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, minute)).toISOString();

function story(
  slug: string,
  section: keyof typeof sections,
  topics: string[],
  minute: number,
  more: Partial<Article> = {},
) {
  return makeArticle({
    slug,
    section: sections[section],
    path: `/${section}/${slug}`,
    topics: topics.map(t),
    published: at(minute),
    ...more,
  });
}

/** A page's "Also worth reading" as the article page records it when it renders. */
function relatedList(owner: Article, articles: Article[]): ShownList {
  return {
    paths: [owner.path, `${owner.path}/summary`],
    slugs: relatedArticles(owner, indexArticles(articles), 4).map((a) => a.slug),
    source: { kind: "related", slug: owner.slug, limit: 4 },
  };
}

// Two neighbourhoods that share nothing: world/mexico and sport/tennis, five stories each, so each
// story's list of four is filled from its own topic.
const world = [1, 2, 3, 4, 5].map((i) => story(`mexico-${i}`, "world", ["mexico"], i));
const sport = [1, 2, 3, 4, 5].map((i) => story(`tennis-${i}`, "sport", ["tennis"], 10 + i));
const base = [...world, ...sport];
function pick(list: Article[], i: number): Article {
  const found = list[i];
  if (!found) throw new Error(`no story ${i}`);
  return found;
}
const a = pick(world, 0);
const w4 = pick(world, 3);
const b = pick(sport, 0);

/** The paths, where the change was not wide enough to refresh everything. */
function touched(before: Article[], after: Article[], shown: ShownList[] = []): string[] {
  const paths = touchedPaths(indexArticles(before), indexArticles(after), shown);
  if (paths === "everything") throw new Error("expected a list of paths, got everything");
  return paths;
}

function replace(list: Article[], next: Article): Article[] {
  return list.map((x) => (x.slug === next.slug ? next : x));
}

describe("touchedPaths", () => {
  it("a body correction touches the story's pages and listings, not a story elsewhere", () => {
    const corrected = { ...a, body: "Body, corrected.", updated: at(30) };
    const after = replace(base, corrected);
    const paths = touched(base, after, [relatedList(b, base)]);
    expect(paths).toEqual(
      expect.arrayContaining([
        a.path,
        `${a.path}/summary`,
        `/fast/${a.slug}`,
        `/og/article/${a.slug}`,
        `/og/fast/${a.slug}`,
        "/",
        "/world",
        "/world/feed.xml",
        "/topic/mexico",
        "/fast",
        "/feed.xml",
        "/sitemap.xml",
        "/sitemaps/0.xml",
        "/news-sitemap.xml",
      ]),
    );
    expect(paths).not.toContain(b.path);
    expect(paths).not.toContain("/sport");
    expect(paths).not.toContain("/topic/tennis");
  });

  it("a body correction leaves the lists that show the story alone; a new headline refreshes them", () => {
    const shown = [relatedList(w4, base)];
    expect(shown[0]?.slugs).toContain(a.slug);
    const corrected = touched(base, replace(base, { ...a, body: "New." }), shown);
    expect(corrected).not.toContain(w4.path);
    const retitled = touched(base, replace(base, { ...a, title: "New" }), shown);
    expect(retitled).toEqual(expect.arrayContaining([w4.path, `${w4.path}/summary`]));
    expect(retitled).not.toContain(b.path);
  });

  it("a new story on a topic joins that topic's lists and refreshes them; other lists stay", () => {
    const fresh = story("mexico-new", "world", ["mexico"], 50);
    const shown = [relatedList(w4, base), relatedList(b, base)];
    const paths = touched(base, [...base, fresh], shown);
    expect(relatedArticles(w4, indexArticles([...base, fresh]), 4).map((x) => x.slug)).toContain(fresh.slug);
    expect(paths).toContain(w4.path);
    expect(paths).not.toContain(b.path);
  });

  it("a list topped up from the site's newest is made again for any change", () => {
    const lonely = story("lonely", "asia", ["chess"], 5);
    const all = [...base, lonely];
    const shown = [relatedList(lonely, all)];
    const fresh = story("tennis-new", "sport", ["tennis"], 50);
    expect(touched(all, [...all, fresh], shown)).toContain(lonely.path);
  });

  it("a removed story's pages, listings and the lists that showed it", () => {
    const shown = [relatedList(w4, base)];
    const after = base.filter((x) => x !== a);
    const paths = touched(base, after, shown);
    expect(paths).toEqual(
      expect.arrayContaining([a.path, `/fast/${a.slug}`, "/world", "/topic/mexico", w4.path]),
    );
  });

  it("a story moved to another section and topic refreshes the old listings and the new", () => {
    const moved = { ...a, section: sections.asia, path: `/asia/${a.slug}`, topics: [t("chess")] };
    const paths = touched(base, replace(base, moved));
    expect(paths).toEqual(
      expect.arrayContaining(["/world", "/asia", "/topic/mexico", "/topic/chess", a.path, moved.path]),
    );
  });

  it("a 'Read also' naming the story: refreshed for a new headline, not for a new body", () => {
    const fixed: ShownList = { paths: [b.path], slugs: [a.slug], source: { kind: "fixed" } };
    const body = touched(base, replace(base, { ...a, body: "x" }), [fixed]);
    expect(body).not.toContain(b.path);
    const title = touched(base, replace(base, { ...a, title: "x" }), [fixed]);
    expect(title).toContain(b.path);
  });

  it("FAST: the cards whose window may hold the changed card, not the whole deck", () => {
    const deck = Array.from({ length: 100 }, (_, i) => story(`card-${i}`, "sport", ["tennis"], i));
    // Newest first: card-99 is position 0, card-49 position 50.
    const changed = deck.find((x) => x.slug === "card-49");
    if (!changed) throw new Error("no card-49");
    const paths = touched(deck, replace(deck, { ...changed, body: "x" }));
    const cards = paths.filter((p) => p.startsWith("/fast/")).length;
    expect(cards).toBe(61);
    expect(paths).toContain("/fast/card-20");
    expect(paths).not.toContain("/fast/card-99");
    expect(paths).not.toContain("/fast/card-0");
  });

  it("FAST: the window counts cards only, past stories without one", () => {
    // Every other story has no card: the 30 cards either side of card-49 reach 60 stories each way.
    const mixed = Array.from({ length: 200 }, (_, i) =>
      story(i % 2 ? `plain-${i}` : `card-${i / 2}`, "sport", ["tennis"], i, i % 2 ? { summary: [] } : {}),
    );
    const changed = mixed.find((x) => x.slug === "card-49");
    if (!changed) throw new Error("no card-49");
    const paths = touched(mixed, replace(mixed, { ...changed, body: "x" }));
    const cards = paths.filter((p) => p.startsWith("/fast/"));
    expect(cards).toHaveLength(61);
    expect(cards).toEqual(expect.arrayContaining(["/fast/card-19", "/fast/card-79"]));
    expect(cards).not.toContain("/fast/card-18");
    expect(cards).not.toContain("/fast/card-80");
    expect(cards.some((p) => p.includes("plain"))).toBe(false);
  });

  it("a short list is made again for a new story anywhere (it may now have room for it)", () => {
    const few = [1, 2, 3].map((i) => story(`few-${i}`, "world", ["mexico"], i));
    const owner = pick(few, 0);
    const shown = [relatedList(owner, few)];
    expect(shown[0]?.slugs).toHaveLength(2);
    const fresh = story("sport-new", "sport", ["tennis"], 50);
    expect(touched(few, [...few, fresh], shown)).toContain(owner.path);
  });

  it("a section with no public story (it shows the site's newest) is refreshed by any change", () => {
    const paths = touched(base, replace(base, { ...a, body: "x" }));
    expect(paths).toContain("/asia");
    expect(paths).not.toContain("/sport");
  });

  it("a change too wide to follow list by list refreshes everything", () => {
    const many = Array.from({ length: 1_200 }, (_, i) => story(`m-${i}`, "world", ["mexico"], i % 60));
    const shown = many.map((x) => ({
      paths: [x.path],
      slugs: ["m-0", "m-1", "m-2", "m-3"],
      source: { kind: "related" as const, slug: x.slug, limit: 4 },
    }));
    const fresh = story("mexico-new", "world", ["mexico"], 59);
    expect(touchedPaths(indexArticles(many), indexArticles([...many, fresh]), shown)).toBe("everything");
  });

  it("a live story's new update refreshes its older pages of updates too", () => {
    const update = (i: number) => ({
      id: `u${i}`,
      published: at(i),
      key: false,
      pinned: false,
      draft: false,
      corrections: [],
      body: "Text.",
      file: `world/storm/updates/u${i}.md`,
    });
    const storm = story("storm", "world", ["weather"], 1, {
      live: { updates: Array.from({ length: 45 }, (_, i) => update(i)).reverse() },
    });
    const next = { ...storm, live: { updates: [update(50), ...(storm.live?.updates ?? [])] } };
    const paths = touched([...base, storm], [...base, next]);
    expect(paths).toEqual(
      expect.arrayContaining(["/world/storm", "/world/storm/page/2", "/world/storm/page/3"]),
    );
    expect(paths).not.toContain("/world/storm/page/4");
  });

  it("nothing readers see changed: nothing to refresh", () => {
    expect(touched(base, [...base])).toEqual([]);
    expect(changedStories(indexArticles(base), indexArticles([...base]))).toEqual([]);
  });
});
