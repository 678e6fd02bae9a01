import { describe, expect, it } from "vitest";
import type { Article, LiveUpdate, Topic } from "./article";
import { makeArticle } from "./article.fixture";
import { newBody } from "./body";
import { indexEntries, type ContentIndex } from "./content-index";
import type { AnyEntry, ContentEntry, UpdateEntry } from "./entries";
import { publicationGate } from "./public";
import { reindexEntries } from "./reindex";
import { relatedArticles } from "./related";

const NAMES = ["Floods", "floods", "Mexico", "Trade", "Elections", "Heat wave", "Rail", "Ports", "Tennis"];
const slugOf = (name: string) => name.toLowerCase().replace(/ /g, "-");

/** `copy`: which of several files holding the same photo (one URL, its bytes' hash) the story uses. */
function entry(dir: number, file: string, article: Article, copy = 0): ContentEntry {
  return {
    kind: "story",
    key: `${dir}:${file}`,
    dir: `/content-${dir}`,
    file,
    label: `content-${dir}/${file}`,
    article,
    body: newBody(article.body),
    mediaFile: `/files-${copy}${article.hero.url}`,
    bodyMedia: new Map(article.photos.map((p) => [p.url, `/files-${copy}${p.url}`])),
    images: [],
    mtimeMs: 0,
    ctimeMs: 0,
    size: 0,
    ino: 0,
  };
}

/** An update of the live story whose index.md has key `parent` (folder 0). */
function updateEntry(parent: string, id: string, more: Partial<LiveUpdate> = {}): UpdateEntry {
  const file = `${parent.slice(2, -"index.md".length)}updates/${id}.md`;
  return {
    kind: "update",
    key: `0:${file}`,
    dir: "/content-0",
    file,
    label: `content-0/${file}`,
    parent,
    update: {
      id,
      published: new Date(NOW).toISOString(),
      key: false,
      pinned: false,
      draft: false,
      corrections: [],
      body: `Update ${id}.`,
      file,
      ...more,
    },
    mtimeMs: 0,
    ctimeMs: 0,
    size: 0,
    ino: 0,
  };
}

/** A seeded walk of changes: stories added, corrected, re-timed, re-topiced, deleted. */
function walk(seed: number) {
  let state = seed;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  let made = 0;
  const story = (slug = `s-${made++}`, more: Partial<Article> = {}): Article => {
    // A third share no topic with any other story: their related stories are their section's newest.
    const names = random() < 0.33 ? [`Solo ${made}`] : [pick(NAMES) ?? "Floods", pick(NAMES) ?? "Floods"];
    const topics: Topic[] = names.map((name) => ({ name, slug: slugOf(name) }));
    const section = pick(["world", "asia"]) ?? "world";
    return makeArticle({
      slug,
      title: `Story ${made}`,
      // 40 distinct times, so ties (broken by slug) are common; one in 40 after NOW (scheduled).
      published: new Date(Date.UTC(2026, 0, 1, Math.floor(random() * 40))).toISOString(),
      draft: random() < 0.01,
      section: { slug: section, name: section, description: "." },
      path: `/${section}/${slug}`,
      topics: topics.filter((t, i) => topics.findIndex((o) => o.slug === t.slug) === i),
      hero: { ...makeArticle().hero, url: `/media/${Math.floor(random() * 10)}/photo.jpg` },
      photos:
        random() < 0.2
          ? [{ src: "images/p.jpg", url: `/media/body-${made}/p.jpg`, width: 800, height: 600 }]
          : [],
      ...more,
    });
  };
  return { random, pick, story };
}

/** Stories of the last hour (39) are scheduled at NOW; the rest are out. */
const NOW = Date.UTC(2026, 0, 1, 38, 30);

function expectSame(made: ContentIndex, full: ContentIndex, entries: ReadonlyMap<string, AnyEntry>): void {
  expect(made.articles.map((a) => a.slug)).toEqual(full.articles.map((a) => a.slug));
  expect(made.articles.every((a, i) => a === full.articles[i])).toBe(true);
  const sorted = <V>(m: ReadonlyMap<string, V>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  expect(sorted(made.bySlug)).toEqual(sorted(full.bySlug));
  // In order: the search page suggests the first topics.
  expect([...made.topics.entries()]).toEqual([...full.topics.entries()]);
  // The same URLs, each mapped to a file a story shows it from now (copies are equally good).
  expect([...made.media.keys()].sort()).toEqual([...full.media.keys()].sort());
  const shownFrom = new Map<string, Set<string>>();
  for (const e of entries.values()) {
    if (e.kind !== "story") continue;
    for (const [url, file] of [[e.article.hero.url, e.mediaFile], ...e.bodyMedia]) {
      shownFrom.set(url ?? "", (shownFrom.get(url ?? "") ?? new Set()).add(file ?? ""));
    }
  }
  for (const [url, file] of made.media) expect(shownFrom.get(url)?.has(file), url).toBe(true);
  // What is carried from the index before (a copy of the list has no gate or lists of its own yet).
  const fresh = { ...full, articles: [...full.articles] };
  expect(publicationGate(made.articles, NOW)).toEqual(publicationGate(fresh.articles, NOW));
  for (const a of full.articles) {
    const slugs = (index: ContentIndex) => relatedArticles(a, index).map((r) => r.slug);
    expect(slugs(made), a.slug).toEqual(slugs(fresh));
  }
}

/** A step's changes to `entries`, with each changed key's entry before the step. */
function changes(entries: Map<string, AnyEntry>) {
  const before = new Map<string, AnyEntry | undefined>();
  const change = (key: string, next: AnyEntry | undefined) => {
    if (!before.has(key)) before.set(key, entries.get(key));
    if (next) entries.set(key, next);
    else entries.delete(key);
  };
  return { before, change };
}

/** The index after a step, incrementally (when the last build had no problem) and in full, compared. */
function compared(
  built: { index: ContentIndex; problems: readonly { message: string }[] },
  entries: ReadonlyMap<string, AnyEntry>,
  before: ReadonlyMap<string, AnyEntry | undefined>,
) {
  const next = built.problems.length === 0 ? reindexEntries(built.index, entries, before, NOW) : undefined;
  const full = indexEntries(entries.values());
  if (next) {
    expectSame(next.index, full.index, entries);
    expect(next.problems.map((p) => p.message)).toEqual(full.problems.map((p) => p.message));
  }
  return { next, full };
}

describe("reindexEntries", () => {
  it(
    "agrees with a full build after every step of 400 random changes, and takes the short path for plain ones",
    { timeout: 60_000 },
    () => {
      const { random, pick, story } = walk(11);
      const entries = new Map<string, AnyEntry>();
      for (let i = 0; i < 60; i++) {
        const e = entry(i % 2, `world/f-${i}.md`, story());
        entries.set(e.key, e);
      }
      let built = indexEntries(entries.values());
      let plain = 0;
      for (let step = 0; step < 400; step++) {
        const { before, change } = changes(entries);
        const stories = () => [...entries.values()].filter((e): e is ContentEntry => e.kind === "story");
        for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
          const r = random();
          const some = pick(stories());
          if (r < 0.3 || !some) {
            const e = entry(
              Math.floor(random() * 2),
              `world/n-${step}-${n}.md`,
              story(),
              Math.floor(random() * 2),
            );
            change(e.key, e);
          } else if (r < 0.55) {
            // Corrected in place: same slug, new text, sometimes a new time, topics or photo.
            const fresh = story(
              some.article.slug,
              random() < 0.5 ? { published: some.article.published } : {},
            );
            const copy = Math.floor(random() * 2);
            change(some.key, entry(Number(some.key[0]), some.file, { ...fresh, title: "Corrected" }, copy));
          } else if (r < 0.8) {
            change(some.key, undefined);
          } else if (r < 0.84) {
            // Another file takes a slug already in use: a problem, for the full build to name.
            change(`1:world/dup-${step}.md`, entry(1, `world/dup-${step}.md`, story(some.article.slug)));
          } else if (r < 0.9) {
            // ...until the editor deletes the extra files.
            for (const key of [...entries.keys()]) if (key.includes("/dup-")) change(key, undefined);
          } else if (r < 0.95) {
            change(
              some.key,
              entry(Number(some.key[0]), some.file, { ...some.article, live: { updates: [] } }),
            );
          } else {
            // A story's file renamed: the same article read from another file.
            change(some.key, undefined);
            const moved = entry(Number(some.key[0]), `${some.file}.renamed.md`, story(some.article.slug));
            change(moved.key, moved);
          }
        }
        const { next, full } = compared(built, entries, before);
        if (next) {
          if (next.plain) plain++;
        }
        built = next ?? full;
      }
      expect(plain).toBeGreaterThan(50);
    },
  );

  it(
    "agrees with a full build while live stories get, edit and lose updates, among plain changes",
    { timeout: 60_000 },
    () => {
      const { random, pick, story } = walk(23);
      const entries = new Map<string, AnyEntry>();
      const add = (e: AnyEntry) => entries.set(e.key, e);
      for (let i = 0; i < 30; i++) add(entry(0, `world/f-${i}.md`, story()));
      const liveKeys = [0, 1, 2].map((k) => {
        const e = entry(
          0,
          `world/live-${k}/index.md`,
          story(`live-${k}`, { live: { updates: [] }, draft: false }),
        );
        add(e);
        return e.key;
      });
      const update = (parent: string, id: string): UpdateEntry =>
        updateEntry(parent, id, {
          // Mostly out by NOW, one in eight scheduled after it.
          published: new Date(NOW - 3_600_000 * (random() * 8 - 1)).toISOString(),
          key: random() < 0.3,
          pinned: random() < 0.1,
          draft: random() < 0.05,
        });
      let built = indexEntries(entries.values());
      let plainLive = 0;
      for (let step = 0; step < 300; step++) {
        const { before, change } = changes(entries);
        const parent = pick(liveKeys) ?? "";
        const updates = [...entries.values()].filter((e): e is UpdateEntry => e.kind === "update");
        const r = random();
        let live = true;
        if (r < 0.45) {
          const u = update(parent, `u-${step}`);
          change(u.key, u);
        } else if (r < 0.6) {
          const u = pick(updates);
          if (u) change(u.key, { ...u, update: { ...u.update, body: "Edited.", pinned: false } });
        } else if (r < 0.7) {
          const u = pick(updates);
          if (u) change(u.key, undefined);
        } else if (r < 0.78) {
          // The live story itself corrected: its end set (past or ahead), moved, kept or taken away.
          const e = entries.get(parent);
          if (e?.kind === "story" && e.article.live) {
            const end = random();
            const ended =
              end < 0.3
                ? e.article.live.ended
                : end < 0.6
                  ? undefined
                  : new Date(NOW + 3_600_000 * (random() * 4 - 2)).toISOString();
            const article = { ...e.article, title: `Live, ${step}`, live: { ...e.article.live, ended } };
            change(parent, entry(0, e.file, article));
          }
        } else if (r < 0.8) {
          // An update for a story that is not live: a problem the full build names.
          const plainStory = pick([...entries.values()].filter((e) => e.kind === "story" && !e.article.live));
          if (plainStory) {
            const u = update(plainStory.key.replace(/[^/]+$/, "index.md"), `stray-${step}`);
            change(u.key, { ...u, parent: plainStory.key });
          }
        } else if (r < 0.85) {
          // ...and the editor removes strays and extra pins.
          for (const u of updates) {
            if (u.update.id.startsWith("stray-")) change(u.key, undefined);
            else if (u.update.pinned) change(u.key, { ...u, update: { ...u.update, pinned: false } });
          }
        } else {
          live = false;
          const e = entry(1, `world/n-${step}.md`, story());
          change(e.key, e);
        }
        const { next, full } = compared(built, entries, before);
        if (next) {
          for (const a of full.index.articles.filter((x) => x.live)) {
            expect(next.index.bySlug.get(a.slug)?.live).toEqual(a.live);
          }
          if (next.plain && live) plainLive++;
        }
        built = next ?? full;
      }
      expect(plainLive).toBeGreaterThan(100);
    },
  );

  // Review of 83f9dd0: a story that is not live and an update of it in one batch (a new folder
  // synced whole) took the short path and named nothing.
  it("names an update of a story that is not live when both come in one batch, the story new or corrected", () => {
    const { story } = walk(13);
    const a = entry(0, "world/a.md", story("a"));
    const entries = new Map<string, AnyEntry>([[a.key, a]]);
    const { index } = indexEntries(entries.values());
    const plainStory = entry(0, "world/l/index.md", story("l", { live: undefined }));
    const u = updateEntry(plainStory.key, "first");
    const { before, change } = changes(entries);
    change(plainStory.key, plainStory);
    change(u.key, u);
    const next = reindexEntries(index, entries, before, NOW);
    expect(next.plain).toBe(false);
    expect(next.problems.map((p) => p.message)).toEqual([
      "is an update of a story that is not live: add live: true to its index.md",
    ]);
    // Corrected in the same batch as an update arrives: the same.
    const only = new Map<string, AnyEntry>([[plainStory.key, plainStory]]);
    const built = indexEntries(only.values());
    const step = changes(only);
    step.change(plainStory.key, entry(0, "world/l/index.md", { ...plainStory.article, title: "Corrected" }));
    step.change(u.key, u);
    expect(reindexEntries(built.index, only, step.before, NOW).problems).toHaveLength(1);
  });

  it("carries the public gate: a scheduled story added hides, and its removal shows all again", () => {
    const { story } = walk(5);
    const out = (slug: string) =>
      story(slug, { published: new Date(NOW - 3_600_000).toISOString(), draft: false });
    const entries = new Map<string, AnyEntry>(
      ["a", "b", "c"].map((slug) => {
        const e = entry(0, `world/${slug}.md`, out(slug));
        return [e.key, e];
      }),
    );
    const { index } = indexEntries(entries.values());
    expect(publicationGate(index.articles, NOW)).toMatchObject({ hidden: false, next: undefined });
    const at = NOW + 7_200_000;
    const later = entry(
      0,
      "world/later.md",
      story("later", { published: new Date(at).toISOString(), draft: false }),
    );
    entries.set(later.key, later);
    const scheduled = reindexEntries(index, entries, new Map([[later.key, undefined]]), NOW);
    expect(scheduled.plain).toBe(true);
    expect(publicationGate(scheduled.index.articles, NOW)).toMatchObject({ hidden: true, next: at });
    entries.delete(later.key);
    const back = reindexEntries(scheduled.index, entries, new Map([[later.key, later]]), NOW);
    expect(publicationGate(back.index.articles, NOW)).toMatchObject({ hidden: false, next: undefined });
  });

  it("does not carry a scheduled update's time once the update is deleted", () => {
    const { story } = walk(9);
    const live = entry(
      0,
      "world/l/index.md",
      story("l", { live: { updates: [] }, draft: false, published: new Date(NOW - 7_200_000).toISOString() }),
    );
    const at = NOW + 3_600_000;
    const scheduled = updateEntry(live.key, "later", { published: new Date(at).toISOString() });
    const entries = new Map<string, AnyEntry>([
      [live.key, live],
      [scheduled.key, scheduled],
    ]);
    const { index } = indexEntries(entries.values());
    expect(publicationGate(index.articles, NOW).next).toBe(at);
    entries.delete(scheduled.key);
    const next = reindexEntries(index, entries, new Map([[scheduled.key, scheduled]]), NOW);
    expect(next.plain).toBe(true);
    expect(publicationGate(next.index.articles, NOW + 1).next).toBeUndefined();
  });

  it("carries the gate to the time of the change: a story published just before it is out", () => {
    const { story } = walk(7);
    const a = entry(
      0,
      "world/a.md",
      story("a", { published: new Date(NOW - 7_200_000).toISOString(), draft: false }),
    );
    const entries = new Map<string, AnyEntry>([[a.key, a]]);
    const { index } = indexEntries(entries.values());
    // Worked out an hour ago (the server's last request); the new story is from half an hour ago.
    publicationGate(index.articles, NOW - 3_600_000);
    const fresh = entry(
      0,
      "world/b.md",
      story("b", { published: new Date(NOW - 1_800_000).toISOString(), draft: false }),
    );
    entries.set(fresh.key, fresh);
    const next = reindexEntries(index, entries, new Map([[fresh.key, undefined]]), NOW);
    // Carried (worked out at NOW, not again on this later question), and nothing hidden.
    const gate = publicationGate(next.index.articles, NOW + 1);
    expect(gate).toEqual({ at: NOW, next: undefined, hidden: false, live: false });
  });

  it("moves a photo's URL to a file another story still shows it from when its file's story changes", () => {
    // Two copies of one photo: one URL (the bytes' hash). b's copy is then replaced by a new photo.
    const url = "/media/aaaaaaaaaaaa/p.jpg";
    const a = entry(0, "world/a.md", makeArticle({ slug: "a", hero: { ...makeArticle().hero, url } }), 1);
    const b = entry(0, "world/b.md", makeArticle({ slug: "b", hero: { ...makeArticle().hero, url } }), 2);
    const entries = new Map<string, AnyEntry>([
      [a.key, a],
      [b.key, b],
    ]);
    const { index } = indexEntries(entries.values());
    expect(index.media.get(url)).toBe(`/files-2${url}`);
    const replaced = makeArticle({
      slug: "b",
      hero: { ...makeArticle().hero, url: "/media/bbbbbbbbbbbb/p.jpg" },
    });
    entries.set(b.key, entry(0, "world/b.md", replaced, 2));
    const next = reindexEntries(index, entries, new Map([[b.key, b]]), NOW);
    expect(next.plain).toBe(true);
    expect(next.index.media.get(url)).toBe(`/files-1${url}`);
    // And when a is deleted too, the URL goes.
    entries.delete(a.key);
    const after = reindexEntries(next.index, entries, new Map([[a.key, a]]), NOW);
    expect(after.index.media.has(url)).toBe(false);
  });

  it("makes the index again in full for a duplicate slug or a story made not live with updates, naming the problem", () => {
    const { story } = walk(3);
    const a = entry(0, "world/a.md", story("a"));
    const b = entry(0, "world/b.md", story("b"));
    const entries = new Map<string, AnyEntry>([
      [a.key, a],
      [b.key, b],
    ]);
    const { index } = indexEntries(entries.values());
    const dup = entry(1, "world/a-again.md", story("a"));
    entries.set(dup.key, dup);
    const next = reindexEntries(index, entries, new Map([[dup.key, undefined]]));
    expect(next.plain).toBe(false);
    expect(next.problems.map((p) => p.message)).toEqual(['has the same slug "a" as content-0/world/a.md']);
    entries.delete(dup.key);
    // A live story with an update is made an ordinary story (live: true removed), the update left.
    const live = entry(0, "world/b/index.md", { ...b.article, live: { updates: [] } });
    const u = updateEntry(live.key, "one", { published: b.article.published });
    entries.delete(b.key);
    entries.set(live.key, live);
    entries.set(u.key, u);
    const withLive = indexEntries(entries.values());
    expect(withLive.problems).toEqual([]);
    const ended = entry(0, "world/b/index.md", { ...b.article });
    entries.set(live.key, ended);
    const next2 = reindexEntries(withLive.index, entries, new Map([[live.key, live]]));
    expect(next2.plain).toBe(false);
    expect(next2.problems.map((p) => p.message)).toEqual([
      "is an update of a story that is not live: add live: true to its index.md",
    ]);
  });
});
