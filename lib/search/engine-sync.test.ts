/**
 * The index against the list it is synced to, when many stories share one publication instant (an
 * archive import) and when a write fails: after every step, search must agree with the content.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeArticle } from "@/lib/content/article.fixture";
import type { Article } from "@/lib/content/article";
import type { SearchIndex, SearchOptions } from "./engine";
import { testIndexes } from "./index.fixture";
import { parseQuery } from "./query";

const sections = ["world", "asia", "business", "tech", "sport"];
const INSTANT = "2025-06-01T00:00:00Z";
const indexes = testIndexes(sections);

const newIndex = () => indexes.newIndex();

function find(index: SearchIndex, q: string, options: Partial<SearchOptions> = {}) {
  const match = parseQuery(q).match;
  if (!match) throw new Error(`no match expression for ${q}`);
  return index.search(match, { sort: "relevance", page: 1, perPage: 10, ...options });
}

/** A word no other story has: letters only, so the tokenizer keeps it whole. */
function word(n: number): string {
  let w = "";
  for (let i = n; ; i = Math.floor(i / 26) - 1) {
    w = String.fromCharCode(97 + (i % 26)) + w;
    if (i < 26) break;
  }
  // "x" last: no suffix the porter stemmer removes (plain letters gave "zqas", stemmed to "zqa").
  return `zq${w}x`;
}

let made = 0;
/**
 * A story in the shared instant (unless told), its own word in the title, "quake" in every body, in
 * the sections in turn (unless told).
 */
function story(published = INSTANT, slug = `s-${String(made).padStart(5, "0")}`, only?: string): Article {
  const n = made++;
  const section = only ?? sections[n % sections.length] ?? "world";
  return makeArticle({
    slug,
    section: { slug: section, name: section, description: "." },
    title: `Report ${word(n)}`,
    body: "A quake was felt.",
    published,
  });
}

/** Every story findable by its own word and only it; gone stories not at all; counts and order right. */
function expectAgrees(index: SearchIndex, stories: readonly Article[], gone: readonly Article[] = []): void {
  expect(index.size).toBe(stories.length);
  for (const a of stories) {
    const r = find(index, a.title.split(" ")[1] ?? "");
    expect(
      r.hits.map((h) => h.article),
      a.slug,
    ).toEqual([a]);
  }
  for (const a of gone) expect(find(index, a.title.split(" ")[1] ?? "").total, a.slug).toBe(0);
  const all = find(index, "quake", { sort: "newest", perPage: 100 });
  expect(all.total).toBe(stories.length);
  const perSection = new Map<string, number>();
  for (const a of stories) perSection.set(a.section.slug, (perSection.get(a.section.slug) ?? 0) + 1);
  expect(Object.fromEntries(all.bySection)).toEqual(Object.fromEntries(perSection));
  // Every page of "newest", in order: each story once, publication times never going up.
  const seen: Article[] = [];
  for (let page = 1; (page - 1) * 100 < stories.length; page++) {
    seen.push(...find(index, "quake", { sort: "newest", perPage: 100, page }).hits.map((h) => h.article));
  }
  expect(new Set(seen)).toEqual(new Set(stories));
  const times = seen.map((a) => Date.parse(a.published));
  expect(times).toEqual([...times].sort((x, y) => y - x));
}

describe("SearchIndex sync", () => {
  // Issue 20, item 5: 65 stories in one millisecond made every search fail ("over 64 stories
  // published in one millisecond"), and after one was deleted search found 1 of the other 64.
  it("keeps 65 stories of one instant, and the other 64 when one is deleted", async () => {
    const index = newIndex();
    const stories = Array.from({ length: 65 }, () => story(INSTANT, undefined, "world"));
    await index.sync(stories);
    expectAgrees(index, stories);
    await index.sync(stories.slice(1));
    expectAgrees(index, stories.slice(1), stories.slice(0, 1));
  });

  it("agrees with 1,000 stories of one instant while some are deleted, re-added and replaced", async () => {
    const index = newIndex();
    let stories = Array.from({ length: 1000 }, () => story());
    await index.sync(stories);
    expectAgrees(index, stories);

    const deleted = stories.filter((_, i) => i % 10 === 3);
    stories = stories.filter((a) => !deleted.includes(a));
    await index.sync(stories);
    expectAgrees(index, stories, deleted);

    // Half the deleted come back; a hundred others are corrected (a new title word, same slug).
    const back = deleted.slice(0, 50);
    const replaced = stories.filter((_, i) => i % 9 === 0).slice(0, 100);
    const corrections = new Map(replaced.map((a) => [a, { ...story(), slug: a.slug, section: a.section }]));
    stories = [...stories.map((a) => corrections.get(a) ?? a), ...back];
    await index.sync(stories);
    expectAgrees(index, stories, [...deleted.slice(50), ...replaced]);

    // Imports into the middle, one at a time and many at once, with older and newer stories around.
    const older = story("2020-01-01T00:00:00Z");
    const newer = story("2026-01-01T00:00:00Z");
    stories = [older, ...stories, newer];
    await index.sync(stories);
    for (let i = 0; i < 40; i++) {
      stories = [...stories, story(INSTANT, `s-00500-${String(i).padStart(2, "0")}`)];
      await index.sync(stories);
    }
    stories = [...stories, ...Array.from({ length: 300 }, (_, i) => story(INSTANT, `s-00500-05-${i}`))];
    await index.sync(stories);
    expectAgrees(index, stories, [...deleted.slice(50), ...replaced]);
    expect(find(index, "quake", { sort: "newest" }).hits[0]?.article).toBe(newer);
    expect(
      find(index, "quake", { sort: "newest", page: Math.ceil(stories.length / 10) }).hits.at(-1)?.article,
    ).toBe(older);
  });

  it("leaves the index as it was when a write fails, and a later sync completes it", async () => {
    const index = newIndex();
    const first = [story(), story()];
    await index.sync(first);
    // Fails while its transaction is under way: the stories before it were already written in it.
    const broken = { ...story() };
    Object.defineProperty(broken, "title", {
      get: () => {
        throw new Error("disk gone");
      },
    });
    const more = [story(), story()];
    const gone = first[0]!;
    await expect(index.sync([first[1]!, ...more, broken])).rejects.toThrow("disk gone");
    // Whatever was committed, the maps say the same as the table.
    for (const a of [...first, ...more]) {
      const r = find(index, a.title.split(" ")[1] ?? "");
      expect(r.hits.map((h) => h.article)).toEqual(r.total ? [a] : []);
    }
    const fixed = { ...story(), slug: broken.slug };
    await index.sync([first[1]!, ...more, fixed]);
    expectAgrees(index, [first[1]!, ...more, fixed], [gone]);
  });
});

describe("the first build of a large index (server start-up)", () => {
  it("says how far it has come from the moment it starts, answers from the batches written so far, then from all", async () => {
    const index = newIndex();
    const stories = Array.from({ length: 1_600 }, (_, i) =>
      story(new Date(Date.parse(INSTANT) + i * 60_000).toISOString()),
    );
    const building = index.sync(stories, { firstBuild: true });
    // At once, before any batch is written: a search arriving now must not wait for the build.
    expect(index.progress()).toEqual({ indexed: 0, total: 1_600 });
    expect(find(index, "quake").total).toBe(0);
    const seen: number[] = [];
    while (index.progress()) {
      const { indexed } = index.progress() ?? { indexed: 0 };
      // Whatever is counted as written is found, and nothing more.
      expect(find(index, "quake").all).toBeGreaterThanOrEqual(indexed);
      seen.push(indexed);
      await new Promise((r) => setTimeout(r, 1));
    }
    await building;
    expect(seen.some((n) => n > 0 && n < 1_600)).toBe(true);
    expect(index.progress()).toBeUndefined();
    expect(find(index, "quake").all).toBe(1_600);
    // Any later large change (here, most stories withdrawn) is not "building": searches wait for it.
    const removal = index.sync(stories.slice(0, 100));
    expect(index.progress()).toBeUndefined();
    await removal;
    expect(find(index, "quake").all).toBe(100);
  });

  it("fails the sync with the writer thread's own error when that thread cannot run", async () => {
    const broken = path.join(indexes.folder(), "broken-worker.mjs");
    writeFileSync(broken, "throw new Error('no sqlite here');\n");
    const index = indexes.newIndex(broken);
    await expect(index.sync([story()])).rejects.toThrow(/index writer.*no sqlite here/);
    expect(index.size).toBe(0);
  });
});
