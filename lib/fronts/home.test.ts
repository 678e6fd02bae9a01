import { describe, expect, it } from "vitest";
import { makeArticle } from "@/lib/content/article.fixture";
import type { Article } from "@/lib/content/article";
import { siteConfig } from "@/lib/config/site";
import type { Front, FrontRef } from "./front";
import { HOME_TOP, homeStories, sectionFront } from "./home";

const sections = siteConfig.sections;
const sectionOf = (slug: string) => sections.find((s) => s.slug === slug) ?? sections[0]!;

/** 30 stories, newest first, round the sections: s-0 (world), s-1 (asia), … */
const articles: Article[] = Array.from({ length: 30 }, (_, i) => {
  const section = sectionOf(sections[i % sections.length]!.slug);
  return makeArticle({ slug: `s-${i}`, section, path: `/${section.slug}/s-${i}` });
});
const stories = { articles, bySlug: new Map(articles.map((a) => [a.slug, a])) };
const pool = (slug: string) => articles.filter((a) => a.section.slug === slug);
const ref = (name: string, line = 1): FrontRef => {
  const [section = "", slug = ""] = name.split("/");
  return { section, slug, line };
};
const front = (f: Partial<Front>): Front => ({ name: "home", label: "fronts/home.md", top: [], ...f });
const slugs = (list: readonly Article[]) => list.map((a) => a.slug);

describe("homeStories", () => {
  it("without a front: the newest leads, the next six are the top stories, every section has a block", () => {
    const page = homeStories({ stories, sectionFronts: new Map(), sections, sectionPool: pool });
    expect(page.lead?.slug).toBe("s-0");
    expect(slugs(page.top)).toEqual(["s-1", "s-2", "s-3", "s-4", "s-5", "s-6"]);
    // Latest: the newest not already above.
    expect(slugs(page.latest)).toEqual(slugs(articles.slice(7, 17)));
    expect(page.sections.map((b) => b.section.slug)).toEqual(sections.map((s) => s.slug));
    // Blocks leave out what the upper part shows: world's newest not on top is s-10.
    expect(slugs(page.sections[0]!.stories)).toEqual(["s-10", "s-15", "s-20", "s-25"]);
    expect(page.skipped).toEqual([]);
  });

  it("puts the front's lead and top stories first and fills the rest newest first, sections in its order", () => {
    const page = homeStories({
      stories,
      home: front({
        lead: ref("asia/s-21"),
        top: [ref("sport/s-29"), ref("world/s-0")],
        sections: ["sport", "asia"],
      }),
      sectionFronts: new Map(),
      sections,
      sectionPool: pool,
    });
    expect(page.lead?.slug).toBe("s-21");
    expect(slugs(page.top)).toEqual(["s-29", "s-0", "s-1", "s-2", "s-3", "s-4"]);
    expect(page.sections.map((b) => b.section.slug)).toEqual(["sport", "asia", "world", "business", "tech"]);
  });

  it("skips a slot naming a story that is not public, in another section, or named twice, and says where", () => {
    const page = homeStories({
      stories,
      home: front({
        lead: ref("world/gone", 2),
        top: [ref("world/s-1", 3), ref("asia/s-1", 4), ref("asia/s-1", 5)],
      }),
      sectionFronts: new Map(),
      sections,
      sectionPool: pool,
    });
    expect(page.lead?.slug).toBe("s-0");
    expect(page.top).toHaveLength(HOME_TOP);
    expect(page.top[0]?.slug).toBe("s-1");
    expect(page.skipped.map((s) => `${s.file}:${s.line} ${s.name}`)).toEqual([
      "fronts/home.md:2 world/gone",
      "fronts/home.md:3 world/s-1",
      "fronts/home.md:5 asia/s-1",
    ]);
  });

  it("a section block follows its section front", () => {
    const world = front({
      name: "world",
      label: "fronts/world.md",
      lead: ref("world/s-25"),
      top: [ref("world/s-20")],
    });
    const page = homeStories({
      stories,
      sectionFronts: new Map([["world", world]]),
      sections,
      sectionPool: pool,
    });
    expect(slugs(page.sections[0]!.stories)).toEqual(["s-25", "s-20", "s-10", "s-15"]);
  });
});

describe("sectionFront", () => {
  it("leads with the front's lead and lists the rest of the section newest first, each story once", () => {
    const world = front({
      name: "world",
      label: "fronts/world.md",
      lead: ref("world/s-20"),
      top: [ref("world/s-25")],
    });
    const page = sectionFront(world, stories, pool("world"));
    expect(page.lead?.slug).toBe("s-20");
    // Up to six top stories, as many as a front may name.
    expect(slugs(page.top)).toEqual(["s-25", "s-0", "s-5", "s-10", "s-15"]);
    expect(slugs(page.rest)).toEqual([]);
  });

  it("with no front, is the section newest first", () => {
    const page = sectionFront(undefined, stories, pool("asia"));
    expect(slugs([page.lead!, ...page.top, ...page.rest])).toEqual(slugs(pool("asia")));
  });
});

describe("homeStories: section blocks", () => {
  it("a block never repeats the home page's lead, even when its section front names it", () => {
    const world = front({ name: "world", label: "fronts/world.md", lead: ref("world/s-0") });
    const page = homeStories({
      stories,
      sectionFronts: new Map([["world", world]]),
      sections,
      sectionPool: pool,
    });
    expect(page.lead?.slug).toBe("s-0");
    expect(slugs(page.sections[0]!.stories)).toEqual(["s-10", "s-15", "s-20", "s-25"]);
  });
});

describe("homeStories: a story in one block only", () => {
  it("a section front naming another section's story does not show it in two blocks", () => {
    const world = front({ name: "world", label: "fronts/world.md", lead: ref("asia/s-11") });
    const page = homeStories({
      stories,
      sectionFronts: new Map([["world", world]]),
      sections,
      sectionPool: pool,
    });
    const all = page.sections.flatMap((b) => slugs(b.stories));
    expect(all.filter((s) => s === "s-11")).toHaveLength(1);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("homeStories on a young site", () => {
  it("a section whose stories are all shown above still has its block", () => {
    const few = articles.slice(0, 8);
    const small = { articles: few, bySlug: new Map(few.map((a) => [a.slug, a])) };
    const page = homeStories({
      stories: small,
      sectionFronts: new Map(),
      sections,
      sectionPool: (slug) => few.filter((a) => a.section.slug === slug),
    });
    expect(page.sections.map((b) => b.section.slug)).toEqual(sections.map((s) => s.slug));
    // Sport's only stories are s-4 (top) and nothing else: shown again in its block.
    expect(slugs(page.sections.find((b) => b.section.slug === "sport")!.stories)).toEqual(["s-4"]);
  });
});
