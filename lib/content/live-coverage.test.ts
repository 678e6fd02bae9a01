import { rmSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadLiveContent, applyChanges } from "./live";
import { saveByRename, tempContentDir } from "./live.fixture";
import { pageOfUpdate, publicCoverage, updatesPage, UPDATES_PER_PAGE } from "./live-coverage";
import { isLiveNow } from "./article";
import { parseUpdate } from "./parse";
import { nextPublicationTime } from "./public";
import { publicView } from "./public-view";
import { loadContent } from "./load";
import { ContentError } from "./problems";

/** A live story's index.md in `world/{slug}/`. */
function liveStory(title: string, extra = ""): string {
  return `---
title: "${title}"
standfirst: "A standfirst."
section: world
published: "2026-12-01T08:00:00+00:00"
source: Dispatch
live: true
${extra}hero:
  src: images/photo.jpg
  alt: "Alt"
  caption: "Caption."
  credit: "(Photo: AP)"
---
What is happening, in brief.
`;
}

function update(published: string, fields = "", body = "An update."): string {
  return `---\npublished: "${published}"\n${fields}---\n${body}\n`;
}

const at = (minute: number) =>
  new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString().replace(".000Z", "+00:00");

let dir: string;
beforeEach(() => {
  dir = tempContentDir("dispatch-live-coverage-");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("parseUpdate", () => {
  it("reads an update's fields and text", () => {
    const parsed = parseUpdate(
      "world/x/updates/0915-blast.md",
      update(at(15), 'title: "Blast"\nkey: true\n'),
    );
    expect(parsed).toMatchObject({
      ok: true,
      update: { id: "0915-blast", title: "Blast", key: true, pinned: false },
    });
  });

  it("names the field and the file, and suggests the field meant", () => {
    const parsed = parseUpdate("world/x/updates/a.md", update("yesterday", "pined: true\n"));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "world/x/updates/a.md", field: "published" }),
        expect.objectContaining({
          field: "pined",
          message: expect.stringContaining('did you mean "pinned"'),
        }),
      ]),
    );
  });

  it("an update needs text", () => {
    const parsed = parseUpdate("world/x/updates/a.md", `---\npublished: "${at(1)}"\n---\n`);
    expect(parsed.ok).toBe(false);
  });
});

describe("a live story on disk", () => {
  it("is one story at its folder's name, with its updates newest first", async () => {
    saveByRename(dir, "world/storm/index.md", liveStory("Storm"));
    saveByRename(dir, "world/storm/updates/a.md", update(at(5)));
    saveByRename(dir, "world/storm/updates/b.md", update(at(30), 'title: "Landfall"\n'));
    const index = await loadContent([dir]);
    const storm = index.bySlug.get("storm");
    expect(storm?.path).toBe("/world/storm");
    expect(storm?.live?.updates.map((u) => u.id)).toEqual(["b", "a"]);
    expect(index.articles).toHaveLength(1);
  });

  it("two pinned updates are an error naming both files", async () => {
    saveByRename(dir, "world/storm/index.md", liveStory("Storm"));
    saveByRename(dir, "world/storm/updates/a.md", update(at(5), "pinned: true\n"));
    saveByRename(dir, "world/storm/updates/b.md", update(at(6), "pinned: true\n"));
    const error = await loadContent([dir]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect(String(error)).toMatch(
      /more than one update is pinned \(world\/storm\/updates\/a\.md, world\/storm\/updates\/b\.md\)/,
    );
  });

  it("two updates with one id (a.md, a.MD) are an error; two pinned are named on every rebuild", async () => {
    saveByRename(dir, "world/storm/index.md", liveStory("Storm"));
    saveByRename(dir, "world/storm/updates/a.md", update(at(5), "pinned: true\n"));
    saveByRename(dir, "world/storm/updates/a.MD", update(at(6)));
    saveByRename(dir, "world/storm/updates/b.md", update(at(7), "pinned: true\n"));
    saveByRename(dir, "world/storm/updates/c.md", update(at(8), "pinned: true\n"));
    const log: string[] = [];
    const live = await loadLiveContent([dir], { strict: false, log: (l) => log.push(l) });
    expect(log.join("\n")).toContain(
      'world/storm/updates/a.md: has the same update id "a" as world/storm/updates/a.MD',
    );
    expect(live.index.bySlug.get("storm")?.live?.updates.map((u) => u.id)).toEqual(["c", "b", "a"]);
    saveByRename(dir, "world/other.md", liveStory("Other").replace("live: true\n", ""));
    const report = await applyChanges(live, [{ dir, file: "world/other.md" }], () => {});
    expect(report.problems.map((p) => p.message).join()).toContain("more than one update is pinned");
  });

  it("a photo or block in an update is refused with its line, not shown broken", () => {
    const parsed = parseUpdate(
      "world/x/updates/a.md",
      update(at(1), "", "Text.\n\n![A boat](images/boat.jpg)"),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({
      field: "body",
      message: expect.stringContaining("line 3 of the text"),
    });
  });

  it("an update with no live story is an error an editor can act on", async () => {
    saveByRename(dir, "world/plain/index.md", liveStory("Plain").replace("live: true\n", ""));
    saveByRename(dir, "world/plain/updates/a.md", update(at(5)));
    saveByRename(dir, "world/nobody/updates/a.md", update(at(5)));
    const error = String(await loadContent([dir]).catch((e: unknown) => e));
    expect(error).toContain("world/plain/updates/a.md: is an update of a story that is not live");
    expect(error).toContain("world/nobody/updates/a.md: is an update with no story");
  });

  it("a broken save of an update keeps its last good version and hides no other", async () => {
    saveByRename(dir, "world/storm/index.md", liveStory("Storm"));
    saveByRename(dir, "world/storm/updates/a.md", update(at(5), "", "First text."));
    saveByRename(dir, "world/storm/updates/b.md", update(at(6), "", "Second text."));
    const live = await loadLiveContent([dir], { strict: false, log: () => {} });
    saveByRename(dir, "world/storm/updates/a.md", update(at(5), "key: maybe\n", "Broken."));
    const report = await applyChanges(live, [{ dir, file: "world/storm/updates/a.md" }], () => {});
    expect(report.problems[0]?.field).toBe("key");
    const bodies = live.index.bySlug.get("storm")?.live?.updates.map((u) => u.body);
    expect(bodies).toEqual(["Second text.", "First text."]);
  });

  it("an unchanged live story stays the same object when another file changes", async () => {
    saveByRename(dir, "world/storm/index.md", liveStory("Storm"));
    saveByRename(dir, "world/storm/updates/a.md", update(at(5)));
    saveByRename(dir, "world/other.md", liveStory("Other").replace("live: true\n", ""));
    const live = await loadLiveContent([dir], { strict: false, log: () => {} });
    const before = live.index.bySlug.get("storm");
    saveByRename(dir, "world/other.md", liveStory("Other, corrected").replace("live: true\n", ""));
    await applyChanges(live, [{ dir, file: "world/other.md" }], () => {});
    expect(live.index.bySlug.get("storm")).toBe(before);
  });
});

describe("what readers see of a live story", () => {
  it("an update dated ahead appears at its time, a draft never; Updated follows the newest public update", async () => {
    saveByRename(dir, "world/storm/index.md", liveStory("Storm"));
    saveByRename(dir, "world/storm/updates/now.md", update(at(10)));
    saveByRename(dir, "world/storm/updates/later.md", update(at(40)));
    saveByRename(dir, "world/storm/updates/draft.md", update(at(1), "draft: true\n"));
    const storm = (await loadContent([dir])).bySlug.get("storm");
    if (!storm) throw new Error("no story");
    const early = publicCoverage(storm, Date.parse(at(20)));
    expect(early.live?.updates.map((u) => u.id)).toEqual(["now"]);
    expect(early.updated).toBe(at(10));
    expect(publicCoverage(storm, Date.parse(at(20)))).toBe(early);
    const late = publicCoverage(storm, Date.parse(at(45)));
    expect(late.live?.updates.map((u) => u.id)).toEqual(["later", "now"]);
    expect(late.updated).toBe(at(40));
  });

  it("an end dated ahead keeps the coverage live until then; the gate wakes at that time", async () => {
    saveByRename(dir, "world/storm/index.md", liveStory("Storm", `ended: "${at(30)}"\n`));
    saveByRename(dir, "world/storm/updates/now.md", update(at(10)));
    const index = await loadContent([dir]);
    const storm = index.bySlug.get("storm");
    if (!storm) throw new Error("no story");
    const before = publicCoverage(storm, Date.parse(at(20)));
    expect(isLiveNow(before)).toBe(true);
    expect(before.live?.ended).toBeUndefined();
    expect(publicCoverage(storm, Date.parse(at(29)))).toBe(before);
    // The view is worked out again at the end: a new object, so the refresh sees a change.
    expect(nextPublicationTime(index.articles, Date.parse(at(20)))).toBe(Date.parse(at(30)));
    const after = publicCoverage(storm, Date.parse(at(30)));
    expect(after).not.toBe(before);
    expect(isLiveNow(after)).toBe(false);
    expect(after.live?.ended).toBe(at(30));
    expect(nextPublicationTime(index.articles, Date.parse(at(30)))).toBeUndefined();
    // In the public view too, with nothing hidden (the copy path) and with a draft beside it.
    expect(isLiveNow(publicView(index, Date.parse(at(20))).bySlug.get("storm") ?? storm)).toBe(true);
    expect(isLiveNow(publicView(index, Date.parse(at(31))).bySlug.get("storm") ?? before)).toBe(false);
  });

  it("pages hold 20 updates each, newest first; a permalink finds its page", async () => {
    saveByRename(dir, "world/storm/index.md", liveStory("Storm"));
    for (let i = 0; i < 45; i += 1) {
      saveByRename(
        dir,
        `world/storm/updates/u${String(i).padStart(2, "0")}.md`,
        update(at(i), i === 3 ? "pinned: true\n" : ""),
      );
    }
    const storm = (await loadContent([dir])).bySlug.get("storm");
    if (!storm) throw new Error("no story");
    const first = updatesPage(storm, 1);
    expect(first.pages).toBe(3);
    expect(first.updates).toHaveLength(UPDATES_PER_PAGE);
    expect(first.updates[0]?.id).toBe("u44");
    expect(updatesPage(storm, 3).updates.map((u) => u.id)).toEqual(["u04", "u02", "u01", "u00"]);
    expect(pageOfUpdate(storm, "u00")).toBe(3);
    expect(pageOfUpdate(storm, "u03")).toBe(1);
    expect(pageOfUpdate(storm, "u44")).toBe(1);
    expect(pageOfUpdate(storm, "nope")).toBeUndefined();
  });
});
