import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyChanges, loadLiveContent, rescan, type LiveContent } from "./live";
import { watchContent } from "./watch";

const PHOTO = path.resolve("e2e/fixtures/content/images/summit.jpg");
const OTHER_PHOTO = path.resolve("e2e/fixtures/content/images/harbour.jpg");

function story(title: string, extra = ""): string {
  return `---
title: "${title}"
standfirst: "A standfirst."
section: world
published: "2026-01-01T10:00:00+08:00"
source: Reuters
hero:
  src: images/photo.jpg
  alt: "Alt"
  caption: "Caption."
  credit: "(Photo: AP)"
${extra}---
The text.
`;
}

let dir: string;
let lines: string[];
const log = (line: string) => lines.push(line);

/** As editors' tools and sync tools save: write a temporary file, then rename it into place. */
function save(file: string, text: string) {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(`${full}.tmp`, text);
  renameSync(`${full}.tmp`, full);
}

async function load(): Promise<LiveContent> {
  return loadLiveContent([dir], { strict: false, log });
}

const titles = (live: LiveContent) => live.index.articles.map((a) => a.title).sort();

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "dispatch-live-"));
  mkdirSync(path.join(dir, "images"));
  copyFileSync(PHOTO, path.join(dir, "images/photo.jpg"));
  lines = [];
  save("world/first.md", story("First"));
  save("world/second.md", story("Second"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("applyChanges", () => {
  it("adds a new story and re-reads only the file that changed", async () => {
    const live = await load();
    const untouched = live.entries.get("0:world/first.md");
    save("world/third.md", story("Third"));
    const report = await applyChanges(live, [{ dir, file: "world/third.md" }], log);
    expect(report.changed).toBe(true);
    expect(titles(live)).toEqual(["First", "Second", "Third"]);
    expect(live.version).toBe(2);
    // The same object: the unchanged file was not read again.
    expect(live.entries.get("0:world/first.md")).toBe(untouched);
  });

  it("keeps the last good version through a bad save, logs it as content:check would, and recovers", async () => {
    const live = await load();
    save("world/first.md", "---\ntitle: [unclosed\n---\nbody");
    await applyChanges(live, [{ dir, file: "world/first.md" }], log);
    expect(titles(live)).toEqual(["First", "Second"]);
    expect(lines.join("\n")).toMatch(
      /^content: the last good version stays published: world\/first\.md: front matter is not valid YAML/m,
    );

    save("world/first.md", story("First", "").replace("section: world\n", ""));
    await applyChanges(live, [{ dir, file: "world/first.md" }], log);
    expect(lines.at(-1)).toBe(
      "content: the last good version stays published: world/first.md: section: is required",
    );
    expect(live.broken.size).toBe(1);

    save("world/first.md", story("First, corrected"));
    await applyChanges(live, [{ dir, file: "world/first.md" }], log);
    expect(titles(live)).toEqual(["First, corrected", "Second"]);
    expect(live.broken.size).toBe(0);
  });

  it("a new story that never validated is simply not published", async () => {
    const live = await load();
    save("world/broken.md", story("Broken").replace('title: "Broken"\n', ""));
    await applyChanges(live, [{ dir, file: "world/broken.md" }], log);
    expect(titles(live)).toEqual(["First", "Second"]);
    expect(lines.at(-1)).toBe("content: not published: world/broken.md: title: is required");
  });

  it("takes a deleted story out of the index", async () => {
    const live = await load();
    unlinkSync(path.join(dir, "world/second.md"));
    await applyChanges(live, [{ dir, file: "world/second.md" }], log);
    expect(titles(live)).toEqual(["First"]);
    expect(live.index.bySlug.has("second")).toBe(false);
  });

  it("gives a replaced photo a new URL and serves the new file under it", async () => {
    const live = await load();
    const before = live.index.bySlug.get("first")?.hero.url;
    copyFileSync(OTHER_PHOTO, path.join(dir, "images/photo.jpg"));
    await applyChanges(live, [{ dir, file: "images/photo.jpg" }], log);
    const after = live.index.bySlug.get("first")?.hero.url ?? "";
    expect(after).not.toBe(before);
    expect(live.index.media.get(after)).toBe(path.join(dir, "images/photo.jpg"));
    expect(live.index.media.has(before ?? "")).toBe(false);
  });

  it("gives a replaced body photo a new URL too, by its file event and by a rescan", async () => {
    copyFileSync(PHOTO, path.join(dir, "images/body.jpg"));
    save(
      "world/third.md",
      story("Third").replace("The text.", '![A body photo](images/body.jpg "A caption")'),
    );
    const live = await load();
    const bodyUrls = () => [...live.index.media.keys()].filter((url) => url.endsWith("/body.jpg"));
    const [before = ""] = bodyUrls();
    expect(before).not.toBe("");
    copyFileSync(OTHER_PHOTO, path.join(dir, "images/body.jpg"));
    await applyChanges(live, [{ dir, file: "images/body.jpg" }], log);
    const [afterEvent = ""] = bodyUrls();
    expect(afterEvent).not.toBe(before);
    copyFileSync(PHOTO, path.join(dir, "images/body.jpg"));
    utimesSync(path.join(dir, "images/body.jpg"), new Date(), new Date(Date.now() + 5000));
    await rescan(live, log);
    expect(bodyUrls()).toEqual([before]);
  });

  it("unpublishes every story of a folder removed whole, when only the folder is named", async () => {
    const live = await load();
    rmSync(path.join(dir, "world"), { recursive: true });
    await applyChanges(live, [{ dir, file: "world" }], log);
    expect(titles(live)).toEqual([]);
  });

  it("publishes the stories of a folder renamed into place whole", async () => {
    const live = await load();
    save("staging/asia/first-asia.md", story("From a synced folder"));
    renameSync(path.join(dir, "staging/asia"), path.join(dir, "asia"));
    await applyChanges(live, [{ dir, file: "asia" }], log);
    expect(titles(live)).toEqual(["First", "From a synced folder", "Second"]);
  });

  it("ignores editors' hidden temporary files", async () => {
    const live = await load();
    writeFileSync(path.join(dir, "world/.first.md.swp"), "half a file");
    const report = await applyChanges(live, [{ dir, file: "world/.first.md.swp" }], log);
    expect(report.changed).toBe(false);
    expect(lines).toEqual([]);
  });
});

describe("rescan", () => {
  it("finds additions, edits and removals by size and time, and leaves the rest alone", async () => {
    const live = await load();
    const untouched = live.entries.get("0:world/second.md");
    save("world/first.md", story("First, edited"));
    utimesSync(path.join(dir, "world/first.md"), new Date(), new Date(Date.now() + 5000));
    save("world/fourth.md", story("Fourth"));
    const report = await rescan(live, log);
    expect(report.changed).toBe(true);
    expect(titles(live)).toEqual(["First, edited", "Fourth", "Second"]);
    expect(live.entries.get("0:world/second.md")).toBe(untouched);

    unlinkSync(path.join(dir, "world/fourth.md"));
    // A file that never validated and is then deleted is forgotten, not reported for ever.
    save("world/broken.md", "---\ntitle: [half\n");
    await rescan(live, log);
    expect(live.broken.size).toBe(1);
    unlinkSync(path.join(dir, "world/broken.md"));
    await rescan(live, log);
    expect(live.broken.size).toBe(0);
    expect(titles(live)).toEqual(["First, edited", "Second"]);
    expect((await rescan(live, log)).changed).toBe(false);
  });

  it("keeps a folder's stories, and says so, while the folder itself cannot be listed", async () => {
    const live = await load();
    const moved = `${dir}-away`;
    renameSync(dir, moved);
    try {
      const report = await rescan(live, log);
      expect(report.changed).toBe(false);
      expect(titles(live)).toEqual(["First", "Second"]);
      expect(lines.join("\n")).toMatch(/rescan could not list .*ENOENT/);
    } finally {
      renameSync(moved, dir);
    }
    // Back: a removal inside it is found as before.
    unlinkSync(path.join(dir, "world/second.md"));
    await rescan(live, log);
    expect(titles(live)).toEqual(["First"]);
  });
});

describe("watchContent", () => {
  it("publishes a file renamed into place, once per burst of events", async () => {
    const live = await load();
    const reasons: string[] = [];
    const watcher = watchContent(live, { onChange: (r) => void reasons.push(r), rescanMs: 0, log });
    try {
      await watcher.ready;
      save("world/fifth.md", story("Fifth"));
      save("world/sixth.md", story("Sixth"));
      await expect.poll(() => titles(live), { timeout: 3000 }).toContain("Sixth");
      await watcher.idle();
      expect(titles(live)).toEqual(["Fifth", "First", "Second", "Sixth"]);
      expect(reasons).toHaveLength(1);
    } finally {
      watcher.close();
    }
  });

  it("calls onChange by itself when a scheduled story's time comes", async () => {
    const live = await load();
    // Front matter has whole seconds: the next whole second at least half a second away.
    const soon = new Date(Math.ceil((Date.now() + 500) / 1000) * 1000).toISOString().replace(".000Z", "Z");
    save("world/later.md", story("Later").replace(/published: ".*"/, `published: "${soon}"`));
    await applyChanges(live, [{ dir, file: "world/later.md" }], log);
    const reasons: string[] = [];
    const watcher = watchContent(live, { onChange: (r) => void reasons.push(r), rescanMs: 0, log });
    try {
      await expect.poll(() => reasons, { timeout: 4000 }).toContain("scheduled story due");
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(soon));
    } finally {
      watcher.close();
    }
  });
});
